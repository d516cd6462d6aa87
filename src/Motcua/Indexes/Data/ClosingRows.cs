namespace Motcua.Indexes.Data;

/// <summary>
/// A closed (published) period of a unit: the full service-index result as it was when closed, never
/// recomputed. Later corrections are listed as <see cref="AdjustmentRow"/>s beside it.
/// </summary>
internal sealed class ClosedPeriodRow
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public string SetCode { get; set; } = string.Empty;

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>The <see cref="ServiceIndex.ServiceIndexResult"/> as JSON, exactly as published.</summary>
    public string Snapshot { get; set; } = string.Empty;

    public string ClosedBy { get; set; } = string.Empty;

    /// <summary>Vietnam local time, like every other time of the Indexes area.</summary>
    public DateTime ClosedAt { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// A change made after a period was closed that would have changed its figures: a dossier's fact (which
/// indicators it entered or left) or a manual figure. Appended only; who, when and why are kept.
/// </summary>
internal sealed class AdjustmentRow
{
    public Guid Id { get; set; }

    public Guid ClosedPeriodId { get; set; }

    /// <summary>The dossier changed; null for a manual figure.</summary>
    public string? DossierCode { get; set; }

    /// <summary>The manual indicator changed; null for a dossier.</summary>
    public string? IndicatorCode { get; set; }

    /// <summary>JSON list of the indicators whose numerator or denominator the change moved.</summary>
    public string Shifts { get; set; } = "[]";

    /// <summary>JSON of the inputs before the change (the dossier fact or the manual figure); null when there were none.</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the inputs after the change; null when the dossier no longer counts.</summary>
    public string? After { get; set; }

    public string Actor { get; set; } = string.Empty;

    /// <summary>The dossier action (<c>action:approve</c>), or what else made the change (an import, a manual entry).</summary>
    public string? Reason { get; set; }

    /// <summary>Vietnam local time.</summary>
    public DateTime At { get; set; }
}
