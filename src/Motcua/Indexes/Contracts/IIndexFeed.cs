using System.Data.Common;

namespace Motcua.Indexes.Contracts;

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
    Task RecordAsync(string code, DossierFact? fact, DbTransaction transaction, CancellationToken cancellationToken = default);
}
