namespace Motcua.Indexes.Counting;

internal enum IndicatorKind
{
    /// <summary>Numerator / denominator; null when the denominator is zero.</summary>
    Ratio,

    /// <summary>A number of dossiers.</summary>
    Count,
}

/// <summary>The value of one indicator: a ratio with its working, or a count.</summary>
internal sealed record IndicatorValue(string Code, IndicatorKind Kind, long Numerator, long? Denominator)
{
    /// <summary>A ratio with a zero denominator is null, never 0 or 1.</summary>
    public double? Value => Kind == IndicatorKind.Count ? Numerator : Denominator is > 0 ? (double)Numerator / Denominator.Value : null;
}

/// <summary>
/// The dossier indicators of issue 4 / Decision 766 computed from a period's counters: pure arithmetic,
/// checked by table-driven tests and against a recomputation from raw dossiers.
/// </summary>
internal static class IndicatorFormulas
{
    /// <summary>Every dossier indicator, in display order.</summary>
    public static readonly string[] Codes =
    [
        "received", "completed", "returned", "active",
        "onTimeRate", "lateRate", "completedOnTimeRate", "overdueInProgress", "apologyRate",
        "onlineRate", "fullOnlineRate", "postalIntakeRate", "postalReturnRate", "onlinePaymentRate",
        "componentDigitisationRate", "reuseRate", "resultDigitisationRate", "electronicResultRate",
        "satisfactionRate", "dissatisfactionRate", "harassmentComplaintRate", "nationalPortalSyncRate",
    ];

    public static IReadOnlyList<IndicatorValue> Compute(PeriodCounts c)
    {
        var open = c[Counter.OpenChange];
        var openOnTime = open - c[Counter.OpenLateChange];
        var active = c[Counter.Completed] + open;
        var onTime = c[Counter.CompletedOnTime] + openOnTime;
        var completedLate = c[Counter.Completed] - c[Counter.CompletedOnTime];
        return
        [
            Count("received", c[Counter.Received]),
            Count("completed", c[Counter.Completed]),
            Count("returned", c[Counter.Returned]),
            Count("active", active),
            Ratio("onTimeRate", onTime, active),
            Ratio("lateRate", active - onTime, active),
            Ratio("completedOnTimeRate", c[Counter.CompletedOnTime], c[Counter.Completed]),
            Count("overdueInProgress", c[Counter.OverdueChange]),
            Ratio("apologyRate", c[Counter.CompletedLateWithApology], completedLate),
            Ratio("onlineRate", c[Counter.ReceivedOnline], c[Counter.Received]),
            Ratio("fullOnlineRate", c[Counter.ReceivedFullOnline], c[Counter.Received]),
            Ratio("postalIntakeRate", c[Counter.ReceivedPostal], c[Counter.Received]),
            Ratio("postalReturnRate", c[Counter.ReturnedPostal], c[Counter.Returned]),
            Ratio("onlinePaymentRate", c[Counter.ReceivedPaidOnline], c[Counter.ReceivedWithFee]),
            Ratio("componentDigitisationRate", c[Counter.ReceivedFullyDigitised], c[Counter.ReceivedWithDocuments]),
            Ratio("reuseRate", c[Counter.ReceivedReusing], c[Counter.ReceivedWithDocuments]),
            Ratio("resultDigitisationRate", c[Counter.CompletedResultDigitised], c[Counter.Completed]),
            Ratio("electronicResultRate", c[Counter.CompletedElectronicResult], c[Counter.Completed]),
            Ratio("satisfactionRate", c[Counter.RatedSatisfied], c[Counter.Rated]),
            Ratio("dissatisfactionRate", c[Counter.RatedNotSatisfied], c[Counter.Rated]),
            Ratio("harassmentComplaintRate", c[Counter.RatedHarassment], c[Counter.Rated]),
            Ratio("nationalPortalSyncRate", c[Counter.ReceivedSynced], c[Counter.Received]),
        ];
    }

    private static IndicatorValue Ratio(string code, long numerator, long denominator) => new(code, IndicatorKind.Ratio, numerator, denominator);

    private static IndicatorValue Count(string code, long count) => new(code, IndicatorKind.Count, count, null);
}
