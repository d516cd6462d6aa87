using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.Dashboard;

/// <summary>One month of a trend: the dossier indicators from the month's first day to its last (or to the period's end).</summary>
internal sealed record TrendMonth(DateOnly Month, IReadOnlyDictionary<string, double?> Values);

/// <summary>
/// The last twelve months of every dossier indicator of a scope, for the cards' charts: one counter sum
/// per month (a single statement over the folded month rows), so a trend costs twelve cheap queries
/// whatever the number of dossiers. Manual figures have no trend here: they are entered per month by hand.
/// </summary>
internal sealed class IndicatorTrend(IndexesDbContext db, IUnitDirectory units)
{
    public const int Months = 12;

    public async Task<IReadOnlyList<TrendMonth>> MonthlyAsync(Guid unitId, DateOnly to, CancellationToken cancellationToken = default)
    {
        var members = await units.GetScopeAsync(unitId, cancellationToken);
        var last = new DateOnly(to.Year, to.Month, 1);
        var result = new List<TrendMonth>(Months);
        for (var month = last.AddMonths(1 - Months); month <= last; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var counts = await IndexSql.SumAsync(db, unitId, members, month, end > to ? to : end, cancellationToken);
            result.Add(new TrendMonth(month, IndicatorFormulas.Compute(counts).ToDictionary(v => v.Code, v => v.Value)));
        }

        return result;
    }
}
