namespace Motcua.Indexes.Dashboard;

/// <summary>How an indicator stands against its target: the colour of its card.</summary>
internal enum IndicatorStatus
{
    /// <summary>No value (no dossiers, no figure entered) or no target: nothing to judge.</summary>
    None,

    /// <summary>Meets the target.</summary>
    Good,

    /// <summary>Misses the target by no more than the at-risk margin.</summary>
    AtRisk,

    /// <summary>Misses the target by more than the margin.</summary>
    Bad,
}

/// <summary>
/// The colour rule of the dashboard, pure so that it is table-tested and the same everywhere: good when
/// the target is met, at risk when it is missed by at most <c>margin</c> (5 percentage points unless
/// configured), bad beyond. Lower-is-better indicators (late rate, dissatisfaction) are mirrored: their
/// target is a maximum.
/// </summary>
internal static class IndicatorStatuses
{
    public const double DefaultMargin = 0.05;

    /// <summary>Ratios are stored as doubles: 0.95 − 0.9 is 0.0500000000004, which must still be "within 5 points".</summary>
    private const double Tolerance = 1e-9;

    public static IndicatorStatus Classify(double? value, double? target, bool lowerIsBetter, double margin = DefaultMargin)
    {
        if (value is not { } v || target is not { } t || double.IsNaN(v))
        {
            return IndicatorStatus.None;
        }

        // How far the value is on the wrong side of the target (zero or less: met).
        var shortfall = lowerIsBetter ? v - t : t - v;
        if (shortfall <= Tolerance)
        {
            return IndicatorStatus.Good;
        }

        return shortfall <= margin + Tolerance ? IndicatorStatus.AtRisk : IndicatorStatus.Bad;
    }

    /// <summary>The CSS class of a status (site.css colours them).</summary>
    public static string CssClass(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Good => "good",
        IndicatorStatus.AtRisk => "at-risk",
        IndicatorStatus.Bad => "bad",
        _ => "neutral",
    };
}
