using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Motcua.Common;
using Motcua.Plans.WeeklyReports;

namespace Motcua.Plans.Pages;

/// <summary>The stored weekly reports of the issuing units in scope, to download as Word or Excel.</summary>
internal sealed class WeeklyReportsModel(WeeklyReportService reports) : PageModel
{
    public IReadOnlyList<WeeklyReportSummary> Reports { get; private set; } = [];

    public bool CanProduce => reports.CanProduce;

    public string? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = await reports.ListAsync(cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostProduceAsync(CancellationToken cancellationToken)
    {
        Outcome = await reports.ProduceNowAsync(cancellationToken);

        Reports = await reports.ListAsync(cancellationToken: cancellationToken);
        return Page();
    }
}
