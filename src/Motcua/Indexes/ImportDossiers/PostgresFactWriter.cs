using Microsoft.EntityFrameworkCore;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Npgsql;
using NpgsqlTypes;

namespace Motcua.Indexes.ImportDossiers;

/// <summary>
/// The PostgreSQL path of the dossier import: facts go in by binary COPY instead of one INSERT per row
/// (EF Core), which is what makes a ten-million-line import a matter of minutes. Semantics are those of
/// the EF path, which SQLite keeps and an integration test compares against: the last line of a code
/// wins, re-importing a code replaces its fact, and the counter changes (new contributions less old
/// ones) are appended as pending changes in the same transaction. Changes are summed per unit and day
/// across batches, up to a bound, so a large chronological file leaves few pending rows to fold.
/// </summary>
internal sealed class PostgresFactWriter(IndexesDbContext db, DateTime now)
{
    /// <summary>Facts per round trip: large enough to amortise it, small enough to bound memory. Settable
    /// so that a test can cross batch and flush boundaries with a small file; results do not depend on it.</summary>
    public static int BatchSize { get; set; } = 20_000;

    /// <summary>Unit-days of summed changes kept before they are written (about 300 bytes each).</summary>
    public static int MaxPendingUnitDays { get; set; } = 100_000;

    /// <summary>The columns of <c>index_facts</c> in the order <see cref="WriteRowAsync"/> writes them.</summary>
    public static readonly string[] FactColumns =
    [
        "Code", "UnitId", "ProcedureCode", "Channel", "OnlineLevel", "ReceivedAt", "DueAt", "CompletedAt", "ReturnedAt", "ReturnChannel",
        "Apologies", "FirstApologyAt", "NewDueAt", "SupplementRequests", "SupplementRequestedAt", "SupplementedAt",
        "DocumentsTotal", "DocumentsDigitised", "DocumentsReused", "ElectronicResult", "DigitisedResult", "FeeAmount", "PaidOnline",
        "Rating", "RatedHarassment", "SyncedToNationalPortal", "Imported", "CompletedOnTime", "UpdatedAt",
    ];

    private readonly Dictionary<(Guid Unit, DateOnly Day), long[]> _changes = [];
    private bool _stagingCreated;

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    public static string ColumnList => string.Join(", ", FactColumns.Select(c => $"\"{c}\""));

    /// <summary>
    /// Writes one batch of valid facts (in file order, with their line numbers) and sums their counter
    /// changes. A line the caller's scope refuses against the stored fact (read here, locked) is not written
    /// and is added to <paramref name="refused"/>.
    /// </summary>
    public async Task<(long Created, long Updated)> WriteAsync(
        IReadOnlyList<(long Line, DossierFact Fact)> batch, ImportScope guard, List<ImportProblem> refused, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return (0, 0);
        }

        // Locked so that a dossier changed concurrently cannot make the "before" read here stale.
        var codes = batch.Select(b => b.Fact.Code).Distinct(StringComparer.Ordinal).ToArray();
        var lookup = $"SELECT * FROM {IndexSql.Table(db, IndexSql.FactsTable)} WHERE \"Code\" = ANY(@codes) FOR UPDATE";
        var stored = await db.Facts
            .FromSqlRaw(lookup, new NpgsqlParameter("codes", codes))
            .AsNoTracking()
            .ToDictionaryAsync(f => f.Code, f => f.ToFact(), StringComparer.Ordinal, cancellationToken);

        // The last line of a code wins; earlier ones in the batch only count as updates (as in the EF path).
        var last = new Dictionary<string, DossierFact>(batch.Count, StringComparer.Ordinal);
        long repeats = 0;
        foreach (var (line, fact) in batch)
        {
            if (!guard.IsAll && guard.Refusal(line, last.GetValueOrDefault(fact.Code) ?? stored.GetValueOrDefault(fact.Code), fact) is { } problem)
            {
                refused.Add(problem);
                continue;
            }

            repeats += last.ContainsKey(fact.Code) ? 1 : 0;
            last[fact.Code] = fact;
        }

