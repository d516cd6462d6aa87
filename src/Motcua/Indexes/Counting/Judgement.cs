using Motcua.Indexes.Contracts;

namespace Motcua.Indexes.Counting;

/// <summary>
/// The Decision 766 on-time rule as a pure function. A dossier judged at a moment E (its completion, or
/// the end of a period while it is still open) ends at E, less the supplement time when its one
/// supplement was provided before E, or at the request when the supplement was still outstanding at E;
/// it is on time when that end is not after the appointment given at receipt; more than one supplement
/// request makes it late. For any dossier this reduces to one instant, <see cref="LateFrom"/>: judged at
/// E it is late exactly when E is after that instant. That is what lets the indexes be kept as counters.
/// </summary>
internal static class Judgement
{
    /// <summary>The instant after which the dossier is judged late; null when it can never be (its
    /// supplement, requested in time, is still outstanding).</summary>
    public static DateTime? LateFrom(DossierFact fact)
    {
        if (fact.SupplementRequests > 1)
        {
            return DateTime.MinValue;
        }

        if (fact.SupplementRequests == 1 && fact.SupplementRequestedAt is { } requested)
        {
            if (requested > fact.DueAt)
            {
                // Already late when the supplement was asked for: no pause can make it on time.
                return fact.DueAt;
            }

            return fact.SupplementedAt is { } supplemented && supplemented >= requested
                ? fact.DueAt + (supplemented - requested)
                : null;
        }

        return fact.DueAt;
    }

    /// <summary>Judged at <paramref name="end"/>: on time?</summary>
    public static bool IsOnTimeAt(DossierFact fact, DateTime end) => LateFrom(fact) is not { } lateFrom || end <= lateFrom;

    /// <summary>A completed dossier judged at its completion; null while open.</summary>
    public static bool? CompletedOnTime(DossierFact fact) => fact.CompletedAt is { } completed ? IsOnTimeAt(fact, completed) : null;
}
