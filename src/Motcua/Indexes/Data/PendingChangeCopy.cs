using Microsoft.EntityFrameworkCore;
using Motcua.Indexes.Counting;
using Npgsql;
using NpgsqlTypes;

namespace Motcua.Indexes.Data;

/// <summary>
/// Appends pending counter changes by binary COPY on PostgreSQL: one statement for many rows instead of
/// an INSERT each, which is what bulk writers (the import, a rebuild) spend most of their time on otherwise.
/// Runs in the context's current transaction.
/// </summary>
internal static class PendingChangeCopy
{
    public static async Task WriteAsync(IndexesDbContext db, IEnumerable<(Guid Unit, DateOnly Day, long[] Values)> changes, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var names = string.Join(", ", Counters.All.Select(c => $"\"{c}\""));
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {IndexSql.Table(db, IndexSql.PendingTable)} (\"UnitId\", \"Day\", {names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (unit, day, values) in changes)
        {
            if (Array.TrueForAll(values, v => v == 0))
            {
                continue;
            }

            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(unit, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken);
            foreach (var value in values)
            {
                await writer.WriteAsync(value, NpgsqlDbType.Bigint, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
