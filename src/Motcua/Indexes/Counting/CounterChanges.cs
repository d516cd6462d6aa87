using Motcua.Indexes.Contracts;

namespace Motcua.Indexes.Counting;

/// <summary>The change of one unit's counters on one day.</summary>
internal sealed record CounterChange(Guid UnitId, DateOnly Day, long[] Values);

/// <summary>What replacing one fact by another changes in the counters: new contributions less old ones.</summary>
internal static class CounterChanges
{
    public static List<CounterChange> Between(DossierFact? before, DossierFact? after)
    {
        var changes = new Dictionary<(Guid, DateOnly), long[]>();
        void Apply(DossierFact? fact, int sign)
        {
            if (fact is null)
            {
                return;
            }

            foreach (var contribution in Contributions.Of(fact))
            {
                if (!changes.TryGetValue((fact.UnitId, contribution.Day), out var values))
                {
                    values = new long[Counters.Count];
                    changes[(fact.UnitId, contribution.Day)] = values;
                }

                values[(int)contribution.Counter] += sign * contribution.Change;
            }
        }

        Apply(before, -1);
        Apply(after, +1);
        return changes
            .Where(pair => pair.Value.Any(v => v != 0))
            .Select(pair => new CounterChange(pair.Key.Item1, pair.Key.Item2, pair.Value))
            .OrderBy(c => c.UnitId).ThenBy(c => c.Day)
            .ToList();
    }
}
