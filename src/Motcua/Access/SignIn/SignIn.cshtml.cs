using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;

namespace Motcua.Access.SignIn;

[AllowAnonymous]
internal sealed class SignInModel(SignInManager<MotcuaUser> signIn, IStringLocalizer<SharedResource> l, MotcuaMetrics metrics) : PageModel
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

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, RememberMe, lockoutOnFailure: true);
        await SignInAudit.RecordAsync(HttpContext, UserName, result, "password");
        metrics.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", result.Succeeded ? "success" : result.RequiresTwoFactor ? "two_factor" : result.IsLockedOut ? "locked_out" : "failure"));
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Access/SignIn/SignInTwoFactor", new { ReturnUrl, RememberMe });
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? l["The account is locked after repeated failed sign-ins. Try again later."]
            : result.IsNotAllowed ? l["The account is disabled."] : l["The user name or password is incorrect."]);
        return Page();
    }

    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
