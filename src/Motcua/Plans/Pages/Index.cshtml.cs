using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.Pages;

/// <summary>The plans the user sees, with their roll-up, and the ways in: a new plan, a plan from its text, the board, the calendar, the weekly report.</summary>
internal sealed class IndexModel(PlanReading reading, PlanAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public bool CanCreate => access.IsRunner;

    public async Task OnGetAsync()
    {
        Plans = await reading.ListAsync(Year, null, HttpContext.RequestAborted);
    }
}
