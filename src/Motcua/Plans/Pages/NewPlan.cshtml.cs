using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;

namespace Motcua.Plans.Pages;

/// <summary>A plan entered by hand; its tasks are added on the plan's page.</summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.ReformOfficer},{Roles.Leader}")]
internal sealed class NewPlanModel(PlanEditing editing, PlanFormUnits formUnits, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    [BindProperty]
    public string? NumberAndSymbol { get; set; }

    [BindProperty]
    public string? IssuingUnit { get; set; }

    [BindProperty]
    public DateOnly? IssuedOn { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Units = await formUnits.ListAsync(HttpContext.RequestAborted);
        IssuingUnit = Units.FirstOrDefault(u => u.Id == formUnits.OwnUnitId)?.Code;
        IssuedOn = VietnamTime.Today(time);
        Year = IssuedOn.Value.Year;
    }

    public async Task ReloadAsync() => Units = await formUnits.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(IFormFile? source)
    {
        await using var content = source is { Length: > 0 } ? source.OpenReadStream() : null;
        var (plan, _) = await editing.CreateWithTasksAsync(
            new PlanInput(NumberAndSymbol, IssuingUnit, IssuedOn, Title, Purpose, Year), [], content is null ? null : new UploadedFile(source!.FileName, content), HttpContext.RequestAborted);
        TempData["Message"] = l["The plan was created; add its tasks."].Value;
        return Redirect($"/ke-hoach/{plan.Id}");
    }
}
