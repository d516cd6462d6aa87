using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Indexes.Closing;

namespace Motcua.Indexes.Pages;

/// <summary>
/// The corrections made after a period was closed and published: which dossier, which figures it moved
/// (into or out of a numerator or a denominator), who and why. What an inspector asks for when a published
/// figure and today's figure differ.
/// </summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.UnitAdmin},{Roles.ReformOfficer},{Roles.Leader}")]
internal sealed class AdjustmentsModel(PeriodClosing closing) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ClosedPeriodSummary? Period { get; private set; }

    public IReadOnlyList<AdjustmentView> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Period = await closing.SummaryOfAsync(Id, cancellationToken);
        Items = await closing.AdjustmentsOfAsync(Id, cancellationToken);
        return Page();
    }
}
