using Motcua.Indexes.Counting;

namespace Motcua.Indexes.EarlyWarning;

internal sealed record OnTimeProjectionResult(
    DateOnly MonthStart, DateOnly MonthEnd, DateOnly AsOf, long Active, long OnTimeToday, double? RateToday, long OnTimeAtMonthEnd, double? ProjectedRate, long TurningLate);

/// <summary>
/// The month's on-time rate if nothing changes: no dossier is received or completed until the month ends.
/// The dossiers active in the month are then the same at its end as today; a completed one keeps its
/// judgement; an open one is judged at the end of the month, so it turns late when the instant it
/// becomes late (its appointment, plus a forgiven supplement's pause) falls before the month ends, and
/// stays on time when its clock is stopped by an outstanding supplement. That is exactly the on-time rate
/// of the whole month computed from today's counters (open dossiers are judged at the end of the period),
/// so the projection is two counter sums and this arithmetic. "Today" is the month so far, judged at the
/// end of today like any period the service computes.
/// </summary>
internal static class OnTimeProjection
{
    public static OnTimeProjectionResult Of(DateOnly today, PeriodCounts monthSoFar, PeriodCounts wholeMonth)
    {
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var now = Find(IndicatorFormulas.Compute(monthSoFar), "onTimeRate");
        var projected = Find(IndicatorFormulas.Compute(wholeMonth), "onTimeRate");
        return new OnTimeProjectionResult(
            monthStart, monthStart.AddMonths(1).AddDays(-1), today,
            projected.Denominator ?? 0, now.Numerator, now.Value, projected.Numerator, projected.Value, Math.Max(0, now.Numerator - projected.Numerator));
    }

    private static IndicatorValue Find(IReadOnlyList<IndicatorValue> values, string code) => values.First(v => v.Code == code);
}
