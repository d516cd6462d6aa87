using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.ManageUsers;
using Motcua.Common.Localization;
using QRCoder;

namespace Motcua.Access.Security;

/// <summary>The signed-in user's own profile, password and authenticator (TOTP) second factor.</summary>
internal sealed class AccountModel(UserManager<MotcuaUser> users, SignInManager<MotcuaUser> signIn, UserAdministration administration, IStringLocalizer<SharedResource> l) : PageModel
{
    public UserView? View { get; private set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? VerificationCode { get; set; }

    public string? SharedKey { get; private set; }

    public string? QrCodeDataUri { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? string.Empty, NewPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            await LoadAsync();
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = l["Your password was changed."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStartTwoFactorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.ResetAuthenticatorKeyAsync(user);

        // A new key changes the security stamp, which ends every session of the user (ADR 0017): keep this one.
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(showKey: true);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = (VerificationCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(VerificationCode), l["The code is not valid."]);
            await LoadAsync(showKey: true);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = l["Two-factor sign-in is off."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(bool showKey = false)
    {
        View = await administration.FindSelfAsync(User.Identity?.Name ?? string.Empty, HttpContext.RequestAborted);
        if (!showKey)
        {
            return;
        }

        var user = await users.GetUserAsync(User);
        var key = user is null ? null : await users.GetAuthenticatorKeyAsync(user);
        if (key is null)
        {
            return;
        }

        SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode("Motcua")}:{UrlEncoder.Default.Encode(user!.UserName!)}?secret={key}&issuer={UrlEncoder.Default.Encode("Motcua")}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