        if (last.Count < codes.Length)
        {
            // Codes whose every line was refused stay as they are.
            stored = stored.Where(s => last.ContainsKey(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        }

        var fresh = new List<DossierFact>(last.Count - stored.Count);
        var replaced = new List<DossierFact>(stored.Count);
        foreach (var fact in last.Values)
        {
            var before = stored.GetValueOrDefault(fact.Code);
            (before is null ? fresh : replaced).Add(fact);
            if (before is not null)
            {
                Add(before, -1);
            }

            Add(fact, +1);
        }

        await CopyAsync($"{IndexSql.Table(db, IndexSql.FactsTable)} ({ColumnList})", fresh, cancellationToken);
        if (replaced.Count > 0)
        {
            await ReplaceAsync(replaced, cancellationToken);
        }

        if (_changes.Count > MaxPendingUnitDays)
        {
            await FlushChangesAsync(batch.Min(b => DateOnly.FromDateTime(b.Fact.ReceivedAt)), cancellationToken);
        }

        return (fresh.Count, replaced.Count + repeats);
    }

    /// <summary>
    /// Appends the summed counter changes as pending changes (folded later, counted by queries meanwhile).
    /// With <paramref name="settledBefore"/>, only the days before it: a dossier contributes to its day of
    /// receipt and later days only, so in a file in order of receipt (as exports are) those days get no
    /// more changes, and each unit-day is written about once instead of once per flush. Any split is
    /// correct (pending changes add up); when the file is not in order, everything is written.
    /// </summary>
    public async Task FlushChangesAsync(DateOnly? settledBefore, CancellationToken cancellationToken)
    {
        var settled = settledBefore is { } before ? _changes.Where(c => c.Key.Day < before).Select(c => c.Key).ToList() : [];
        var keys = settled.Count >= _changes.Count / 2 ? settled : [.. _changes.Keys];
        await PendingChangeCopy.WriteAsync(db, keys.OrderBy(k => k.Unit).ThenBy(k => k.Day).Select(k => (k.Unit, k.Day, _changes[k])), cancellationToken);
        foreach (var key in keys)
        {
            _changes.Remove(key);
        }
    }

    /// <summary>One row of <see cref="FactColumns"/>, as <see cref="FactRow.CopyFrom"/> would store it.</summary>
    public static async Task WriteRowAsync(NpgsqlBinaryImporter writer, DossierFact fact, DateTime updatedAt, CancellationToken cancellationToken)
    {
        await writer.StartRowAsync(cancellationToken);
        await writer.WriteAsync(fact.Code, NpgsqlDbType.Varchar, cancellationToken);
        await writer.WriteAsync(fact.UnitId, NpgsqlDbType.Uuid, cancellationToken);
        await writer.WriteAsync(fact.ProcedureCode, NpgsqlDbType.Varchar, cancellationToken);
        await writer.WriteAsync(fact.Channel.ToString(), NpgsqlDbType.Varchar, cancellationToken);
        await writer.WriteAsync(fact.OnlineLevel.ToString(), NpgsqlDbType.Varchar, cancellationToken);
        await writer.WriteAsync(fact.ReceivedAt, NpgsqlDbType.Timestamp, cancellationToken);
        await writer.WriteAsync(fact.DueAt, NpgsqlDbType.Timestamp, cancellationToken);
        await WriteNullableAsync(writer, fact.CompletedAt, cancellationToken);
        await WriteNullableAsync(writer, fact.ReturnedAt, cancellationToken);
        await WriteTextAsync(writer, fact.ReturnChannel?.ToString(), cancellationToken);
        await writer.WriteAsync(fact.Apologies, NpgsqlDbType.Integer, cancellationToken);
        await WriteNullableAsync(writer, fact.FirstApologyAt, cancellationToken);
        await WriteNullableAsync(writer, fact.NewDueAt, cancellationToken);
        await writer.WriteAsync(fact.SupplementRequests, NpgsqlDbType.Integer, cancellationToken);
        await WriteNullableAsync(writer, fact.SupplementRequestedAt, cancellationToken);
        await WriteNullableAsync(writer, fact.SupplementedAt, cancellationToken);
        await writer.WriteAsync(fact.DocumentsTotal, NpgsqlDbType.Integer, cancellationToken);
        await writer.WriteAsync(fact.DocumentsDigitised, NpgsqlDbType.Integer, cancellationToken);
        await writer.WriteAsync(fact.DocumentsReused, NpgsqlDbType.Integer, cancellationToken);
        await writer.WriteAsync(fact.ElectronicResult, NpgsqlDbType.Boolean, cancellationToken);
        await writer.WriteAsync(fact.DigitisedResult, NpgsqlDbType.Boolean, cancellationToken);
        await writer.WriteAsync(fact.FeeAmount, NpgsqlDbType.Bigint, cancellationToken);
        await writer.WriteAsync(fact.PaidOnline, NpgsqlDbType.Boolean, cancellationToken);
        await WriteTextAsync(writer, fact.Rating?.ToString(), cancellationToken);
        await writer.WriteAsync(fact.RatedHarassment, NpgsqlDbType.Boolean, cancellationToken);
        await writer.WriteAsync(fact.SyncedToNationalPortal, NpgsqlDbType.Boolean, cancellationToken);
        await writer.WriteAsync(fact.Imported, NpgsqlDbType.Boolean, cancellationToken);
        if (Judgement.CompletedOnTime(fact) is { } onTime)
        {
            await writer.WriteAsync(onTime, NpgsqlDbType.Boolean, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }

        await writer.WriteAsync(updatedAt, NpgsqlDbType.Timestamp, cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, DateTime? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Timestamp, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
    {
        if (value is not null)
        {
            await writer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }

    private async Task CopyAsync(string target, List<DossierFact> facts, CancellationToken cancellationToken)
    {
        if (facts.Count == 0)
        {
            return;
        }

        await using var writer = await Connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var fact in facts)
        {
            await WriteRowAsync(writer, fact, now, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Codes already stored: their new facts go through a temporary table and one UPDATE.</summary>
    private async Task ReplaceAsync(List<DossierFact> facts, CancellationToken cancellationToken)
    {
        var table = IndexSql.Table(db, IndexSql.FactsTable);
        if (!_stagingCreated)
        {
            var create = $"CREATE TEMPORARY TABLE import_staging ON COMMIT DROP AS SELECT {ColumnList} FROM {table} WITH NO DATA";
            await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
            _stagingCreated = true;
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("TRUNCATE import_staging", cancellationToken);
        }

        await CopyAsync($"import_staging ({ColumnList})", facts, cancellationToken);
        var set = string.Join(", ", FactColumns.Where(c => c != "Code").Select(c => $"\"{c}\" = s.\"{c}\""));
        var update = $"UPDATE {table} f SET {set} FROM import_staging s WHERE f.\"Code\" = s.\"Code\"";
        await db.Database.ExecuteSqlRawAsync(update, cancellationToken);
    }

    private void Add(DossierFact fact, int sign)
    {
        foreach (var contribution in Contributions.Of(fact))
        {
            if (!_changes.TryGetValue((fact.UnitId, contribution.Day), out var values))
            {
                _changes[(fact.UnitId, contribution.Day)] = values = new long[Counters.Count];
            }

            values[(int)contribution.Counter] += sign * contribution.Change;
        }
    }
}
