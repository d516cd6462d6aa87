using System.Data.Common;
using Npgsql;

namespace Motcua.Common.Persistence;

/// <summary>
/// Npgsql settings that every Motcua connection to PostgreSQL wants, unless the connection string sets them.
/// Measured with the dossier throughput benchmark (docs/benchmarks.md): PostgreSQL's CPU per dossier action
/// fell from about 2.2 ms to 0.9 ms.
/// </summary>
internal static class PostgresConnections
{
    /// <summary>Statements run this often on one pooled connection are prepared on the server.</summary>
    public const int MaxAutoPrepare = 100;

    /// <summary>Drops every idle pooled connection (they are all dead after the server restarted).</summary>
    public static void ClearPools() => NpgsqlConnection.ClearAllPools();

    public static string Tune(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // Every request runs the same few statements: prepared once per pooled connection, PostgreSQL skips
        // parsing and planning them afterwards (Npgsql's automatic preparation, off by default).
        if (!Sets(given, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        // By default a connection returned to the pool is reset with DISCARD ALL on its next use, which costs
        // the server as much as a small query, several times per request, and drops the prepared statements.
        // Motcua keeps no session state (no SET, temporary tables, session locks or LISTEN), so there is
        // nothing to reset.
        if (!Sets(given, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the connection string names the setting, in any of Npgsql's spellings (case and spaces aside).</summary>
    private static bool Sets(DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(key => Normal(key) == Normal(keyword));

    private static string Normal(string keyword) => keyword.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
