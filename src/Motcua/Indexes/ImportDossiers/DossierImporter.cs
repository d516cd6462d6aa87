using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Indexes.Closing;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Organisation.Contracts;
using Motcua.Procedures.Contracts;

namespace Motcua.Indexes.ImportDossiers;

/// <param name="BulkCopy">On PostgreSQL, write through binary COPY (<see cref="PostgresFactWriter"/>); false keeps
/// the EF Core path, which SQLite always uses and against which the fast path is tested.</param>
internal sealed record ImportOptions(bool DryRun, bool SkipInvalid, Action<long, TimeSpan>? Progress = null, bool BulkCopy = true);

/// <summary>
/// Imports finished and unfinished dossiers of other one-stop systems (JSON Lines) as index facts. The
/// file is read twice when it must be all-or-nothing (validate everything, then write), streaming both
/// times, so memory does not grow with the file; writing is batched inside one transaction, so a failure
/// half-way leaves nothing behind. Re-importing a code replaces its fact and corrects the counters.
/// </summary>
internal sealed class DossierImporter(IndexesDbContext db, IUnitDirectory units, IProcedureCatalogue catalogue, ICurrentUser user, TimeProvider time)
{
    public const int BatchSize = 1_000;
    private const int ProgressEvery = 50_000;

    public async Task<ImportReport> ImportAsync(Func<Stream> open, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var lookups = await LookupsAsync(cancellationToken);
        // The COPY path writes no adjustments: once a period is closed, corrections go through the path that
        // lists them (a bulk migration of history comes before anyone closes a period).
        if (!options.DryRun && options.BulkCopy && db.Database.IsNpgsql() && !await db.ClosedPeriods.AnyAsync(cancellationToken))
        {
            return await ImportByCopyAsync(open, options, lookups, cancellationToken);
        }

        var problems = new List<ImportProblem>();
        long lines = 0, valid = 0;
        if (!options.SkipInvalid || options.DryRun)
        {
            // A caller limited to some units is also refused lines that would replace another unit's
            // dossier or change another unit's closed period; the stored facts are read for that.
            var guard = lookups.Guard.IsAll ? lookups.Guard : lookups.Guard.WithClosedPeriods(await ClosedPeriodLedger.LoadAsync(db, units, cancellationToken));
            var accepted = new Dictionary<string, DossierFact>(StringComparer.Ordinal);
            var pending = new List<(long Line, DossierFact Fact)>(BatchSize);
            await foreach (var (number, fact, lineProblems) in ReadAsync(open, lookups, cancellationToken))
            {
                lines = number;
                valid += fact is null ? 0 : 1;
                problems.AddRange(lineProblems);
                if (fact is not null && !guard.IsAll)
                {
                    pending.Add((number, fact));
                    if (pending.Count == BatchSize)
                    {
                        valid -= await CheckAsync(pending, guard, accepted, problems, cancellationToken);
                        pending.Clear();
                    }
                }

                if (number % ProgressEvery == 0)
                {
                    options.Progress?.Invoke(number, lookups.Clock.Elapsed);
                }
            }

            valid -= await CheckAsync(pending, guard, accepted, problems, cancellationToken);
            problems.Sort((a, b) => a.Line.CompareTo(b.Line));
            if (options.DryRun || problems.Count > 0)
            {
                return new ImportReport(lines, valid, 0, 0, options.SkipInvalid ? lines - valid : 0, options.DryRun, Imported: false, problems);
            }
        }

        problems.Clear();
        long created = 0, updated = 0;
        lines = 0;
        valid = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var closed = await ClosedPeriodLedger.LoadAsync(db, units, cancellationToken);
        var writeGuard = lookups.Guard.IsAll ? lookups.Guard : lookups.Guard.WithClosedPeriods(closed);
        var refused = new List<ImportProblem>();
        var batch = new List<(long Line, DossierFact Fact)>(BatchSize);
        await foreach (var (number, fact, lineProblems) in ReadAsync(open, lookups, cancellationToken))
        {
            lines = number;
            problems.AddRange(lineProblems);
            if (fact is not null)
            {
                valid++;
                batch.Add((number, fact));
            }

            if (batch.Count == BatchSize)
            {
                var (c, u) = await WriteAsync(batch, closed, writeGuard, refused, cancellationToken);
                (created, updated) = (created + c, updated + u);
                batch.Clear();
            }

            if (number % ProgressEvery == 0)
            {
                options.Progress?.Invoke(number, lookups.Clock.Elapsed);
            }
        }

        var (lastCreated, lastUpdated) = await WriteAsync(batch, closed, writeGuard, refused, cancellationToken);
        valid -= refused.Count;
        problems.AddRange(refused);
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (refused.Count > 0 && !options.SkipInvalid)
        {
            // Only when the stored facts changed between the check and the write: still all or nothing.
            await transaction.RollbackAsync(cancellationToken);
            return new ImportReport(lines, valid, 0, 0, 0, DryRun: false, Imported: false, problems);
        }

        await transaction.CommitAsync(cancellationToken);
        options.Progress?.Invoke(lines, lookups.Clock.Elapsed);
        return new ImportReport(lines, valid, created + lastCreated, updated + lastUpdated, lines - valid, DryRun: false, Imported: true, problems);
    }

