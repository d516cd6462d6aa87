using Microsoft.EntityFrameworkCore;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes;

/// <summary>
/// Keeps the folded counters right: which scopes contain which units (from the unit tree, with
/// predecessors), folding pending changes, and rebuilding everything from the facts when the tree
/// changed or an operator asks (<c>motcua indexes rebuild</c>).
/// </summary>
internal sealed class IndexMaintenance(IndexesDbContext db, IUnitDirectory units, ILogger<IndexMaintenance> logger)
{
    /// <summary>Folds pending changes; first learns the scopes of units it has not seen (a new unit).</summary>
    public async Task<int> FoldAsync(CancellationToken cancellationToken = default)
    {
        var unknown = await db.PendingChanges.AnyAsync(p => !db.ScopeMembers.Any(s => s.MemberUnitId == p.UnitId), cancellationToken);
        if (unknown && await RefreshScopesAsync(cancellationToken))
        {
            await RebuildAsync(cancellationToken);
            return 0;
        }

        return await IndexSql.FoldAsync(db, cancellationToken);
    }

    /// <summary>Recomputes scope membership from the unit tree. True when it changed (the counters must be rebuilt).</summary>
    public async Task<bool> RefreshScopesAsync(CancellationToken cancellationToken = default)
    {
        var wanted = new HashSet<(Guid Scope, Guid Member)>();
        foreach (var unit in await units.ListAsync(cancellationToken))
        {
            foreach (var member in await units.GetScopeAsync(unit.Id, cancellationToken))
            {
                wanted.Add((unit.Id, member));
            }

            wanted.Add((unit.Id, unit.Id));
        }

        var stored = (await db.ScopeMembers.AsNoTracking().ToListAsync(cancellationToken)).Select(s => (s.ScopeUnitId, s.MemberUnitId)).ToHashSet();
        if (stored.SetEquals(wanted))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ScopeMembers.ExecuteDeleteAsync(cancellationToken);
        db.ScopeMembers.AddRange(wanted.Select(w => new ScopeMemberRow { ScopeUnitId = w.Scope, MemberUnitId = w.Member }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Index scopes changed: {Pairs} unit/scope pairs; the counters will be rebuilt.", wanted.Count);
        }

        return true;
    }

    /// <summary>
    /// Throws the counters away and recounts every fact, one unit at a time, then folds.
    /// Writers keep appending changes meanwhile; those made after the facts were read are kept.
    /// </summary>
    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken))
        {
            await db.CounterRows.ExecuteDeleteAsync(cancellationToken);
            await db.PendingChanges.ExecuteDeleteAsync(cancellationToken);
            var days = new Dictionary<DateOnly, long[]>();
            var written = 0;

            // One unit at a time, read whole before writing: PostgreSQL cannot write on a connection while a
            // reader is still open on it, and memory stays bounded by the largest unit.
            var unitIds = await db.Facts.Select(f => f.UnitId).Distinct().ToListAsync(cancellationToken);
            foreach (var unitId in unitIds)
            {
                var facts = await db.Facts.AsNoTracking().Where(f => f.UnitId == unitId).ToListAsync(cancellationToken);
                foreach (var contribution in facts.SelectMany(f => Contributions.Of(f.ToFact())))
                {
                    if (!days.TryGetValue(contribution.Day, out var values))
                    {
                        values = new long[Counters.Count];
                        days[contribution.Day] = values;
                    }

                    values[(int)contribution.Counter] += contribution.Change;
                }

                written += Flush(unitId, days);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Index counters rebuilt: {Changes} unit-days.", written);
            }
        }

        while (await IndexSql.FoldAsync(db, cancellationToken) > 0)
        {
        }
    }

    private int Flush(Guid? unit, Dictionary<DateOnly, long[]> days)
    {
        if (unit is not { } unitId)
        {
            return 0;
        }

        foreach (var (day, values) in days)
        {
            if (values.All(v => v == 0))
            {
                continue;
            }

            var row = new PendingChangeRow { UnitId = unitId, Day = day };
            foreach (var counter in Counters.All)
            {
                row.Set(counter, values[(int)counter]);
            }

            db.PendingChanges.Add(row);
        }

        var count = days.Count;
        days.Clear();
        return count;
    }
}

/// <summary>Folds pending counter changes every few seconds and watches the unit tree for changes.</summary>
internal sealed class IndexFoldingService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<IndexFoldingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Motcua:Indexes:FoldSeconds", 5.0));
        var treeCheck = TimeSpan.FromMinutes(configuration.GetValue("Motcua:Indexes:TreeCheckMinutes", 10.0));
        var lastTreeCheck = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var maintenance = scope.ServiceProvider.GetRequiredService<IndexMaintenance>();
                if (DateTime.UtcNow - lastTreeCheck > treeCheck)
                {
                    lastTreeCheck = DateTime.UtcNow;
                    if (await maintenance.RefreshScopesAsync(stoppingToken))
                    {
                        await maintenance.RebuildAsync(stoppingToken);
                    }
                }

                await maintenance.FoldAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
            {
                // Nothing is lost: the changes stay pending and queries count them; try again next time.
                logger.LogWarning(exception, "Folding index counters failed; will retry.");
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
