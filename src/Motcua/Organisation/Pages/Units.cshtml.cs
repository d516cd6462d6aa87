using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;
using Motcua.Organisation.ImportUnits;

namespace Motcua.Organisation.Pages;

internal sealed record UnitRow(UnitSummary Unit, int Depth);

[Authorize(Policy = Policies.Administration)]
internal sealed class UnitsModel(IUnitDirectory directory, ICurrentUser user, UnitAdministration administration, UnitImporter importer, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "history")]
    public bool ShowHistory { get; set; }

    public IReadOnlyList<UnitRow> Rows { get; private set; } = [];

    [BindProperty]
    public string? NewCode { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public UnitKind NewKind { get; set; } = UnitKind.Commune;

    [BindProperty]
    public string? NewParentCode { get; set; }

    [BindProperty]
    public DateOnly? NewValidFrom { get; set; }

    public async Task OnGetAsync()
    {
        NewValidFrom ??= VietnamTime.Today(clock);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var unit = await administration.CreateAsync(
            new NewUnit(NewCode ?? string.Empty, NewName ?? string.Empty, NewKind, NewParentCode, NewValidFrom ?? throw new DomainException("validFrom", "The first day (validFrom) is required.")),
            HttpContext.RequestAborted);
        TempData["Message"] = l["Unit {0} was created.", unit.Name].Value;
        return Redirect($"/admin/units/{unit.Code}");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        var result = await importer.ImportAsync(TabularFile.ReadUpload(file), HttpContext.RequestAborted);
        TempData["Message"] = l["Imported: {0} created, {1} updated, {2} succession links.", result.Created, result.Updated, result.Successions].Value;
        return RedirectToPage();
    }

    public Task ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var scope = await user.GetScopeAsync(HttpContext.RequestAborted);
        var all = await directory.ListAsync(HttpContext.RequestAborted);
        var visible = all.Where(u => scope.Contains(u.Id) && (ShowHistory || u.ValidTo is null)).ToList();
        var children = visible.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var ids = visible.Select(u => u.Id).ToHashSet();
        var rows = new List<UnitRow>();

        void Walk(UnitSummary unit, int depth)
        {
            rows.Add(new UnitRow(unit, depth));
            foreach (var child in children[unit.Id].OrderBy(c => c.ValidTo is not null).ThenBy(c => c.Name, StringComparer.Create(Cultures.Vietnamese, false)))
            {
                Walk(child, depth + 1);
            }
        }

        foreach (var root in visible.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)).OrderBy(u => u.Code))
        {
            Walk(root, 0);
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim();
            rows = [.. rows.Where(r => r.Unit.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase) || r.Unit.Code.Contains(q, StringComparison.OrdinalIgnoreCase))];
        }

        Rows = rows;
    }
}
