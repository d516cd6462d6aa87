using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Data;

namespace Motcua.Organisation.Pages;

internal sealed record LinkedUnit(string Code, string Name, DateOnly EffectiveOn);

[Authorize(Policy = Policies.Administration)]
internal sealed class UnitDetailsModel(OrganisationDbContext db, UnitAdministration administration, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    public AdministrativeUnit? Unit { get; private set; }

    public string? ParentCode { get; private set; }

    public string? ParentName { get; private set; }

    public IReadOnlyList<LinkedUnit> Predecessors { get; private set; } = [];

    public IReadOnlyList<LinkedUnit> Successors { get; private set; } = [];

    public string? LegalBasis { get; private set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public IReadOnlyList<UnitEvent> History { get; private set; } = [];

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public DateOnly? EffectiveOn { get; set; }

    [BindProperty]
    public DateOnly? LastDay { get; set; }

    [BindProperty]
    public string? DepartmentCode { get; set; }

    [BindProperty]
    public string? DepartmentName { get; set; }

    [BindProperty]
    public DepartmentKind DepartmentKind { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Address = Unit!.Address;
        Phone = Unit.Phone;
        Email = Unit.Email;
        NewName = Unit.Name;
        EffectiveOn = VietnamTime.Today(clock);
        return Page();
    }

    public Task<IActionResult> OnPostContactAsync() =>
        RunAsync(() => administration.UpdateContactAsync(Code, Address, Phone, Email, HttpContext.RequestAborted), l["The contact details were saved."]);

    public Task<IActionResult> OnPostRenameAsync() =>
        RunAsync(() => administration.RenameAsync(Code, NewName ?? string.Empty, EffectiveOn ?? throw new DomainException("effectiveOn", "The date {0} is required.", "effectiveOn"), HttpContext.RequestAborted), l["The unit was renamed."]);

    public Task<IActionResult> OnPostCloseAsync() =>
        RunAsync(() => administration.CloseAsync(Code, LastDay ?? throw new DomainException("lastDay", "The date {0} is required.", "lastDay"), HttpContext.RequestAborted), l["The unit was recorded as ceased."]);

    public Task<IActionResult> OnPostAddDepartmentAsync() =>
        RunAsync(() => administration.AddDepartmentAsync(Code, DepartmentCode ?? string.Empty, DepartmentName ?? string.Empty, DepartmentKind, HttpContext.RequestAborted), l["The department was added."]);

    public async Task<IActionResult> OnPostToggleDepartmentAsync(string departmentCode)
    {
        var unit = await administration.RequireInScopeAsync(Code, HttpContext.RequestAborted);
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.UnitId == unit.Id && d.Code == departmentCode, HttpContext.RequestAborted);
        if (department is null)
        {
            return NotFound();
        }

        return await RunAsync(() => administration.UpdateDepartmentAsync(Code, departmentCode, department.Name, department.Kind, !department.IsActive, HttpContext.RequestAborted), l["The department was updated."]);
    }

    private async Task<IActionResult> RunAsync(Func<Task> action, LocalizedString message)
    {
        await action();
        TempData["Message"] = message.Value;
        return RedirectToPage(new { Code });
    }

    public Task ReloadAsync() => LoadAsync();

    private async Task<bool> LoadAsync()
    {
        Unit = await administration.RequireInScopeAsync(Code, HttpContext.RequestAborted);

        var ct = HttpContext.RequestAborted;
        if (Unit.ParentId is { } parentId && await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, ct) is { } parent)
        {
            ParentCode = parent.Code;
            ParentName = parent.Name;
        }

        var links = await db.Successions.AsNoTracking().Where(s => s.PredecessorId == Unit.Id || s.SuccessorId == Unit.Id).ToListAsync(ct);
        var otherIds = links.SelectMany(s => new[] { s.PredecessorId, s.SuccessorId }).Where(id => id != Unit.Id).ToList();
        var others = await db.Units.AsNoTracking().Where(u => otherIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        Predecessors = [.. links.Where(s => s.SuccessorId == Unit.Id && others.ContainsKey(s.PredecessorId)).Select(s => new LinkedUnit(others[s.PredecessorId].Code, others[s.PredecessorId].Name, s.EffectiveOn))];
        Successors = [.. links.Where(s => s.PredecessorId == Unit.Id && others.ContainsKey(s.SuccessorId)).Select(s => new LinkedUnit(others[s.SuccessorId].Code, others[s.SuccessorId].Name, s.EffectiveOn))];
        LegalBasis = links.Select(s => s.LegalBasis).FirstOrDefault(b => b is not null);
        Departments = await db.Departments.AsNoTracking().Where(d => d.UnitId == Unit.Id).OrderBy(d => d.Code).ToListAsync(ct);
        History = await db.UnitEvents.AsNoTracking().Where(e => e.UnitId == Unit.Id).OrderByDescending(e => e.Id).Take(200).ToListAsync(ct);
        return true;
    }
}