    /// <summary>
    /// The scope check of the validating pass (nothing is written): each line against the stored fact of
    /// its code, or the file's earlier accepted line of it. Returns the number of lines refused.
    /// </summary>
    private async Task<long> CheckAsync(
        List<(long Line, DossierFact Fact)> batch, ImportScope guard, Dictionary<string, DossierFact> accepted, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var codes = batch.Select(b => b.Fact.Code).Distinct().ToList();
        var stored = await db.Facts.AsNoTracking().Where(f => codes.Contains(f.Code)).ToDictionaryAsync(f => f.Code, f => f.ToFact(), StringComparer.Ordinal, cancellationToken);
        long refused = 0;
        foreach (var (line, fact) in batch)
        {
            var before = accepted.GetValueOrDefault(fact.Code) ?? stored.GetValueOrDefault(fact.Code);
            if (guard.Refusal(line, before, fact) is { } problem)
            {
                problems.Add(problem);
                refused++;
            }
            else
            {
                accepted[fact.Code] = fact;
            }
        }

        return refused;
    }

    /// <summary>
    /// The PostgreSQL path: one pass over the file, parsing on one thread while the previous batch is
    /// written on another. An all-or-nothing import stops writing at the first invalid line, reads on to
    /// report every problem, and rolls back, which leaves exactly what the validate-then-write path leaves
    /// (nothing) while reading a valid file once instead of twice.
    /// </summary>
    private async Task<ImportReport> ImportByCopyAsync(Func<Stream> open, ImportOptions options, Lookups lookups, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var writer = new PostgresFactWriter(db, VietnamTime.Now(time));
        var batches = Channel.CreateBounded<List<(long Line, DossierFact Fact)>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadBatchesAsync(open, options, lookups, batches.Writer, stop.Token), stop.Token);
        long created = 0, updated = 0;
        var refused = new List<ImportProblem>();
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                var (c, u) = await writer.WriteAsync(batch, lookups.Guard, refused, cancellationToken);
                (created, updated) = (created + c, updated + u);
            }
        }
        catch
        {
            // Do not leave the reader blocked on a full channel.
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (OperationCanceledException)
            {
            }

            throw;
        }

        var (lines, valid, problems) = await reading;
        valid -= refused.Count;
        problems.AddRange(refused);
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (problems.Count > 0 && !options.SkipInvalid)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ImportReport(lines, valid, 0, 0, 0, DryRun: false, Imported: false, problems);
        }

        await writer.FlushChangesAsync(settledBefore: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        options.Progress?.Invoke(lines, lookups.Clock.Elapsed);
        return new ImportReport(lines, valid, created, updated, lines - valid, DryRun: false, Imported: true, problems);
    }

    private static async Task<(long Lines, long Valid, List<ImportProblem> Problems)> ReadBatchesAsync(
        Func<Stream> open, ImportOptions options, Lookups lookups, ChannelWriter<List<(long Line, DossierFact Fact)>> batches, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        long lines = 0, valid = 0;
        var writing = true;
        var batch = new List<(long Line, DossierFact Fact)>(PostgresFactWriter.BatchSize);
        try
        {
            await foreach (var (number, fact, lineProblems) in ReadAsync(open, lookups, cancellationToken))
            {
                lines = number;
                problems.AddRange(lineProblems);
                writing &= options.SkipInvalid || lineProblems.Count == 0;
                if (fact is not null)
                {
                    valid++;
                    if (writing)
                    {
                        batch.Add((number, fact));
                    }
                }

                if (batch.Count == PostgresFactWriter.BatchSize)
                {
                    await batches.WriteAsync(batch, cancellationToken);
                    batch = new List<(long Line, DossierFact Fact)>(PostgresFactWriter.BatchSize);
                }

                if (number % ProgressEvery == 0)
                {
                    options.Progress?.Invoke(number, lookups.Clock.Elapsed);
                }
            }

            if (writing && batch.Count > 0)
            {
                await batches.WriteAsync(batch, cancellationToken);
            }

            batches.Complete();
        }
        catch (Exception exception)
        {
            batches.TryComplete(exception);
            throw;
        }

        return (lines, valid, problems);
    }

    private sealed record Lookups(Dictionary<string, Guid?> Units, IReadOnlySet<string> Procedures, UnitScope Scope, ImportScope Guard, Stopwatch Clock);

    private async Task<Lookups> LookupsAsync(CancellationToken cancellationToken)
    {
        var scope = user.IsAuthenticated ? await user.GetScopeAsync(cancellationToken) : new UnitScope(true, new HashSet<Guid>());
        var known = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        var codes = new Dictionary<Guid, string>();
        foreach (var unit in await units.ListAsync(cancellationToken))
        {
            // Historical dossiers name the unit as it was: units closed since (districts, merged communes) count.
            known[unit.Code] = unit.Id;
            codes[unit.Id] = unit.Code;
        }

        var guard = scope.IsAll ? ImportScope.Everything : new ImportScope(scope, codes, []);
        return new Lookups(known, await catalogue.CodesAsync(cancellationToken), scope, guard, Stopwatch.StartNew());
    }

    private static async IAsyncEnumerable<(long Number, DossierFact? Fact, List<ImportProblem> Problems)> ReadAsync(
        Func<Stream> open, Lookups lookups, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = open();
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        long number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string? outside = null;
            var (fact, found) = ImportLineParser.Parse(
                text,
                code =>
                {
                    var id = lookups.Units.GetValueOrDefault(code);
                    outside = id is { } unitId && !lookups.Scope.Contains(unitId) ? code : outside;
                    return id;
                },
                lookups.Procedures.Contains);
            var problems = found.Select(p => new ImportProblem(number, p.Message, p.Arguments)).ToList();
            if (outside is not null)
            {
                problems.Add(new ImportProblem(number, "Unit {0} is outside your scope.", [outside]));
                fact = null;
            }

            yield return (number, fact, problems);
        }
    }

    /// <param name="closed">The closed periods: a re-imported dossier that moves their figures is listed as their adjustment.</param>
    /// <param name="guard">The caller's scope: a line it refuses is not written and is added to <paramref name="refused"/>.</param>
    private async Task<(long Created, long Updated)> WriteAsync(
        List<(long Line, DossierFact Fact)> batch, IReadOnlyList<ClosedScope> closed, ImportScope guard, List<ImportProblem> refused, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return (0, 0);
        }

        var codes = batch.Select(b => b.Fact.Code).Distinct().ToList();
        var rows = await db.Facts.Where(f => codes.Contains(f.Code)).ToDictionaryAsync(f => f.Code, cancellationToken);
        var changes = new Dictionary<(Guid, DateOnly), long[]>();
        long created = 0, updated = 0;
        var now = VietnamTime.Now(time);
        var change = new IndexChange(user.Actor, IndexChange.Import);
        foreach (var (line, fact) in batch)
        {
            var before = rows.TryGetValue(fact.Code, out var row) ? row.ToFact() : null;
            if (guard.Refusal(line, before, fact) is { } problem)
            {
                refused.Add(problem);
                continue;
            }

            if (row is null)
            {
                row = new FactRow();
                row.CopyFrom(fact, now);
                db.Facts.Add(row);
                rows[fact.Code] = row;
                created++;
            }
            else
            {
                row.CopyFrom(fact, now);
                updated++;
            }

            ClosedPeriodLedger.Record(db, closed, fact.Code, before, fact, change, now);
            foreach (var counterChange in CounterChanges.Between(before, fact))
            {
                if (!changes.TryGetValue((counterChange.UnitId, counterChange.Day), out var values))
                {
                    changes[(counterChange.UnitId, counterChange.Day)] = values = new long[Counters.Count];
                }

                for (var i = 0; i < values.Length; i++)
                {
                    values[i] += counterChange.Values[i];
                }
            }
        }

        foreach (var ((unit, day), values) in changes)
        {
            if (values.All(v => v == 0))
            {
                continue;
            }

            var pending = new PendingChangeRow { UnitId = unit, Day = day };
            foreach (var counter in Counters.All)
            {
                pending.Set(counter, values[(int)counter]);
            }

            db.PendingChanges.Add(pending);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (created, updated);
    }
}
