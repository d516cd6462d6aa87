using Microsoft.EntityFrameworkCore;
using Motcua.Common;
using Motcua.Common.Persistence;
using Motcua.Dossiers.Contracts;
using Motcua.Dossiers.Data;

namespace Motcua.Dossiers.Chain;

/// <summary>
/// Each dossier's events form a hash chain whose head (version and last hash) is on the dossier's row
/// (ADR 0016). The verification streams the events once, in (dossier, sequence) order.
/// </summary>
internal sealed partial class DossierChains(DossiersDbContext db, ILogger<DossierChains> logger) : IDossierChains, IAfterMigration
{
    public async Task<ChainReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var heads = await db.Dossiers.AsNoTracking()
            .Select(d => new { d.Id, d.Code, d.Version, d.LastEventHash })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var breaks = new List<ChainBreak>();
        var seen = new HashSet<Guid>();
        long entries = 0;
        var current = Guid.Empty;
        var links = new List<ChainLink>();

        void Close()
        {
            if (links.Count == 0 && current == Guid.Empty)
            {
                return;
            }

            seen.Add(current);
            if (heads.TryGetValue(current, out var head))
            {
                if (HashChain.Verify("dossier " + head.Code, links, head: (head.Version, head.LastEventHash)) is { } broken)
                {
                    breaks.Add(broken);
                }
            }
            else
            {
                // Events of a dossier whose row is gone.
                breaks.Add(new ChainBreak("dossier " + current, links[0].Sequence, ChainBreakKind.Deleted));
            }

            links.Clear();
        }

        await foreach (var e in db.Events.AsNoTracking().OrderBy(e => e.DossierId).ThenBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (e.DossierId != current)
            {
                Close();
                current = e.DossierId;
            }

            entries++;
            links.Add(new ChainLink(e.Sequence, e.PreviousHash, e.Hash, e.Canonical()));
        }

        Close();

        // A dossier that has a version but none of its events left.
        foreach (var head in heads.Values.Where(h => h.Version > 0 && !seen.Contains(h.Id)))
        {
            breaks.Add(new ChainBreak("dossier " + head.Code, 1, ChainBreakKind.Deleted));
        }

        return new ChainReport(heads.Count, entries, breaks);
    }

    /// <summary>
    /// The events written before the chain existed get their hashes once, at the first start after the
    /// migration: SQLite cannot compute SHA-256 in SQL, so the backfill is .NET on both providers. A dossier
    /// is done with its head in the same transaction, and only if no action changed it meanwhile.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.Dossiers.AsNoTracking()
                .Where(d => d.LastEventHash == null && d.Version > 0)
                .OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Version })
                .Take(200)
                .ToListAsync(cancellationToken);
            batch.RemoveAll(d => Done.Contains(d.Id));
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(d => d.Id).ToList();
            var events = (await db.Events.AsNoTracking().Where(e => ids.Contains(e.DossierId)).ToListAsync(cancellationToken))
                .OrderBy(e => e.Sequence).ToLookup(e => e.DossierId);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var dossier in batch)
            {
                Done.Add(dossier.Id);
                var previous = HashChain.Genesis;
                foreach (var e in events[dossier.Id])
                {
                    var chained = e.Chained(previous);
                    await db.Events.Where(x => x.DossierId == e.DossierId && x.Sequence == e.Sequence)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.PreviousHash, chained.PreviousHash).SetProperty(x => x.Hash, chained.Hash), cancellationToken);
                    previous = chained.Hash!;
                }

                if (events[dossier.Id].Any())
                {
                    await db.Dossiers.Where(d => d.Id == dossier.Id && d.Version == dossier.Version && d.LastEventHash == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastEventHash, previous), cancellationToken);
                    total++;
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (total > 0)
        {
            LogBackfilled(logger, total);
        }
    }

    // Dossiers without any event row are left for the verification to report, not retried forever.
    private HashSet<Guid> Done { get; } = [];

    [LoggerMessage(Level = LogLevel.Information, Message = "Hash chains computed for the events of {Count} dossier(s) written before chaining")]
    private static partial void LogBackfilled(ILogger logger, int count);
}
