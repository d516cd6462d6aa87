using System.Globalization;
using Motcua.Common;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Dashboard;
using Motcua.Indexes.EarlyWarning;
using Motcua.Indexes.Ranking;

namespace Motcua.UnitTests.Indexes;

/// <summary>The pure rules behind the dashboards: card colours, periods, ranking, the warning window and the projection.</summary>
public sealed class DashboardFacts
{
    public static readonly TheoryData<double?, double?, bool, string> StatusCases = new()
    {
        // value, target, lower is better, status
        { 0.96, 0.95, false, "Good" },
        { 0.95, 0.95, false, "Good" },
        { 0.93, 0.95, false, "AtRisk" },
        { 0.90, 0.95, false, "AtRisk" },    // exactly 5 points short (0.0500000000004 in doubles)
        { 0.8999, 0.95, false, "Bad" },
        { 0.0, 1.0, false, "Bad" },
        // Lower is better: the target is a maximum.
        { 0.01, 0.013, true, "Good" },
        { 0.013, 0.013, true, "Good" },
        { 0.05, 0.013, true, "AtRisk" },
        { 0.07, 0.013, true, "Bad" },
        // Nothing to judge.
        { null, 0.95, false, "None" },
        { 0.5, null, false, "None" },
    };

    [Theory]
    [MemberData(nameof(StatusCases))]
    public void A_card_is_green_when_it_meets_its_target_amber_within_five_points_red_beyond(double? value, double? target, bool lowerIsBetter, string expected) =>
        Assert.Equal(Enum.Parse<IndicatorStatus>(expected), IndicatorStatuses.Classify(value, target, lowerIsBetter));

    [Fact]
    public void The_at_risk_margin_can_be_configured()
    {
        Assert.Equal(IndicatorStatus.Bad, IndicatorStatuses.Classify(0.93, 0.95, false, margin: 0.01));
        Assert.Equal(IndicatorStatus.AtRisk, IndicatorStatuses.Classify(0.85, 0.95, false, margin: 0.10));
    }

    private static readonly DateOnly Today = new(2026, 11, 25);

    public static readonly TheoryData<string?, int?, int?, int?, string?, string?, string, string, string> PeriodCases = new()
    {
        // kind, year, month, quarter, from, to → start, end, computed to
        { null, null, null, null, null, null, "2026-11-01", "2026-11-30", "2026-11-25" },
        { "month", 2026, 2, null, null, null, "2026-02-01", "2026-02-28", "2026-02-28" },
        { "quarter", 2026, null, 3, null, null, "2026-07-01", "2026-09-30", "2026-09-30" },
        { "quarter", null, null, null, null, null, "2026-10-01", "2026-12-31", "2026-11-25" },
        { "year", 2025, null, null, null, null, "2025-01-01", "2025-12-31", "2025-12-31" },
        { "custom", null, null, null, "05/03/2026", "20/04/2026", "2026-03-05", "2026-04-20", "2026-04-20" },
        { "custom", null, null, null, "2026-11-20", "2026-12-10", "2026-11-20", "2026-12-10", "2026-11-25" },
        { "Custom", null, null, null, "1/9/2026", "2/9/2026", "2026-09-01", "2026-09-02", "2026-09-02" },
    };

    [Theory]
    [MemberData(nameof(PeriodCases))]
    public void A_period_is_a_month_a_quarter_a_year_or_two_dates_and_is_computed_up_to_today(
        string? kind, int? year, int? month, int? quarter, string? from, string? to, string start, string end, string computedTo)
    {
        var period = DashboardPeriod.Parse(kind, year, month, quarter, from, to, Today);

        Assert.Equal(D(start), period.Start);
        Assert.Equal(D(end), period.End);
        Assert.Equal(D(start), period.From);
        Assert.Equal(D(computedTo), period.To);
        Assert.Equal(period.To < period.End, period.EndsToday);
    }

