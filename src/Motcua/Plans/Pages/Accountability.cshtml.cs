using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Motcua.Common;
using Motcua.Plans.Accountability;

namespace Motcua.Plans.Pages;

/// <summary>The accountability view per unit head for a year.</summary>
internal sealed class AccountabilityModel(AccountabilityService accountability, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<UnitAccountability> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year ??= VietnamTime.Today(time).Year;
        Units = await accountability.ForYearAsync(Year, cancellationToken);
    }
}
