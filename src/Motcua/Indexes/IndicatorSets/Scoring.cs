namespace Motcua.Indexes.IndicatorSets;

internal sealed record ScoredItem(string Indicator, double? Value, decimal? Points, decimal MaxPoints);

internal sealed record ScoredGroup(string Code, string Name, decimal Points, decimal MaxPoints, IReadOnlyList<ScoredItem> Items);

internal sealed record Score(IReadOnlyList<ScoredGroup> Groups, decimal Total, decimal MaxTotal, string? Band);

/// <summary>Points of an indicator set for a set of values: pure, table-tested.</summary>
internal static class Scoring
{
    /// <summary>
    /// An item without a value (no dossiers in its denominator, or a manual figure not entered) gets no
    /// points and is listed as such: it is not silently counted as 0 % or 100 %.
    /// </summary>
    public static Score Score(IndicatorSetDefinition set, IReadOnlyDictionary<string, double?> values)
    {
        var groups = new List<ScoredGroup>();
        foreach (var group in set.Groups)
        {
            var items = group.Items.Select(item =>
            {
                var value = values.GetValueOrDefault(item.Indicator);
                return new ScoredItem(item.Indicator, value, value is { } v ? Points(item, v) : null, item.MaxPoints);
            }).ToList();
            groups.Add(new ScoredGroup(group.Code, group.Name, items.Sum(i => i.Points ?? 0), group.MaxPoints, items));
        }

        var total = groups.Sum(g => g.Points);
        var band = set.Bands.OrderByDescending(b => b.MinPoints).FirstOrDefault(b => total >= b.MinPoints)?.Name;
        return new Score(groups, total, groups.Sum(g => g.MaxPoints), band);
    }

    public static decimal Points(IndicatorItem item, double value)
    {
        var achieved = Math.Clamp(item.LowerIsBetter ? 1 - value : value, 0, double.MaxValue);
        var points = item.MaxPoints * (decimal)achieved / item.FullAt;
        return Math.Round(Math.Min(item.MaxPoints, points), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Decision 766's satisfaction item: 1 − late rate − rate of dossiers rated not satisfied (either missing counts as 0).</summary>
    public static double? ServiceSatisfactionIndex(double? lateRate, double? dissatisfactionRate) =>
        lateRate is null && dissatisfactionRate is null ? null : Math.Max(0, 1 - (lateRate ?? 0) - (dissatisfactionRate ?? 0));
}
