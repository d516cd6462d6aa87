using Motcua.Indexes.Contracts;

namespace Motcua.Indexes.Data;

/// <summary>The stored <see cref="DossierFact"/> of one dossier, with its on-time judgement at completion.</summary>
internal sealed class FactRow
{
    public string Code { get; set; } = string.Empty;

    public Guid UnitId { get; set; }

    public string ProcedureCode { get; set; } = string.Empty;

    public FactChannel Channel { get; set; }

    public FactOnlineLevel OnlineLevel { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime? ReturnedAt { get; set; }

    public FactChannel? ReturnChannel { get; set; }

    public int Apologies { get; set; }

    public DateTime? FirstApologyAt { get; set; }

    public DateTime? NewDueAt { get; set; }

    public int SupplementRequests { get; set; }

    public DateTime? SupplementRequestedAt { get; set; }

    public DateTime? SupplementedAt { get; set; }

    public int DocumentsTotal { get; set; }

    public int DocumentsDigitised { get; set; }

    public int DocumentsReused { get; set; }

    public bool ElectronicResult { get; set; }

    public bool DigitisedResult { get; set; }

    public long FeeAmount { get; set; }

    public bool PaidOnline { get; set; }

    public FactRating? Rating { get; set; }

    public bool RatedHarassment { get; set; }

    public bool SyncedToNationalPortal { get; set; }

    public bool Imported { get; set; }

    /// <summary>Judged at completion (null while open): kept for lists and reports, derived from the rest.</summary>
    public bool? CompletedOnTime { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DossierFact ToFact() => new()
    {
        Code = Code,
        UnitId = UnitId,
        ProcedureCode = ProcedureCode,
        Channel = Channel,
        OnlineLevel = OnlineLevel,
        ReceivedAt = ReceivedAt,
        DueAt = DueAt,
        CompletedAt = CompletedAt,
        ReturnedAt = ReturnedAt,
        ReturnChannel = ReturnChannel,
        Apologies = Apologies,
        FirstApologyAt = FirstApologyAt,
        NewDueAt = NewDueAt,
        SupplementRequests = SupplementRequests,
        SupplementRequestedAt = SupplementRequestedAt,
        SupplementedAt = SupplementedAt,
        DocumentsTotal = DocumentsTotal,
        DocumentsDigitised = DocumentsDigitised,
        DocumentsReused = DocumentsReused,
        ElectronicResult = ElectronicResult,
        DigitisedResult = DigitisedResult,
        FeeAmount = FeeAmount,
        PaidOnline = PaidOnline,
        Rating = Rating,
        RatedHarassment = RatedHarassment,
        SyncedToNationalPortal = SyncedToNationalPortal,
        Imported = Imported,
    };

    public void CopyFrom(DossierFact fact, DateTime updatedAt)
    {
        Code = fact.Code;
        UnitId = fact.UnitId;
        ProcedureCode = fact.ProcedureCode;
        Channel = fact.Channel;
        OnlineLevel = fact.OnlineLevel;
        ReceivedAt = fact.ReceivedAt;
        DueAt = fact.DueAt;
        CompletedAt = fact.CompletedAt;
        ReturnedAt = fact.ReturnedAt;
        ReturnChannel = fact.ReturnChannel;
        Apologies = fact.Apologies;
        FirstApologyAt = fact.FirstApologyAt;
        NewDueAt = fact.NewDueAt;
        SupplementRequests = fact.SupplementRequests;
        SupplementRequestedAt = fact.SupplementRequestedAt;
        SupplementedAt = fact.SupplementedAt;
        DocumentsTotal = fact.DocumentsTotal;
        DocumentsDigitised = fact.DocumentsDigitised;
        DocumentsReused = fact.DocumentsReused;
        ElectronicResult = fact.ElectronicResult;
        DigitisedResult = fact.DigitisedResult;
        FeeAmount = fact.FeeAmount;
        PaidOnline = fact.PaidOnline;
        Rating = fact.Rating;
        RatedHarassment = fact.RatedHarassment;
        SyncedToNationalPortal = fact.SyncedToNationalPortal;
        Imported = fact.Imported;
        CompletedOnTime = Counting.Judgement.CompletedOnTime(fact);
        UpdatedAt = updatedAt;
    }
}

/// <summary>Folded counters of a scope (a unit with everything under it and its predecessors) for a day or a month.</summary>
internal sealed class CounterRow : CounterColumns
{
    public const short Day = 1;
    public const short Month = 2;

    public Guid ScopeUnitId { get; set; }

    public short Grain { get; set; }

    public DateOnly PeriodStart { get; set; }
}

/// <summary>
/// A change to one unit's counters of one day, appended by the transaction that changed a dossier. Writers
/// only ever insert (no hot rows to wait for); a background job folds the changes into
/// <see cref="CounterRow"/>s of every scope containing the unit, and queries add the ones not yet folded.
/// </summary>
internal sealed class PendingChangeRow : CounterColumns
{
    public long Id { get; set; }

    public Guid UnitId { get; set; }

    public DateOnly Day { get; set; }
}

/// <summary>Scope <see cref="ScopeUnitId"/> contains the dossiers of <see cref="MemberUnitId"/> (itself included).</summary>
internal sealed class ScopeMemberRow
{
    public Guid ScopeUnitId { get; set; }

    public Guid MemberUnitId { get; set; }
}

/// <summary>A version of an indicator set (Decision 766, or a province's own), in force from a date.</summary>
internal sealed class IndicatorSetRow
{
    public Guid Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The definition as JSON (<see cref="IndicatorSets.IndicatorSetDefinition"/>).</summary>
    public string Definition { get; set; } = string.Empty;

    public string CreatedBy { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
}

/// <summary>A unit's target for an indicator in a year.</summary>
internal sealed class TargetRow
{
    public Guid UnitId { get; set; }

    public string IndicatorCode { get; set; } = string.Empty;

    public int Year { get; set; }

    public double Value { get; set; }

    public string? Note { get; set; }

    public string SetBy { get; set; } = string.Empty;

    public DateTime SetAt { get; set; }
}

/// <summary>A figure Motcua cannot observe (e.g. procedures published on the national database), entered for a unit and a month with its evidence.</summary>
internal sealed class ManualValueRow
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public string IndicatorCode { get; set; } = string.Empty;

    public DateOnly Month { get; set; }

    public long Numerator { get; set; }

    public long Denominator { get; set; }

    public string Evidence { get; set; } = string.Empty;

    public string EnteredBy { get; set; } = string.Empty;

    public DateTime EnteredAt { get; set; }

    /// <summary>An optional evidence file (a scan of the publication, a screenshot): its name as uploaded.</summary>
    public string? EvidenceFileName { get; set; }

    public string? EvidenceContentType { get; set; }

    /// <summary>Relative to the data directory's <c>evidence</c> folder, outside the web root.</summary>
    public string? EvidenceStoredPath { get; set; }

    public long? EvidenceSize { get; set; }

    public string? EvidenceSha256 { get; set; }
}
