using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Indexes.IndicatorSets;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.ServiceIndex;

internal sealed record IndicatorResult(
    string Code, double? Value, long? Numerator, long? Denominator, double? Target, decimal? Points, decimal? MaxPoints, string Source, string? Group, bool LowerIsBetter)
{
    /// <summary>Value minus target (for lower-is-better indicators a positive variance is bad).</summary>
    public double? Variance => Value is { } v && Target is { } t ? v - t : null;
}

internal sealed record GroupResult(string Code, string Name, decimal Points, decimal MaxPoints);

internal sealed record ServiceIndexResult(
    string Unit, string UnitName, DateOnly From, DateOnly To, string IndicatorSet, DateOnly IndicatorSetEffectiveFrom,
    IReadOnlyList<IndicatorResult> Indicators, IReadOnlyList<GroupResult> Groups, decimal Total, decimal MaxTotal, string? Band)
{
    /// <summary>True when these are the published figures of a closed period (frozen when it was closed).</summary>
    public bool Closed { get; init; }

    /// <summary>Who closed the period and when (Vietnam time); null while open.</summary>
    public string? ClosedBy { get; init; }

    public DateTime? ClosedAt { get; init; }

    /// <summary>Changes made after closing that would have moved these figures; null while open.</summary>
    public IReadOnlyList<Closing.AdjustmentView>? Adjustments { get; init; }

    /// <summary>The figures as they would be computed today, where they differ from the published ones; null while open.</summary>
    public Closing.LiveComparison? Live { get; init; }
}

/// <summary>
/// The service-quality index of a unit (with everything under it) for a period: dossier indicators from
/// the counters, manual figures, the targets, and the points of the indicator set in force at the end
/// of the period.
/// </summary>
internal sealed class ServiceIndexService(IndexesDbContext db, IUnitDirectory units, ICurrentUser user)
{
    /// <summary>Longest period asked in one query (ten years): beyond it the question is a mistake.</summary>
    public const int MaxDays = 3_700;

    public Task<ServiceIndexResult> ComputeAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        ComputeAsync(unitCode, from, to, IndicatorSetDefinition.Decision766.Code, cancellationToken);

    /// <param name="setCode">The indicator set (Decision 766, or a province's own); its version in force at the end of the period is used.</param>
    public async Task<ServiceIndexResult> ComputeAsync(string unitCode, DateOnly from, DateOnly to, string setCode, CancellationToken cancellationToken = default)
    {
        var unit = await ResolveAsync(unitCode, from, to, cancellationToken);
        await EnsureSetAsync(setCode, cancellationToken);
        var members = await units.GetScopeAsync(unit.Id, cancellationToken);
        var counts = await IndexSql.SumAsync(db, unit.Id, members, from, to, cancellationToken);
        var computed = IndicatorFormulas.Compute(counts);
        var values = computed.ToDictionary(v => v.Code, v => v.Value);
        values["serviceSatisfactionIndex"] = Scoring.ServiceSatisfactionIndex(values["lateRate"], values["dissatisfactionRate"]);

        var (setRow, set) = await SetInForceAsync(to, cancellationToken, setCode);
        var manual = await ManualValuesAsync(members.Append(unit.Id).ToList(), from, to, cancellationToken);
        foreach (var (code, (numerator, denominator)) in manual)
        {
            values[code] = denominator > 0 ? (double)numerator / denominator : null;
        }

        var score = Scoring.Score(set, values);
        var items = score.Groups.SelectMany(g => g.Items.Select(i => (Group: g.Code, Item: i))).ToDictionary(x => x.Item.Indicator);
        var targets = await TargetsAsync(unit.Id, to.Year, set, cancellationToken);

        var indicators = new List<IndicatorResult>();
        foreach (var value in computed)
        {
            var scored = items.GetValueOrDefault(value.Code);
            indicators.Add(new IndicatorResult(
                value.Code, value.Value, value.Numerator, value.Denominator, TargetOf(targets, value.Code),
                scored.Item?.Points, scored.Item?.MaxPoints, "dossiers", scored.Group, IndicatorSetDefinition.LowerIsBetter(value.Code)));
        }

        foreach (var (group, item) in items.Values.Where(x => computed.All(c => c.Code != x.Item.Indicator)))
        {
            var entered = manual.TryGetValue(item.Indicator, out var figure);
            indicators.Add(new IndicatorResult(
                item.Indicator, item.Value, entered ? figure.Numerator : null, entered ? figure.Denominator : null, TargetOf(targets, item.Indicator),
                item.Points, item.MaxPoints, item.Indicator == "serviceSatisfactionIndex" ? "derived" : "manual", group, false));
        }

        return new ServiceIndexResult(
            unit.Code, unit.Name, from, to, set.Code, setRow.EffectiveFrom, indicators,
            [.. score.Groups.Select(g => new GroupResult(g.Code, g.Name, g.Points, g.MaxPoints))], score.Total, score.MaxTotal, score.Band);
    }

