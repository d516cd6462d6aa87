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

internal sealed class UserForm
{
    public string? UserName { get; set; }

    public string? FullName { get; set; }

    public string? Email { get; set; }

    public string? JobTitle { get; set; }

    public string? UnitCode { get; set; }

    public List<string> Roles { get; set; } = [];

    public UserInput ToInput() => new(UserName ?? string.Empty, FullName ?? string.Empty, Email, UnitCode, JobTitle, Roles);
}

[Authorize(Policy = Policies.Administration)]
internal sealed class UsersModel(UserAdministration administration, IUnitDirectory units, ICurrentUser caller, TimeProvider clock) : PageModel, IReloadsOnRefusal, IRefusalFieldPrefix
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];

    public IReadOnlyList<string> AssignableRoles => caller.IsSystemAdmin ? Roles.All : [.. Roles.All.Where(r => r != Roles.SystemAdmin)];

    [BindProperty]
    public UserForm Input { get; set; } = new();

    public string? CreatedUserName { get; private set; }

    public string? CreatedPassword { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var password = UserAdministration.GeneratePassword();
        var user = await administration.CreateAsync(Input.ToInput(), password, HttpContext.RequestAborted);
        CreatedUserName = user.UserName;
        CreatedPassword = password;
        Input = new UserForm();
        ModelState.Clear();

        await LoadAsync();
        return Page();
    }

    internal static async Task<IReadOnlyList<UnitSummary>> AssignableUnitsAsync(IUnitDirectory units, ICurrentUser caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await caller.GetScopeAsync(cancellationToken);
        var today = VietnamTime.Today(clock);
        return [.. (await units.ListAsync(cancellationToken)).Where(u => scope.Contains(u.Id) && u.IsValidOn(today)).OrderBy(u => u.Code)];
    }

    public string FieldPrefix => nameof(Input);

    public Task ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Users = await administration.ListAsync(HttpContext.RequestAborted);
        Units = await AssignableUnitsAsync(units, caller, clock, HttpContext.RequestAborted);
    }
}
