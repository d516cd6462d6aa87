using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;

namespace Motcua.Access.ManageUsers.Pages;

[Authorize(Policy = Policies.Administration)]
internal sealed class EditUserModel(UserAdministration administration, IUnitDirectory units, ICurrentUser caller, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal, IRefusalFieldPrefix
{
    [BindProperty(SupportsGet = true)]
    public string UserName { get; set; } = string.Empty;

    public UserView? View { get; private set; }

    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];

    public IReadOnlyList<string> AssignableRoles => caller.IsSystemAdmin ? Roles.All : [.. Roles.All.Where(r => r != Roles.SystemAdmin)];

    [BindProperty]
    public UserForm Input { get; set; } = new();

    public string? NewPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new UserForm { UserName = View!.UserName, FullName = View.FullName, Email = View.Email, JobTitle = View.JobTitle, UnitCode = View.UnitCode, Roles = [.. View.Roles] };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync() =>
        RunAsync(() => administration.UpdateAsync(UserName, Input.ToInput(), HttpContext.RequestAborted), l["The user was saved."]);

    public Task<IActionResult> OnPostUnlockAsync() =>
        RunAsync(() => administration.UnlockAsync(UserName, HttpContext.RequestAborted), l["The user was unlocked."]);

    public Task<IActionResult> OnPostResetTwoFactorAsync() =>
        RunAsync(() => administration.ResetTwoFactorAsync(UserName, HttpContext.RequestAborted), l["Two-factor sign-in is off."]);

    public async Task<IActionResult> OnPostToggleDisabledAsync()
    {
        var view = await administration.FindAsync(UserName, HttpContext.RequestAborted);
        return view is null
            ? NotFound()
            : await RunAsync(() => administration.SetDisabledAsync(UserName, !view.IsDisabled, HttpContext.RequestAborted), view.IsDisabled ? l["The user was enabled."] : l["The user was disabled."]);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync()
    {
        var password = UserAdministration.GeneratePassword();
        var result = await RunAsync(() => administration.ResetPasswordAsync(UserName, password, HttpContext.RequestAborted), null);
        if (result is PageResult)
        {
            return result;
        }

        NewPassword = password;
        await LoadAsync();
        Input = new UserForm { UserName = View!.UserName, FullName = View.FullName, Email = View.Email, JobTitle = View.JobTitle, UnitCode = View.UnitCode, Roles = [.. View.Roles] };
        return Page();
    }

    private async Task<IActionResult> RunAsync(Func<Task> action, LocalizedString? message)
    {
        await action();
        if (message is null)
        {
            return new OkResult();
        }

        TempData["Message"] = message.Value;
        return RedirectToPage(new { UserName });
    }

    public string FieldPrefix => nameof(Input);

    public async Task ReloadAsync()
    {
        if (!await LoadAsync())
        {
            throw new NotFoundException();
        }
    }

    private async Task<bool> LoadAsync()
    {
        View = await administration.FindAsync(UserName, HttpContext.RequestAborted);
        Units = await UsersModel.AssignableUnitsAsync(units, caller, clock, HttpContext.RequestAborted);
        return View is not null;
    }
}
