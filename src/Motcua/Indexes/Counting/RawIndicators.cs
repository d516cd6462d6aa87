using Motcua.Indexes.Contracts;

namespace Motcua.Indexes.Counting;

/// <summary>
/// The indicators computed straight from the rules of issue 4, one dossier at a time, with no counters:
/// the reference that the incremental counters must always equal, and the membership test behind the
/// drill-down lists ("which dossiers make this number").
/// </summary>
internal static class RawIndicators
{
    /// <summary>Whether a dossier is in the denominator and in the numerator of an indicator for a period.</summary>
    public static (bool InDenominator, bool InNumerator) Membership(string code, DossierFact f, DateOnly from, DateOnly to)
    {
        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        bool In(DateTime? at) => at is { } t && t >= start && t < end;
        var received = In(f.ReceivedAt);
        var completed = In(f.CompletedAt);
        var returned = In(f.ReturnedAt);
        var active = f.ReceivedAt < end && !(f.CompletedAt < start);
        var openAtEnd = f.ReceivedAt < end && !(f.CompletedAt < end);
        var judgedAt = f.CompletedAt is { } c && c < end ? c : end;
        var completedOnTime = completed && Judgement.IsOnTimeAt(f, f.CompletedAt!.Value);
        var withDocuments = received && f.DocumentsTotal > 0;
        var rated = completed && f.Rating is not null;
        var withFee = received && f.FeeAmount > 0;
        return code switch
        {
            "received" => (received, received),
            "completed" => (completed, completed),
            "returned" => (returned, returned),
            "active" => (active, active),
            "onTimeRate" => (active, active && Judgement.IsOnTimeAt(f, judgedAt)),
            "lateRate" => (active, active && !Judgement.IsOnTimeAt(f, judgedAt)),
            "completedOnTimeRate" => (completed, completedOnTime),
            "overdueInProgress" => (openAtEnd && f.DueAt < end, openAtEnd && f.DueAt < end),
            "apologyRate" => (completed && !completedOnTime, completed && !completedOnTime && f.Apologies > 0),
            "onlineRate" => (received, received && f.Channel == FactChannel.Online),
            "fullOnlineRate" => (received, received && f.Channel == FactChannel.Online && f.OnlineLevel == FactOnlineLevel.Full),
            "postalIntakeRate" => (received, received && f.Channel == FactChannel.Postal),
            "postalReturnRate" => (returned, returned && f.ReturnChannel == FactChannel.Postal),
            "onlinePaymentRate" => (withFee, withFee && f.PaidOnline),
            "componentDigitisationRate" => (withDocuments, withDocuments && f.DocumentsDigitised >= f.DocumentsTotal),
            "reuseRate" => (withDocuments, withDocuments && f.DocumentsReused > 0),
            "resultDigitisationRate" => (completed, completed && f.DigitisedResult),
            "electronicResultRate" => (completed, completed && f.ElectronicResult),
            "satisfactionRate" => (rated, rated && f.Rating is FactRating.Satisfied or FactRating.VerySatisfied),
            "dissatisfactionRate" => (rated, rated && f.Rating == FactRating.NotSatisfied),
            "harassmentComplaintRate" => (rated, rated && f.Rating == FactRating.NotSatisfied && f.RatedHarassment),
            "nationalPortalSyncRate" => (received, received && f.SyncedToNationalPortal),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown indicator."),
        };
    }

    public static IReadOnlyList<IndicatorValue> Compute(IEnumerable<DossierFact> facts, DateOnly from, DateOnly to)
    {
        var numerators = new long[IndicatorFormulas.Codes.Length];
        var denominators = new long[IndicatorFormulas.Codes.Length];
        foreach (var fact in facts)
        {
            for (var i = 0; i < IndicatorFormulas.Codes.Length; i++)
            {
                var (inDenominator, inNumerator) = Membership(IndicatorFormulas.Codes[i], fact, from, to);
                denominators[i] += inDenominator ? 1 : 0;
                numerators[i] += inNumerator ? 1 : 0;
            }
        }

        return IndicatorFormulas.Codes.Select((code, i) => IsCount(code)
            ? new IndicatorValue(code, IndicatorKind.Count, numerators[i], null)
            : new IndicatorValue(code, IndicatorKind.Ratio, numerators[i], denominators[i])).ToList();
    }

    public static bool IsCount(string code) => code is "received" or "completed" or "returned" or "active" or "overdueInProgress";
}
