using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;

namespace Motcua.UnitTests.Indexes;

/// <summary>
/// The indicator rules of issue 4, case by case. Every case is checked twice: straight from the rules
/// (<see cref="RawIndicators"/>) and through the daily counters the indexes are served from.
/// </summary>
public sealed class IndicatorFacts
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly DateOnly From = new(2025, 3, 1);
    private static readonly DateOnly To = new(2025, 3, 31);

    internal static DossierFact Fact(string received, string due, string? completed = null, Action<FactBuilder>? more = null)
    {
        var builder = new FactBuilder
        {
            Fact = new DossierFact
            {
                Code = "D-" + Guid.NewGuid().ToString("N")[..8],
                UnitId = Unit,
                ProcedureCode = "1.001",
                ReceivedAt = DateTime.Parse(received, System.Globalization.CultureInfo.InvariantCulture),
                DueAt = DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
                CompletedAt = completed is null ? null : DateTime.Parse(completed, System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        more?.Invoke(builder);
        return builder.Fact;
    }

    internal sealed class FactBuilder
    {
        public DossierFact Fact { get; set; } = null!;
    }

    private static DateTime T(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static readonly TheoryData<string, string, string?, string?, string?, int, bool?> OnTimeCases = new()
    {
        // received, due, completed, supplement at, supplemented at, supplement requests, on time in March (null: not active)
        { "2025-03-03 08:00", "2025-03-10 08:00", "2025-03-10 08:00", null, null, 0, true },
        { "2025-03-03 08:00", "2025-03-10 08:00", "2025-03-10 08:01", null, null, 0, false },
        // Open at the end of March: judged at 01/04 00:00.
        { "2025-03-03 08:00", "2025-04-01 00:00", null, null, null, 0, true },
        { "2025-03-03 08:00", "2025-03-31 23:59", null, null, null, 0, false },
        // Completed after the period: still judged at the end of the period.
        { "2025-03-03 08:00", "2025-04-05 08:00", "2025-04-10 08:00", null, null, 0, true },
        // One supplement, provided: its time is subtracted (5 days paused, completed 3 days after the due date).
        { "2025-03-03 08:00", "2025-03-10 08:00", "2025-03-13 08:00", "2025-03-05 08:00", "2025-03-10 08:00", 1, true },
        { "2025-03-03 08:00", "2025-03-10 08:00", "2025-03-16 08:00", "2025-03-05 08:00", "2025-03-10 08:00", 1, false },
        // One supplement still outstanding at the end: judged at the request.
        { "2025-03-03 08:00", "2025-03-10 08:00", null, "2025-03-09 08:00", null, 1, true },
        { "2025-03-03 08:00", "2025-03-10 08:00", null, "2025-03-11 08:00", null, 1, false },
        // Supplement provided only after the completion... cannot happen; requested after the due date: late.
        { "2025-03-03 08:00", "2025-03-10 08:00", "2025-03-20 08:00", "2025-03-12 08:00", "2025-03-19 08:00", 1, false },
        // Two supplement requests: late, however fast.
        { "2025-03-03 08:00", "2025-03-10 08:00", "2025-03-04 08:00", "2025-03-03 09:00", "2025-03-03 10:00", 2, false },
        // Completed before the period: not active.
        { "2025-02-03 08:00", "2025-02-10 08:00", "2025-02-28 23:59", null, null, 0, null },
        // Completed on the first minute of the period: active, judged at completion.
        { "2025-02-03 08:00", "2025-02-10 08:00", "2025-03-01 00:00", null, null, 0, false },
        // Received after the period: not active.
        { "2025-04-01 00:00", "2025-04-10 08:00", null, null, null, 0, null },
    };

    [Theory]
    [MemberData(nameof(OnTimeCases))]
    public void On_time_follows_decision_766(string received, string due, string? completed, string? asked, string? supplemented, int requests, bool? onTime)
    {
        var fact = Fact(received, due, completed) with
        {
            SupplementRequests = requests,
            SupplementRequestedAt = asked is null ? null : T(asked),
            SupplementedAt = supplemented is null ? null : T(supplemented),
        };

        var raw = Find(RawIndicators.Compute([fact], From, To), "onTimeRate");
        var counted = Find(Counted([fact], From, To), "onTimeRate");
        Assert.Equal(raw, counted);
        Assert.Equal(onTime is null ? 0 : 1, raw.Denominator);
        Assert.Equal(onTime == true ? 1 : 0, raw.Numerator);
        Assert.Equal(onTime is null ? null : onTime.Value ? 1.0 : 0.0, raw.Value);
        Assert.Equal(onTime is null ? null : onTime.Value ? 0.0 : 1.0, Find(RawIndicators.Compute([fact], From, To), "lateRate").Value);
    }

    [Fact]
    public void A_ratio_with_no_dossiers_is_null_never_zero_or_one()
    {
        foreach (var value in Counted([], From, To))
        {
            Assert.True(value.Kind == IndicatorKind.Count ? value.Value == 0 : value.Value is null, value.Code);
        }
    }

    [Theory]
    [InlineData("2025-03-31 23:59:59", 1)]
    [InlineData("2025-04-01 00:00:00", 0)]
    [InlineData("2025-03-01 00:00:00", 1)]
    [InlineData("2025-02-28 23:59:59", 0)]
    public void Days_are_whole_local_days(string received, int counted)
    {
        var fact = Fact(received, "2025-05-01 08:00");
        Assert.Equal(counted, Find(Counted([fact], From, To), "received").Numerator);
        Assert.Equal(counted, Find(RawIndicators.Compute([fact], From, To), "received").Numerator);
    }

    [Fact]
    public void Apology_rate_counts_late_completions_with_an_apology()
    {
        DossierFact[] facts =
        [
            Fact("2025-03-03 08:00", "2025-03-05 08:00", "2025-03-07 08:00") with { Apologies = 1 },
            Fact("2025-03-03 08:00", "2025-03-05 08:00", "2025-03-07 08:00"),
            Fact("2025-03-03 08:00", "2025-03-05 08:00", "2025-03-04 08:00") with { Apologies = 1 },
        ];
        var apology = Find(Counted(facts, From, To), "apologyRate");
        Assert.Equal((1, 2L), (apology.Numerator, apology.Denominator));
        Assert.Equal(apology, Find(RawIndicators.Compute(facts, From, To), "apologyRate"));
    }

    [Fact]
    public void Overdue_in_progress_uses_the_appointment_given_at_receipt()
    {
        DossierFact[] facts =
        [
            Fact("2025-03-03 08:00", "2025-03-20 08:00"),
            Fact("2025-03-03 08:00", "2025-04-02 08:00"),
            Fact("2025-03-03 08:00", "2025-03-20 08:00", "2025-03-25 08:00"),
            Fact("2025-03-03 08:00", "2025-03-20 08:00", "2025-04-03 08:00"),
        ];
        Assert.Equal(2, Find(Counted(facts, From, To), "overdueInProgress").Numerator);
        Assert.Equal(2, Find(RawIndicators.Compute(facts, From, To), "overdueInProgress").Numerator);
    }

    [Fact]
    public void Channel_payment_digitisation_and_rating_rates()
    {
        DossierFact[] facts =
        [
            Fact("2025-03-03 08:00", "2025-03-10 08:00", "2025-03-04 08:00") with
            {
                Channel = FactChannel.Online, OnlineLevel = FactOnlineLevel.Full, FeeAmount = 50_000, PaidOnline = true,
                DocumentsTotal = 3, DocumentsDigitised = 3, DocumentsReused = 1, ElectronicResult = true, DigitisedResult = true,
                Rating = FactRating.VerySatisfied, SyncedToNationalPortal = true, ReturnedAt = T("2025-03-05 08:00"), ReturnChannel = FactChannel.Postal,
            },
            Fact("2025-03-03 08:00", "2025-03-10 08:00", "2025-03-04 08:00") with
            {
                Channel = FactChannel.Postal, FeeAmount = 20_000, DocumentsTotal = 2, DocumentsDigitised = 1,
                Rating = FactRating.NotSatisfied, RatedHarassment = true, ReturnedAt = T("2025-03-05 08:00"), ReturnChannel = FactChannel.Counter,
            },
            Fact("2025-03-03 08:00", "2025-03-10 08:00") with { Channel = FactChannel.Online, OnlineLevel = FactOnlineLevel.Partial },
        ];
        var values = Counted(facts, From, To).ToDictionary(v => v.Code);
        Assert.Equal(values.Values, RawIndicators.Compute(facts, From, To));
        Assert.Equal((2L, 3L), Ratio(values["onlineRate"]));
        Assert.Equal((1L, 3L), Ratio(values["fullOnlineRate"]));
        Assert.Equal((1L, 3L), Ratio(values["postalIntakeRate"]));
        Assert.Equal((1L, 2L), Ratio(values["postalReturnRate"]));
        Assert.Equal((1L, 2L), Ratio(values["onlinePaymentRate"]));
        Assert.Equal((1L, 2L), Ratio(values["componentDigitisationRate"]));
        Assert.Equal((1L, 2L), Ratio(values["reuseRate"]));
        Assert.Equal((1L, 2L), Ratio(values["resultDigitisationRate"]));
        Assert.Equal((1L, 2L), Ratio(values["electronicResultRate"]));
        Assert.Equal((1L, 2L), Ratio(values["satisfactionRate"]));
        Assert.Equal((1L, 2L), Ratio(values["harassmentComplaintRate"]));
        Assert.Equal((1L, 3L), Ratio(values["nationalPortalSyncRate"]));
    }

    private static (long, long?) Ratio(IndicatorValue value) => (value.Numerator, value.Denominator);

    private static IndicatorValue Find(IEnumerable<IndicatorValue> values, string code) => values.Single(v => v.Code == code);

    /// <summary>The path the application takes: contributions into daily counters, summed for the period.</summary>
    internal static IReadOnlyList<IndicatorValue> Counted(IEnumerable<DossierFact> facts, DateOnly from, DateOnly to)
    {
        var days = new Dictionary<DateOnly, long[]>();
        foreach (var change in CounterChanges.Between(null, null).Concat(facts.SelectMany(f => CounterChanges.Between(null, f))))
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

        return IndicatorFormulas.Compute(counts);
    }
}
