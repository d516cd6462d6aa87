using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Indexes.Dashboard;
using Motcua.Indexes.Explain;

namespace Motcua.Indexes.Pages;

/// <summary>
/// The working of a number: the dossiers of an indicator's denominator, each marked in or out of its
/// numerator (or the numerator only), paged, with the formula, the calendar and the XLSX download.
/// </summary>
internal sealed class ExplainModel(ExplainService explain) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string UnitCode { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Indicator { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Part { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Explanation? Result { get; private set; }

    public bool NumeratorOnly => string.Equals(Part, "numerator", StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var from = DashboardPeriod.Date(From, "from");
        var to = DashboardPeriod.Date(To, "to");
        Result = await explain.ExplainAsync(Indicator, UnitCode, from, to, NumeratorOnly, PageNumber, PageSize, HttpContext.RequestAborted);

        return Page();
    }

    /// <summary>Dossiers listed under the current filter (the numerator, or the whole denominator).</summary>
    public long Listed => Result is null ? 0 : NumeratorOnly ? Result.Numerator : Result.Denominator;

    public string Query(bool? numeratorOnly = null, int? page = null)
    {
        var numerator = numeratorOnly ?? NumeratorOnly;
        return Result is null
            ? string.Empty
            : $"from={DashboardPeriod.Iso(Result.From)}&to={DashboardPeriod.Iso(Result.To)}{(numerator ? "&part=numerator" : string.Empty)}&p={page ?? 1}";
    }

    /// <summary>The export endpoint of the API (the same rules, every dossier, with the formula and calendar in the sheet).</summary>
    public string XlsxUrl => Result is null
        ? "#"
        : $"/api/v1/indexes/service/{Uri.EscapeDataString(Result.Indicator)}/dossiers?unit={Uri.EscapeDataString(Result.Unit)}&from={DashboardPeriod.Iso(Result.From)}&to={DashboardPeriod.Iso(Result.To)}&format=xlsx";
}
