using Motcua.Common;
using Motcua.Indexes.ServiceIndex;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.Ranking;

internal sealed record RankedUnit(
    int? Rank, string Code, string Name, long Dossiers, double? OnTimeRate, decimal Points, decimal MaxPoints, string? Band, bool EnoughDossiers);

internal sealed record RankingResult(
    string Unit, string UnitName, DateOnly From, DateOnly To, RankingMetric By, int MinimumDossiers, IReadOnlyList<RankedUnit> Units);

/// <summary>
/// The units directly under a unit (its children in the unit tree that existed during the period), each
/// with its own index computed exactly as its dashboard shows it, ranked by total points or on-time rate.
/// The number of dossiers is the on-time rate's denominator (dossiers active in the period).
/// </summary>
internal sealed class RankingService(ServiceIndexService index, IUnitDirectory units, IConfiguration configuration)
{
    public const int DefaultMinimumDossiers = 20;

    public int MinimumDossiers => Math.Max(0, configuration.GetValue("Motcua:Indexes:RankingMinimumDossiers", DefaultMinimumDossiers));

    public async Task<RankingResult> RankAsync(string unitCode, DateOnly from, DateOnly to, RankingMetric by, CancellationToken cancellationToken = default)
    {
        var parent = await index.ResolveAsync(unitCode, from, to, cancellationToken);
        var children = (await units.ListAsync(cancellationToken))
            .Where(u => u.ParentId == parent.Id && u.ValidFrom <= to && (u.ValidTo is null || u.ValidTo >= from))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();

        // One index per child, one after another on the request's DbContext: a province has tens of
        // communes, each a handful of single-statement queries over the folded counters.
        var candidates = new List<RankingCandidate<RankedUnit>>(children.Count);
        foreach (var child in children)
        {
            ServiceIndexResult result;
            try
            {
                result = await index.ComputeAsync(child.Code, from, to, cancellationToken);
            }
            catch (ForbiddenException)
            {
                // A child is inside its parent's scope; should the tree change under us, leave it out.
                continue;
            }

            var onTime = result.Indicators.FirstOrDefault(i => i.Code == "onTimeRate");
            var dossiers = onTime?.Denominator ?? 0;
            var item = new RankedUnit(null, child.Code, child.Name, dossiers, onTime?.Value, result.Total, result.MaxTotal, result.Band, false);
            candidates.Add(new RankingCandidate<RankedUnit>(item, by == RankingMetric.OnTimeRate ? onTime?.Value : (double)result.Total, dossiers));
        }

        var minimum = MinimumDossiers;
        var places = UnitRanking.Rank(candidates, minimum);
        return new RankingResult(
            parent.Code, parent.Name, from, to, by, minimum,
            [.. places.Select(p => p.Item with { Rank = p.Rank, EnoughDossiers = p.EnoughDossiers })]);
    }
}
