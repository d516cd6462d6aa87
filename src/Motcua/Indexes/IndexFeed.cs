using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Persistence;
using Motcua.Indexes.Closing;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes;

/// <summary>
/// Writes a dossier's fact and the change it makes to the counters through the caller's transaction.
/// Only inserts and a single-row upsert: no counter row is locked, so desks never wait for each other.
/// A change that moves a figure of a closed period is also appended as an adjustment of that period.
/// </summary>
internal sealed class IndexFeed(IndexesContextFactory contexts, TimeProvider time, ICurrentUser user, IUnitDirectory units) : IIndexFeed
{
    public async Task RecordAsync(string code, DossierFact? fact, DbTransaction transaction, IndexChange? change = null, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.On(transaction);
        await ApplyAsync(db, units, code, fact, keepSynced: true, change ?? new IndexChange(user.Actor, null), time, cancellationToken);
    }

    /// <summary>
    /// Replaces the fact of <paramref name="code"/> and appends the counter changes. With
    /// <paramref name="keepSynced"/>, a dossier once synchronised to the national portal stays so (the
    /// Dossiers area reports the sync separately from its other changes). <paramref name="change"/> says who
    /// and why when the change corrects a closed period.
    /// </summary>
    /// <returns>The fact before the change.</returns>
    public static async Task<DossierFact?> ApplyAsync(IndexesDbContext db, IUnitDirectory units, string code, DossierFact? fact, bool keepSynced, IndexChange change, TimeProvider time, CancellationToken cancellationToken)
    {
        var row = await db.Facts.FirstOrDefaultAsync(f => f.Code == code, cancellationToken);
        var before = row?.ToFact();
        if (fact is not null && keepSynced && before is { SyncedToNationalPortal: true })
        {
            fact = fact with { SyncedToNationalPortal = true };
        }

        if (before == fact)
        {
            return before;
        }

        if (fact is null)
        {
            db.Facts.Remove(row!);
        }
        else
        {
            var isNew = row is null;
            row ??= new FactRow();
            row.CopyFrom(fact, VietnamTime.Now(time));
            if (isNew)
            {
                db.Facts.Add(row);
            }
        }

        foreach (var counterChange in CounterChanges.Between(before, fact))
        {
            var pending = new PendingChangeRow { UnitId = counterChange.UnitId, Day = counterChange.Day };
            foreach (var counter in Counters.All)
            {
                pending.Set(counter, counterChange.Values[(int)counter]);
            }

            db.PendingChanges.Add(pending);
        }

        // Same transaction as the fact: a correction of a published period is never lost nor recorded for a rolled-back change.
        await ClosedPeriodLedger.RecordAsync(db, units, code, before, fact, change, VietnamTime.Now(time), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return before;
    }
}

/// <summary>Builds an Indexes context on another area's open connection and transaction.</summary>
internal sealed class IndexesContextFactory(DatabaseProvider provider)
{
    public IndexesDbContext On(DbTransaction transaction)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        IndexesDbContext db;
        if (provider == DatabaseProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresIndexesDbContext>().UseNpgsql(connection).Options;
            db = new PostgresIndexesDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<SqliteIndexesDbContext>().UseSqlite(connection).Options;
            db = new SqliteIndexesDbContext(options);
        }

        db.Database.UseTransaction(transaction);
        return db;
    }
}
