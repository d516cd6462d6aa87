using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.ServiceIndex;

/// <summary>The live dossier figures for other areas: the same counters and formulas as the index itself.</summary>
internal sealed class ServiceFigures(IndexesDbContext db, IUnitDirectory units) : IServiceFigures
{
    public IReadOnlyList<string> Indicators => IndicatorFormulas.Codes;

    public async Task<ServiceFigure?> GetAsync(Guid unitId, string indicator, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (!IndicatorFormulas.Codes.Contains(indicator, StringComparer.Ordinal) || to < from)
        {
            return null;
        }

        var members = await units.GetScopeAsync(unitId, cancellationToken);
        var counts = await IndexSql.SumAsync(db, unitId, members, from, to, cancellationToken);
        var value = IndicatorFormulas.Compute(counts).First(v => v.Code == indicator);
        return new ServiceFigure(indicator, value.Value, value.Numerator, value.Denominator, value.Kind == IndicatorKind.Count);
    }
}
