using System.Data.Common;

namespace Motcua.Indexes.Contracts;

/// <summary>
/// Who made a change and why, kept when the change corrects a period already closed (an adjustment).
/// </summary>
/// <param name="Actor">The user (or <c>system</c>, <c>payment:…</c>) who made the change.</param>
/// <param name="Reason">What changed the dossier: its action as <c>action:approve</c>, or another short English key.</param>
internal sealed record IndexChange(string Actor, string? Reason)
{
    /// <summary>The dossier was synchronised to the National Public Service Portal.</summary>
    public const string PortalSync = "Synchronised to the National Public Service Portal";

    /// <summary>The dossier was (re-)imported from another one-stop system.</summary>
    public const string Import = "Imported from another one-stop system";

    /// <summary>A manual figure was entered or imported.</summary>
    public const string ManualValue = "Manual figure entered";
}

/// <summary>
/// How the Dossiers area keeps the indexes current: it reports the new fact of a dossier (or that the
/// dossier no longer counts, e.g. withdrawn) inside its own database transaction, so a figure is never
/// stale and never counts a change that was rolled back.
/// </summary>
internal interface IIndexFeed
{
    /// <param name="code">The dossier code.</param>
    /// <param name="fact">The dossier's current fact, or null when it does not (or no longer) count.</param>
    /// <param name="transaction">The caller's open transaction; the feed writes through its connection.</param>
    /// <param name="change">Who and why, for the adjustments of closed periods; the signed-in user when null.</param>
    Task RecordAsync(string code, DossierFact? fact, DbTransaction transaction, IndexChange? change = null, CancellationToken cancellationToken = default);
}
