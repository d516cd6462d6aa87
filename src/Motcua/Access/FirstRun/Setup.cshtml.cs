using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.ManageUsers;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Access.FirstRun;

/// <summary>Creates the first system administrator, only while none exists (checked again on post).</summary>
[AllowAnonymous]
internal sealed class SetupModel(SetupState setup, UserAdministration users, SignInManager<MotcuaUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await setup.HasAdministratorAsync(HttpContext.RequestAborted) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // One at a time, so two people racing to the page cannot both become administrator.
        await Gate.WaitAsync(HttpContext.RequestAborted);
        try
        {
            if (await setup.HasAdministratorAsync(HttpContext.RequestAborted))
            {
                return NotFound();
            }

            if (Password != ConfirmPassword)
            {
                ModelState.AddModelError(nameof(ConfirmPassword), l["The passwords do not match."]);
                return Page();
            }

            var created = await users.CreateFirstAdministratorAsync(UserName ?? string.Empty, FullName ?? string.Empty, Password ?? string.Empty, HttpContext.RequestAborted);
            await signIn.SignInAsync((await signIn.UserManager.FindByIdAsync(created.Id.ToString()))!, isPersistent: false);
            TempData["Message"] = l["The administrator account was created. Welcome to Motcua."].Value;
            return Redirect("/");
        }
        finally
        {
            Gate.Release();
        }
    }
}