    [Theory]
    [InlineData("week", null, null, null, null, null, "kind")]
    [InlineData("1", null, null, null, null, null, "kind")]
    [InlineData("month", 2026, 13, null, null, null, "month")]
    [InlineData("quarter", 2026, null, 5, null, null, "quarter")]
    [InlineData("year", 1999, null, null, null, null, "year")]
    [InlineData("custom", null, null, null, null, "01/01/2026", "from")]
    [InlineData("custom", null, null, null, "31/02/2026", "01/03/2026", "from")]
    [InlineData("custom", null, null, null, "10/03/2026", "01/03/2026", "to")]
    [InlineData("month", 2027, 1, null, null, null, "from")]
    public void A_bad_period_names_the_field_at_fault(string? kind, int? year, int? month, int? quarter, string? from, string? to, string field)
    {
        var problem = Assert.Throws<DomainException>(() => DashboardPeriod.Parse(kind, year, month, quarter, from, to, Today));

        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void Units_are_ranked_best_first_sharing_places_and_those_with_too_few_dossiers_are_not_ranked()
    {
        RankingCandidate<string>[] candidates =
        [
            new("A", 80, 30), new("B", 92.5, 25), new("C", 80, 40), new("D", 99, 3), new("E", null, 0), new("F", 60, 20),
        ];

        var places = UnitRanking.Rank(candidates, minimumDossiers: 20);

        Assert.Equal(["B", "A", "C", "F", "D", "E"], places.Select(p => p.Item));
        Assert.Equal([1, 2, 2, 4, null, null], places.Select(p => p.Rank));
        Assert.Equal([true, true, true, true, false, false], places.Select(p => p.EnoughDossiers));
    }

    [Theory]
    [InlineData("2026-11-25", 2, "2026-11-27")]   // Wednesday → Friday night
    [InlineData("2026-11-27", 1, "2026-11-30")]   // Friday → Monday night
    [InlineData("2026-11-28", 2, "2026-12-01")]   // Saturday → Tuesday night
    [InlineData("2026-11-25", 0, "2026-11-25")]   // the rest of today
    [InlineData("2026-08-31", 1, "2026-09-03")]   // 1 and 2 September are holidays in this calendar
    public async Task The_warning_window_counts_working_days_after_today(string today, int days, string lastDay)
    {
        static Task<bool> IsWorking(DateOnly day) => Task.FromResult(day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && day != new DateOnly(2026, 9, 1) && day != new DateOnly(2026, 9, 2));

        var workingDays = await WarningWindow.WorkingDaysAsync(D(today), days, IsWorking);
        var end = WarningWindow.End(D(today), workingDays);

        Assert.Equal(days, workingDays.Count);
        Assert.Equal(D(lastDay).AddDays(1).ToDateTime(TimeOnly.MinValue), end);
        Assert.Equal(0, WarningWindow.WorkingDaysLeft(D(today), D(today).ToDateTime(new TimeOnly(16, 0)), workingDays));
        Assert.Equal(days, WarningWindow.WorkingDaysLeft(D(today), D(lastDay).ToDateTime(new TimeOnly(16, 0)), workingDays));
    }

    [Fact]
    public async Task A_calendar_without_working_days_does_not_loop_for_ever()
    {
        var workingDays = await WarningWindow.WorkingDaysAsync(Today, 2, _ => Task.FromResult(false));

        Assert.Empty(workingDays);
    }

    [Fact]
    public void The_projection_counts_open_dossiers_late_when_their_late_instant_falls_before_the_month_ends()
    {
        // 25/11/2026: the month so far and the whole of November, from the same facts.
        DossierFact[] facts =
        [
            // Completed on time and late: keep their judgement.
            IndicatorFacts.Fact("2026-11-02 08:00", "2026-11-05 17:00", "2026-11-04 10:00"),
            IndicatorFacts.Fact("2026-11-02 08:00", "2026-11-05 17:00", "2026-11-06 10:00"),
            // Open, due on 27/11 and on 30/11: late at the end of the month if nothing changes.
            IndicatorFacts.Fact("2026-11-20 08:00", "2026-11-27 17:00"),
            IndicatorFacts.Fact("2026-11-20 08:00", "2026-11-30 23:00"),
            // Open, due in December: stays on time.
            IndicatorFacts.Fact("2026-11-24 08:00", "2026-12-03 17:00"),
            // Open and already late today.
            IndicatorFacts.Fact("2026-11-10 08:00", "2026-11-20 17:00"),
            // Open with its one supplement outstanding: the clock is stopped, never late.
            IndicatorFacts.Fact("2026-11-16 08:00", "2026-11-26 17:00") with { SupplementRequests = 1, SupplementRequestedAt = new DateTime(2026, 11, 18, 9, 0, 0) },
            // Supplement provided after a 7-day pause: late only from 03/12, on time at the end of November.
            IndicatorFacts.Fact("2026-11-16 08:00", "2026-11-26 17:00") with
            {
                SupplementRequests = 1, SupplementRequestedAt = new DateTime(2026, 11, 17, 9, 0, 0), SupplementedAt = new DateTime(2026, 11, 24, 9, 0, 0),
            },
            // Received in October, still open, due yesterday: active in November, already late.
            IndicatorFacts.Fact("2026-10-28 08:00", "2026-11-24 17:00"),
        ];

        var projection = OnTimeProjection.Of(Today, Counts(facts, new(2026, 11, 1), Today), Counts(facts, new(2026, 11, 1), new(2026, 11, 30)));

        Assert.Equal(9, projection.Active);
        Assert.Equal(6, projection.OnTimeToday);              // 1 completed + 27/11, 30/11, December, outstanding supplement, paused one
        Assert.Equal(4, projection.OnTimeAtMonthEnd);         // the two due before the month ends turn late
        Assert.Equal(2, projection.TurningLate);
        Assert.Equal(4 / 9.0, projection.ProjectedRate!.Value, 10);
        Assert.Equal(new DateOnly(2026, 11, 30), projection.MonthEnd);

        // The documented rule, straight from the facts: an open dossier turns late when the instant it
        // becomes late is after tonight and before the month ends.
        var endOfToday = Today.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var endOfMonth = new DateTime(2026, 12, 1);
        var turning = facts.Count(f => f.CompletedAt is null && Judgement.LateFrom(f) is { } late && late >= endOfToday && late < endOfMonth);
        Assert.Equal(turning, projection.TurningLate);
    }

    [Fact]
    public void Percentages_and_variances_are_written_in_the_readers_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            Assert.Equal("87,5 %", IndicatorDisplay.Percent(0.875));
            Assert.Equal("\u22127,5", IndicatorDisplay.Points(0.875 - 0.95));
            Assert.Equal("—", IndicatorDisplay.Percent(null));
            Assert.Equal("95", IndicatorDisplay.Json(0.95, count: false));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PeriodCounts Counts(IEnumerable<DossierFact> facts, DateOnly from, DateOnly to)
    {
        var days = new Dictionary<DateOnly, long[]>();
        foreach (var change in facts.SelectMany(f => CounterChanges.Between(null, f)))
        {
            if (!days.TryGetValue(change.Day, out var values))
            {
                days[change.Day] = values = new long[Counters.Count];
            }

            for (var i = 0; i < values.Length; i++)
            {
                values[i] += change.Values[i];
            }
        }

        var counts = new PeriodCounts();
        foreach (var (day, values) in days)
        {
            counts.AddDay(day, from, to, values);
        }

        return counts;
    }
}
