using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Motcua.Common;
using Motcua.Common.Persistence;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;

namespace Motcua.Indexes;

/// <summary>
/// Writes a dossier's fact and the change it makes to the counters through the caller's transaction.
/// Only inserts and a single-row upsert: no counter row is locked, so desks never wait for each other.
/// </summary>
internal sealed class IndexFeed(IndexesContextFactory contexts, TimeProvider time) : IIndexFeed
{
    public async Task RecordAsync(string code, DossierFact? fact, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.On(transaction);
        await ApplyAsync(db, code, fact, keepSynced: true, time, cancellationToken);
    }

    /// <summary>
    /// Replaces the fact of <paramref name="code"/> and appends the counter changes. With
    /// <paramref name="keepSynced"/>, a dossier once synchronised to the national portal stays so (the
    /// Dossiers area reports the sync separately from its other changes).
    /// </summary>
    /// <returns>The fact before the change.</returns>
    public static async Task<DossierFact?> ApplyAsync(IndexesDbContext db, string code, DossierFact? fact, bool keepSynced, TimeProvider time, CancellationToken cancellationToken)
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

        foreach (var change in CounterChanges.Between(before, fact))
        {
            var pending = new PendingChangeRow { UnitId = change.UnitId, Day = change.Day };
            foreach (var counter in Counters.All)
            {
                pending.Set(counter, change.Values[(int)counter]);
            }

            db.PendingChanges.Add(pending);
        }

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
