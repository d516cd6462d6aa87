using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;

namespace Motcua.Access.SignIn;

[AllowAnonymous]
internal sealed class SignInModel(SignInManager<MotcuaUser> signIn, PasswordCheck passwords, IStringLocalizer<SharedResource> l, MotcuaMetrics metrics) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(string.Empty, l["Enter your user name and password."]);
            return Page();
        }

        var checkedPassword = await passwords.CheckAsync(UserName, Password);
        if (checkedPassword.Outcome == PasswordCheckOutcome.Throttled)
        {
            metrics.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", "throttled"));
            await SignInAudit.RecordAsync(HttpContext, UserName, succeeded: false, "password: throttled");
            var seconds = SignInThrottle.RetryAfterSeconds(checkedPassword.RetryAfter);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError(string.Empty, l["Too many sign-in attempts. Try again in {0} seconds.", seconds]);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        // An unknown user, a disabled user and a wrong password get the same answer.
        if (checkedPassword is not { Outcome: PasswordCheckOutcome.Succeeded, User: { } user })
        {
            metrics.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
            await SignInAudit.RecordAsync(HttpContext, UserName, succeeded: false, "password: wrong user name or password, or disabled");
            ModelState.AddModelError(string.Empty, l["The user name or password is incorrect."]);
            return Page();
        }

        if (!user.TwoFactorEnabled)
        {
            await signIn.SignInAsync(user, RememberMe);
            await SignInAudit.RecordAsync(HttpContext, UserName, succeeded: true, "password");
            metrics.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        // Identity's own path sets the two-factor cookie; it checks the (already verified) password again.
        var result = await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: false);
        await SignInAudit.RecordAsync(HttpContext, UserName, result, "password");
        metrics.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", result.Succeeded ? "success" : result.RequiresTwoFactor ? "two_factor" : "failure"));
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Access/SignIn/SignInTwoFactor", new { ReturnUrl, RememberMe });
        }

        ModelState.AddModelError(string.Empty, l["The user name or password is incorrect."]);
        return Page();
    }

    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
