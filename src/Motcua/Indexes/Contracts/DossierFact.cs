namespace Motcua.Indexes.Contracts;

internal enum FactChannel
{
    Counter,
    Online,
    Postal,
}

internal enum FactOnlineLevel
{
    None,
    Partial,
    Full,
}

internal enum FactRating
{
    VerySatisfied,
    Satisfied,
    NotSatisfied,
}

/// <summary>
/// What the service-quality indexes need to know about one received dossier: the inputs of every
/// indicator and nothing else. The Dossiers area reports a fact whenever one of these inputs changes
/// (in the same transaction as the dossier's event); the historical import writes facts of dossiers
/// handled by other systems. Times are Vietnam local time. <see cref="DueAt"/> is the appointment given
/// at receipt, before any supplement pause or apology (Decision 766 judges against it).
/// </summary>
internal sealed record DossierFact
{
    public required string Code { get; init; }

    public required Guid UnitId { get; init; }

    public required string ProcedureCode { get; init; }

    public FactChannel Channel { get; init; }

    public FactOnlineLevel OnlineLevel { get; init; }

    public required DateTime ReceivedAt { get; init; }

    public required DateTime DueAt { get; init; }

    /// <summary>End of processing: result ready, refused or stopped.</summary>
    public DateTime? CompletedAt { get; init; }

    public DateTime? ReturnedAt { get; init; }

    public FactChannel? ReturnChannel { get; init; }

    public int Apologies { get; init; }

    public DateTime? FirstApologyAt { get; init; }

    public DateTime? NewDueAt { get; init; }

    public int SupplementRequests { get; init; }

    /// <summary>The first supplement request (the only one that Decision 766 forgives).</summary>
    public DateTime? SupplementRequestedAt { get; init; }

    public DateTime? SupplementedAt { get; init; }

    public int DocumentsTotal { get; init; }

    public int DocumentsDigitised { get; init; }

    public int DocumentsReused { get; init; }

    public bool ElectronicResult { get; init; }

    public bool DigitisedResult { get; init; }

    public long FeeAmount { get; init; }

    public bool PaidOnline { get; init; }

    public FactRating? Rating { get; init; }

    /// <summary>Rated not satisfied because of harassment (nhũng nhiễu).</summary>
    public bool RatedHarassment { get; init; }

    public bool SyncedToNationalPortal { get; init; }

    /// <summary>Imported from another one-stop system rather than handled in Motcua.</summary>
    public bool Imported { get; init; }
}
