namespace Motcua.Organisation;

internal enum UnitEventKind
{
    Created,
    Renamed,
    Moved,
    ContactUpdated,
    Closed,
    MergedInto,
    SplitInto,
    Imported,
}

/// <summary>One line of a unit's history: what changed, from when, who recorded it and when.</summary>
internal sealed class UnitEvent
{
    private UnitEvent()
    {
        RecordedBy = string.Empty;
    }

    public long Id { get; private set; }

    public Guid UnitId { get; private set; }

    public UnitEventKind Kind { get; private set; }

    /// <summary>The legal effective date of the change, when it has one.</summary>
    public DateOnly? EffectiveOn { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public static UnitEvent Record(Guid unitId, UnitEventKind kind, DateOnly? effectiveOn, string? oldValue, string? newValue, string actor, DateTime nowUtc) =>
        new()
        {
            UnitId = unitId,
            Kind = kind,
            EffectiveOn = effectiveOn,
            OldValue = oldValue,
            NewValue = newValue,
            RecordedBy = actor,
            RecordedAtUtc = nowUtc,
        };
}

internal enum SuccessionKind
{
    Merger,
    Split,
}

/// <summary>"<see cref="PredecessorId"/> continued, wholly or partly, as <see cref="SuccessorId"/> from <see cref="EffectiveOn"/>."</summary>
internal sealed class UnitSuccession
{
    private UnitSuccession()
    {
    }

    public long Id { get; private set; }

    public Guid PredecessorId { get; private set; }

    public Guid SuccessorId { get; private set; }

    public SuccessionKind Kind { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    /// <summary>The resolution or decision that ordered it, e.g. "Nghị quyết 1234/NQ-UBTVQH15".</summary>
    public string? LegalBasis { get; private set; }

    public static UnitSuccession Link(Guid predecessorId, Guid successorId, SuccessionKind kind, DateOnly effectiveOn, string? legalBasis) =>
        new()
        {
            PredecessorId = predecessorId,
            SuccessorId = successorId,
            Kind = kind,
            EffectiveOn = effectiveOn,
            LegalBasis = string.IsNullOrWhiteSpace(legalBasis) ? null : legalBasis.Trim(),
        };
}
