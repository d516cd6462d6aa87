namespace Motcua.Indexes.Contracts;

/// <summary>The live figure of one dossier indicator for a unit (with the units under it) over a period.</summary>
/// <param name="Value">A share from 0 to 1 for a ratio, a number of dossiers for a count; null when the ratio has no denominator.</param>
/// <param name="IsCount">True for counts (dossiers received, overdue…), false for shares.</param>
internal sealed record ServiceFigure(string Indicator, double? Value, long Numerator, long? Denominator, bool IsCount);

/// <summary>
/// The dossier indicators Motcua computes, for other areas (the unit targets of reform plans read the
/// live figure instead of asking a unit to type it). The caller checks that its user may see the unit.
/// </summary>
internal interface IServiceFigures
{
    /// <summary>The dossier indicator codes (onTimeRate, onlineRate…), in display order.</summary>
    IReadOnlyList<string> Indicators { get; }

    /// <summary>The figure over [<paramref name="from"/>, <paramref name="to"/>] (inclusive), or null when <paramref name="indicator"/> is not a dossier indicator.</summary>
    Task<ServiceFigure?> GetAsync(Guid unitId, string indicator, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
