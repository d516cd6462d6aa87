using Npgsql;

namespace Motcua.IntegrationTests;

/// <summary>
/// A test class's clean-up never fails the run: its throwaway database is dropped while clients are still
/// connected or reconnecting, and a database that cannot be dropped is reported, not thrown.
/// </summary>
public sealed class CleanUpTests
{
    [Fact]
    public async Task A_throwaway_database_is_dropped_while_clients_hold_and_reopen_connections()
    {
        var admin = Environment.GetEnvironmentVariable("MOTCUA_TEST_POSTGRES")
            ?? throw new InvalidOperationException("MOTCUA_TEST_POSTGRES is not set: run the tests with 'bash scripts/test.sh'.");
        var host = new PostgresHost();
        await host.InitializeAsync();
        var database = host.DatabaseName;
        var target = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = false }.ConnectionString;

        // A session idle in a transaction (as a crashed background job leaves it) and a client reconnecting in
        // a loop (as a hosted service retrying, or autovacuum's workers coming and going).
        var held = new NpgsqlConnection(target);
        await held.OpenAsync();
        var transaction = await held.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("SELECT count(*) FROM pg_class", held, transaction))
        {
            await command.ExecuteScalarAsync();
        }

        using var stop = new CancellationTokenSource();
        var connected = 0;
        var reconnecting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(target);
                    await connection.OpenAsync(stop.Token);
                    await using var command = new NpgsqlCommand("SELECT pg_sleep(0.02)", connection);
                    await command.ExecuteNonQueryAsync(stop.Token);
                    Interlocked.Increment(ref connected);
                }
                catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException)
                {
                    // Refused or cut off while the database goes away: keep trying, as a background service would.
                }
            }
        });
        while (Volatile.Read(ref connected) < 3)
        {
            await Task.Delay(20);
        }

        await host.DisposeAsync();
        await stop.CancelAsync();
        await reconnecting;
        await held.DisposeAsync();

        await using var check = new NpgsqlConnection(admin);
        await check.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{database}'", check);
        Assert.Equal(0L, (long)(await exists.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_database_that_cannot_be_dropped_is_reported_without_an_exception()
    {
        // Nothing listens on port 1: every attempt fails, and the clean-up carries on.
        var dropped = await PostgresHost.DropAsync("Host=127.0.0.1;Port=1;Username=motcua;Password=motcua;Database=postgres;Timeout=2", "motcua_test_missing", attempts: 2);

        Assert.False(dropped);
    }

    [Fact]
    public async Task A_sqlite_test_host_is_disposed_while_a_connection_to_its_file_is_open()
    {
        var host = new SqliteHost();
        await host.InitializeAsync();
        var file = Path.Combine(host.DataDirectory, "motcua.db");
        await using var open = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await open.OpenAsync();

        var error = await Record.ExceptionAsync(host.DisposeAsync);

        Assert.Null(error);
    }
}
