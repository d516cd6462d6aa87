namespace Motcua.Indexes.Ranking;

/// <summary>What a ranking is ordered by.</summary>
internal enum RankingMetric
{
    /// <summary>The total points of the indicator set (Decision 766: out of 100).</summary>
    Points,

    /// <summary>The on-time rate of the period.</summary>
    OnTimeRate,
}

/// <summary>One unit to rank: its metric, and the number of dossiers the metric rests on.</summary>
internal sealed record RankingCandidate<T>(T Item, double? Metric, long Dossiers);

/// <summary>A unit's place: null when it is not ranked (too few dossiers or no value).</summary>
internal sealed record RankingPlace<T>(T Item, int? Rank, bool EnoughDossiers);

/// <summary>
/// Orders units by a metric, best first, with standard competition ranking (1, 2, 2, 4): units with
/// equal values share a place. A unit with fewer dossiers than the minimum is listed after the ranked
/// ones without a place, because a rate over three dossiers says little and must not top the table.
/// </summary>
internal static class UnitRanking
{
    public static IReadOnlyList<RankingPlace<T>> Rank<T>(IEnumerable<RankingCandidate<T>> candidates, long minimumDossiers)
    {
        var all = candidates.ToList();
        var ranked = all.Where(c => c.Dossiers >= minimumDossiers && c.Metric is not null).OrderByDescending(c => c.Metric).ToList();
        var result = new List<RankingPlace<T>>(all.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Metric == ranked[i - 1].Metric ? result[i - 1].Rank : i + 1;
            result.Add(new RankingPlace<T>(ranked[i].Item, rank, true));
        }

        result.AddRange(all.Where(c => !ranked.Contains(c)).OrderByDescending(c => c.Dossiers).Select(c => new RankingPlace<T>(c.Item, null, c.Dossiers >= minimumDossiers)));
        return result;
    }
}
