namespace Motcua.Audit;

/// <summary>
/// One line of the audit log, never changed once written. Entries form chains, one per Vietnam day
/// (<see cref="Chain"/>, e.g. <c>2026-12-07</c>), numbered from 1; the first entry of a day links to the last
/// entry of the day before, so the whole log is one chain that can be verified a day at a time (ADR 0016).
/// </summary>
internal sealed class AuditEntry
{
    private AuditEntry()
    {
        Chain = Action = PreviousHash = Hash = ActorName = string.Empty;
    }

    public AuditEntry(string chain, long sequence, DateTime at, Guid? actorId, string actorName, string? address, string action, string? objectType, string? objectId, string? detail, string previousHash)
    {
        Chain = chain;
        Sequence = sequence;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Address = address;
        Action = action;
        ObjectType = objectType;
        ObjectId = objectId;
        Detail = detail;
        PreviousHash = previousHash;
        Hash = Common.HashChain.Hash(previousHash, Canonical());
    }

    public string Chain { get; private set; }

    public long Sequence { get; private set; }

    /// <summary>UTC, to the microsecond.</summary>
    public DateTime At { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; }

    public string? Address { get; private set; }

    public string Action { get; private set; }

    public string? ObjectType { get; private set; }

    public string? ObjectId { get; private set; }

    public string? Detail { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>The fields the hash covers (everything but the chain's name and the sequence, which the links protect).</summary>
    public string Canonical() => Common.HashChain.Canonical(At, ActorId, ActorName, Address, Action, ObjectType, ObjectId, Detail);
}
