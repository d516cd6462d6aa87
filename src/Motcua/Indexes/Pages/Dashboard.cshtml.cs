using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Indexes.Dashboard;
using Motcua.Indexes.EarlyWarning;
using Motcua.Indexes.Ranking;
using Motcua.Indexes.ServiceIndex;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.Pages;

/// <summary>
/// A unit's service-quality dashboard: the period picker, a card per indicator (value, target, variance,
/// colour, twelve-month trend), the Decision 766 points by group, the ranking of the units under it and
/// the early-warning summary. The unit defaults to the user's; another unit must be in the user's scope
/// (checked by <see cref="ServiceIndexService.ResolveAsync"/>).
/// </summary>
internal sealed class DashboardModel(
    ServiceIndexService index, RankingService ranking, EarlyWarningService warnings, IndicatorTrend trend, IUnitDirectory units, ICurrentUser user,
    TimeProvider clock, IConfiguration configuration, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UnitCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public DateOnly Today { get; private set; }

    public DashboardPeriod? Period { get; private set; }

    public ServiceIndexResult? Result { get; private set; }

    public IReadOnlyList<TrendMonth> Trend { get; private set; } = [];

    public RankingResult? Ranking { get; private set; }

    public RankingMetric Metric { get; private set; }

    public EarlyWarningResult? Warning { get; private set; }

    public IReadOnlyList<UnitSummary> Choices { get; private set; } = [];

    /// <summary>How far below target (in ratio points) an indicator is at risk rather than bad.</summary>
    public double Margin { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Today = VietnamTime.Today(clock);
        Margin = configuration.GetValue("Motcua:Indexes:AtRiskPoints", IndicatorStatuses.DefaultMargin * 100) / 100;
        Choices = await ChoicesAsync(cancellationToken);
        var code = string.IsNullOrWhiteSpace(UnitCode) ? await DefaultUnitAsync(cancellationToken) : UnitCode.Trim().ToUpperInvariant();
        if (code is null)
        {
            ModelState.AddModelError(string.Empty, l["There are no units yet."]);
            return Page();
        }

        UnitCode = code;
        if (!RankingEndpoint.TryMetric(By, out var metric))
        {
            ModelState.AddModelError(nameof(By), l["by must be one of: {0}.", "points, onTimeRate"]);
            return Page();
        }

        Metric = metric;
        Period = DashboardPeriod.Parse(Kind, Year, Month, Quarter, From, To, Today);
        var unit = await index.ResolveAsync(code, Period.From, Period.To, cancellationToken);
        Result = await index.ComputeAsync(unit.Code, Period.From, Period.To, cancellationToken);
        Trend = await trend.MonthlyAsync(unit.Id, Period.To, cancellationToken);
        Ranking = await ranking.RankAsync(unit.Code, Period.From, Period.To, metric, cancellationToken);
        Warning = await warnings.WarnAsync(unit.Code, EarlyWarningService.DefaultDays, 5, cancellationToken);

        return Page();
    }

    public IndicatorStatus StatusOf(IndicatorResult indicator) =>
        IndicatorStatuses.Classify(indicator.Value, indicator.Target, indicator.LowerIsBetter, Margin);

    /// <summary>The query string of the chosen period, for links that keep it.</summary>
    public string PeriodQuery() => Period is not { } p ? string.Empty : p.Kind switch
    {
        PeriodKind.Month => $"kind=month&year={p.Year}&month={p.Month}",
        PeriodKind.Quarter => $"kind=quarter&year={p.Year}&quarter={p.Quarter}",
        PeriodKind.Year => $"kind=year&year={p.Year}",
        _ => $"kind=custom&from={DashboardPeriod.Iso(p.Start)}&to={DashboardPeriod.Iso(p.End)}",
    };

    /// <summary>The drill-down of an indicator for the computed period.</summary>
    public string ExplainUrl(string indicator, bool numeratorOnly = false) => Period is not { } p || Result is null
        ? "#"
        : $"/chi-so/{Uri.EscapeDataString(Result.Unit)}/ho-so/{Uri.EscapeDataString(indicator)}?from={DashboardPeriod.Iso(p.From)}&to={DashboardPeriod.Iso(p.To)}{(numeratorOnly ? "&part=numerator" : string.Empty)}";

    private async Task<string?> DefaultUnitAsync(CancellationToken cancellationToken)
    {
        if (user.UnitId is { } own && await units.FindAsync(own, cancellationToken) is { } unit)
        {
            return unit.Code;
        }

        // A system administrator tied to no unit starts at the first top-level unit in force.
        return Choices.FirstOrDefault(u => u.ParentId is null)?.Code ?? (Choices.Count > 0 ? Choices[0].Code : null);
    }

    /// <summary>The units in force today that the user may open, for the unit picker.</summary>
    private async Task<IReadOnlyList<UnitSummary>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        return [.. (await units.ListAsync(cancellationToken)).Where(u => scope.Contains(u.Id) && u.IsValidOn(Today)).OrderBy(u => u.ParentId is null ? 0 : 1).ThenBy(u => u.Code, StringComparer.Ordinal)];
    }
}
