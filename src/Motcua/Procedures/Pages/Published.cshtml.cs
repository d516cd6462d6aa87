using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Motcua.Organisation.Contracts;

namespace Motcua.Procedures.Pages;

/// <summary>
/// The publication the seeds require at every desk and on the portal: a unit's procedures with their
/// documents, time, fee and online level, and the unit's hotline. Public.
/// </summary>
[AllowAnonymous]
internal sealed class PublishedModel(ProcedureCatalogue catalogue, IUnitDirectory units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UnitCode { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public UnitSummary Unit { get; private set; } = null!;

    public UnitContact? Contact { get; private set; }

    public IReadOnlyList<UnitProcedureView> Procedures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var unit = await units.FindByCodeAsync(UnitCode.Trim().ToUpperInvariant(), HttpContext.RequestAborted);
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        Contact = await units.GetContactAsync(unit.Id, HttpContext.RequestAborted);
        var all = await catalogue.ListForUnitAsync(unit.Id, HttpContext.RequestAborted);
        Procedures = string.IsNullOrWhiteSpace(Q)
            ? all
            : [.. all.Where(p => p.Procedure.Name.Contains(Q.Trim(), StringComparison.CurrentCultureIgnoreCase) || p.Procedure.Code.Contains(Q.Trim(), StringComparison.Ordinal))];
        return Page();
    }
}
