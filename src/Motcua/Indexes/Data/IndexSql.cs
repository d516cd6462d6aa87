using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Motcua.Indexes.Counting;

namespace Motcua.Indexes.Data;

/// <summary>
/// The set-based statements of the counters (folding pending changes, summing a period), written once
/// for both databases. EF Core maps the rows; these statements are hand-written because they are the
/// hot path of every indicator query and must stay a single round trip.
/// </summary>
internal static class IndexSql
{
    public const string FactsTable = "index_facts";
    public const string CountersTable = "index_counters";
    public const string PendingTable = "index_pending_changes";
    public const string ScopesTable = "index_scope_members";

    private static readonly string[] Columns = [.. Counters.All.Select(c => c.ToString())];

    public static string Table(DbContext db, string table) => db.Database.IsNpgsql() ? $"\"indexes\".\"{table}\"" : $"\"{table}\"";

    /// <summary>SQLite keeps EF Core's GUIDs as upper-case text; PostgreSQL has a uuid type.</summary>
    public static object Key(DbContext db, Guid id) => db.Database.IsNpgsql() ? id : id.ToString().ToUpperInvariant();

    private static object Day(DbContext db, DateOnly day) => db.Database.IsNpgsql() ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MonthOf(DbContext db, string column) =>
        db.Database.IsNpgsql() ? $"CAST(date_trunc('month', {column}) AS date)" : $"date({column}, 'start of month')";

    /// <summary>
    /// Moves the pending changes of units whose scopes are known into the day and month counters of every
    /// scope containing them. Runs in one repeatable-read transaction so that the changes summed are
    /// exactly the changes deleted, and a reader sees them either pending or folded, never both.
    /// </summary>
    /// <returns>The number of pending changes folded.</returns>
    public static async Task<int> FoldAsync(IndexesDbContext db, CancellationToken cancellationToken)
    {
        var pending = Table(db, PendingTable);
        var scopes = Table(db, ScopesTable);
        var counters = Table(db, CountersTable);
        var sums = string.Join(", ", Columns.Select(c => $"SUM(p.\"{c}\") AS \"{c}\""));
        var names = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        var update = string.Join(", ", Columns.Select(c => $"\"{c}\" = {counters}.\"{c}\" + excluded.\"{c}\""));
        var known = $"EXISTS (SELECT 1 FROM {scopes} k WHERE k.\"MemberUnitId\" = p.\"UnitId\")";

        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var upper = connection.CreateCommand();
        upper.Transaction = transaction.GetDbTransaction();
        upper.CommandText = $"SELECT MAX(p.\"Id\") FROM {pending} p WHERE {known}";
        var found = await upper.ExecuteScalarAsync(cancellationToken);
        if (found is null or DBNull)
        {
            return 0;
        }

        var max = Convert.ToInt64(found, CultureInfo.InvariantCulture);

        var sql = new StringBuilder();
        foreach (var (grain, period) in new[] { (CounterRow.Day, "p.\"Day\""), (CounterRow.Month, MonthOf(db, "p.\"Day\"")) })
        {
            sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO {counters} ("ScopeUnitId", "Grain", "PeriodStart", {names})
                SELECT s."ScopeUnitId", {grain}, {period}, {sums}
                FROM {pending} p JOIN {scopes} s ON s."MemberUnitId" = p."UnitId"
                WHERE p."Id" <= @max
                GROUP BY s."ScopeUnitId", {period}
                ON CONFLICT ("ScopeUnitId", "Grain", "PeriodStart") DO UPDATE SET {update};

                """);
        }

        sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM {pending} WHERE \"Id\" <= @max AND EXISTS (SELECT 1 FROM {scopes} k WHERE k.\"MemberUnitId\" = {pending}.\"UnitId\");");
        await using var fold = connection.CreateCommand();
        fold.Transaction = transaction.GetDbTransaction();
        fold.CommandText = sql.ToString();
        AddParameter(fold, "max", max);
        var folded = await fold.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return folded;
    }

    /// <summary>
    /// The counters of a scope for a period, in one statement (one snapshot): flows over the period and
    /// balances up to its end, from whole months where the period covers them and days elsewhere, plus
    /// the changes not folded yet.
    /// </summary>
    /// <param name="members">The units of the scope now (from the unit tree): pending changes are selected by
    /// them, so a unit created a moment ago counts before the folding job has learnt its scopes.</param>
    public static async Task<PeriodCounts> SumAsync(IndexesDbContext db, Guid scope, IReadOnlySet<Guid> members, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var after = to.AddDays(1);

        // Whole months inside the period, and the month boundary up to which balances come from months.
        var firstWhole = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var endWhole = new DateOnly(after.Year, after.Month, 1);
        var hasWhole = firstWhole < endWhole;
        var daysBefore = hasWhole ? firstWhole : after;
        var daysAfter = hasWhole ? endWhole : after;
        var balanceMonths = new DateOnly(after.Year, after.Month, 1);

        const string Range = "((\"Grain\" = 2 AND \"PeriodStart\" >= @m1 AND \"PeriodStart\" < @m2) OR (\"Grain\" = 1 AND ((\"PeriodStart\" >= @from AND \"PeriodStart\" < @d1) OR (\"PeriodStart\" >= @d2 AND \"PeriodStart\" <= @to))))";
        const string Prefix = "((\"Grain\" = 2 AND \"PeriodStart\" < @bm) OR (\"Grain\" = 1 AND \"PeriodStart\" >= @bm AND \"PeriodStart\" <= @to))";
        var truth = db.Database.IsNpgsql() ? "TRUE" : "1";
        string Pick(bool folded) => string.Join(", ", Counters.All.Select(c =>
            $"CASE WHEN {(folded ? (Counters.IsBalance(c) ? Prefix : Range) : (Counters.IsBalance(c) ? truth : "p.\"Day\" >= @from"))} THEN \"{c}\" ELSE 0 END AS \"{c}\""));

        // Unit ids come from the unit tree (never from input), formatted here: safe to write inline.
        var memberList = string.Join(", ", members.Append(scope).Distinct().Select(id => $"'{Key(db, id)}'"));
        var outer = string.Join(", ", Columns.Select(c => $"COALESCE(SUM(\"{c}\"), 0)"));
        var sql = $"""
            SELECT {outer} FROM (
              SELECT {Pick(folded: true)}
              FROM {Table(db, CountersTable)}
              WHERE "ScopeUnitId" = @scope AND ({Range} OR {Prefix})
              UNION ALL
              SELECT {Pick(folded: false)}
              FROM {Table(db, PendingTable)} p
              WHERE p."UnitId" IN ({memberList}) AND p."Day" <= @to
            ) x
            """;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            AddParameter(command, "scope", Key(db, scope));
            AddParameter(command, "from", Day(db, from));
            AddParameter(command, "to", Day(db, to));
            AddParameter(command, "m1", Day(db, firstWhole));
            AddParameter(command, "m2", Day(db, endWhole));
            AddParameter(command, "d1", Day(db, daysBefore));
            AddParameter(command, "d2", Day(db, daysAfter));
            AddParameter(command, "bm", Day(db, balanceMonths));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var counts = new PeriodCounts();
            if (await reader.ReadAsync(cancellationToken))
            {
                foreach (var counter in Counters.All)
                {
                    counts[counter] = Convert.ToInt64(reader.GetValue((int)counter), CultureInfo.InvariantCulture);
                }
            }

            return counts;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