    /// <summary>No target is null: GetValueOrDefault would make it 0, i.e. "at least 0 %" (always met) or "at most 0 %".</summary>
    private static double? TargetOf(Dictionary<string, double> targets, string indicator) => targets.TryGetValue(indicator, out var target) ? target : null;

    /// <summary>The unit by code, if the caller may see it, and a valid period.</summary>
    public async Task<UnitSummary> ResolveAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new DomainException("to", "The end of the period ({0}) is before its start ({1}).", to.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), from.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (to.DayNumber - from.DayNumber > MaxDays)
        {
            throw new DomainException("to", "A period can be at most ten years long.");
        }

        var unit = await units.FindByCodeAsync(unitCode.Trim().ToUpperInvariant(), cancellationToken);
        if (unit is null)
        {
            throw new DomainException("unit", "There is no unit with code {0}.", unitCode);
        }

        var scope = await user.GetScopeAsync(cancellationToken);
        return scope.Contains(unit.Id) ? unit : throw new ForbiddenException();
    }

    /// <summary>An unknown set code is a mistake to report, not a reason to fall back to Decision 766.</summary>
    public async Task EnsureSetAsync(string setCode, CancellationToken cancellationToken)
    {
        if (setCode != IndicatorSetDefinition.Decision766.Code && !await db.IndicatorSets.AnyAsync(s => s.Code == setCode, cancellationToken))
        {
            throw new DomainException("set", "There is no indicator set {0}.", setCode);
        }
    }

    public async Task<(IndicatorSetRow Row, IndicatorSetDefinition Set)> SetInForceAsync(DateOnly on, CancellationToken cancellationToken, string code = "766")
    {
        var row = await db.IndicatorSets.AsNoTracking()
            .Where(s => s.Code == code && s.EffectiveFrom <= on)
            .OrderByDescending(s => s.EffectiveFrom)
            .FirstOrDefaultAsync(cancellationToken)
            ?? await db.IndicatorSets.AsNoTracking().Where(s => s.Code == code).OrderBy(s => s.EffectiveFrom).FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? (new IndicatorSetRow { Code = code, EffectiveFrom = IndicatorSetSeed.Decision766EffectiveFrom }, IndicatorSetDefinition.Decision766)
            : (row, IndicatorSetDefinition.FromJson(row.Definition));
    }

    /// <summary>Manual figures of the scope's units for the months the period touches, summed.</summary>
    private async Task<Dictionary<string, (long Numerator, long Denominator)>> ManualValuesAsync(List<Guid> members, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var firstMonth = new DateOnly(from.Year, from.Month, 1);
        var rows = await db.ManualValues.AsNoTracking()
            .Where(m => members.Contains(m.UnitId) && m.Month >= firstMonth && m.Month <= to)
            .Select(m => new { m.IndicatorCode, m.Numerator, m.Denominator })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.IndicatorCode).ToDictionary(g => g.Key, g => (g.Sum(r => r.Numerator), g.Sum(r => r.Denominator)));
    }

    /// <summary>The unit's own target for the year, else its nearest ancestor's, else the set's default.</summary>
    public async Task<Dictionary<string, double>> TargetsAsync(Guid unitId, int year, IndicatorSetDefinition set, CancellationToken cancellationToken)
    {
        var chain = new List<Guid> { unitId };
        chain.AddRange(await units.GetAncestorsAsync(unitId, cancellationToken));
        var rows = await db.Targets.AsNoTracking().Where(t => chain.Contains(t.UnitId) && t.Year == year).ToListAsync(cancellationToken);
        var result = new Dictionary<string, double>(set.DefaultTargets);
        foreach (var row in rows.OrderByDescending(r => chain.IndexOf(r.UnitId)))
        {
            result[row.IndicatorCode] = row.Value;
        }

        return result;
    }
}
