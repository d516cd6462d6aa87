using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;
using Npgsql;

namespace Motcua.IntegrationTests;

/// <summary>
/// The real application on a real database, served in memory. The app is built directly (not through
/// WebApplicationFactory) so that the provider settings are in place before services are registered.
/// </summary>
public abstract class TestHost : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "motcua-it-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    internal string DataDirectory => _directory;

    internal WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client { get; private set; } = null!;

    protected abstract Task<(string Provider, string ConnectionString)> CreateDatabaseAsync(string directory);

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>
    /// Settings on top of the test defaults. Every test client shares one (absent) client address, so the
    /// sign-in limit per address is lifted unless a test host sets its own.
    /// </summary>
    protected virtual IEnumerable<string> ExtraArguments => ["--Motcua:Access:SignIn:PermitsPerAddress=100000"];

    /// <summary>Puts fakes in place of the application's services; runs after every area registered its own.</summary>
    protected virtual void ReplaceServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var (provider, connectionString) = await CreateDatabaseAsync(_directory);
        _app = MotcuaApp.Build(
            [$"--Motcua:Database:Provider={provider}", $"--Motcua:Database:ConnectionString={connectionString}", $"--Motcua:DataDirectory={_directory}", "--environment=Testing", .. ExtraArguments],
            configure: builder => builder.WebHost.UseTestServer(),
            replaceServices: ReplaceServices);
        await MotcuaProgram.InitialiseAsync(_app.Services);
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    /// <summary>
    /// Stops the application first (its hosted services — Quartz, the index folder, portal sync, the outbox —
    /// hold database connections while they run), then throws the database away. The database and folder are
    /// throwaway: a failure to remove them is written to the error output, never a failed test class.
    /// </summary>
    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            try
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _app.StopAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or AggregateException or ObjectDisposedException)
            {
                await Console.Error.WriteLineAsync($"[{GetType().Name}] stopping the test application: {e.Message}");
            }

            try
            {
                await _app.DisposeAsync();
            }
            catch (Exception e) when (e is InvalidOperationException or AggregateException or ObjectDisposedException)
            {
                await Console.Error.WriteLineAsync($"[{GetType().Name}] disposing the test application: {e.Message}");
            }
        }

        await DropDatabaseAsync();
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
            await Console.Error.WriteLineAsync($"[{GetType().Name}] deleting {_directory}: {e.Message}");
        }
    }

    /// <summary>Creates a user as the system (no HTTP request: the actor is the system).</summary>
    internal async Task CreateUserAsync(string userName, string password, string? unitCode, params string[] roles)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserInput(userName, userName, null, unitCode, null, roles), password);
    }

    /// <summary>Adds departments to a unit as the system (dossiers are assigned only to a department of their unit).</summary>
    internal async Task AddDepartmentsAsync(string unitCode, params string[] codes)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var units = scope.ServiceProvider.GetRequiredService<Motcua.Organisation.UnitAdministration>();
        foreach (var code in codes)
        {
            await units.AddDepartmentAsync(unitCode, code, "Phòng " + code, Motcua.Organisation.DepartmentKind.Department);
        }
    }

    internal async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static string SystemAdmin => Roles.SystemAdmin;
}

public class SqliteHost : TestHost
{
    protected override Task<(string Provider, string ConnectionString)> CreateDatabaseAsync(string directory) =>
        Task.FromResult(("Sqlite", $"Data Source={Path.Combine(directory, "motcua.db")}"));
}

/// <summary>A fresh database on the throwaway PostgreSQL server started by scripts/test.sh (MOTCUA_TEST_POSTGRES).</summary>
public class PostgresHost : TestHost
{
    private string? _adminConnectionString;
    private string? _database;

    protected override async Task<(string Provider, string ConnectionString)> CreateDatabaseAsync(string directory)
    {
        _adminConnectionString = Environment.GetEnvironmentVariable("MOTCUA_TEST_POSTGRES")
            ?? throw new InvalidOperationException("MOTCUA_TEST_POSTGRES is not set: run the tests with 'bash scripts/test.sh', which starts a throwaway PostgreSQL.");
        _database = "motcua_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ("Postgres", new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ConnectionString);
    }

    internal string DatabaseName => _database ?? throw new InvalidOperationException("Not started.");

    protected override async Task DropDatabaseAsync()
    {
        if (_adminConnectionString is null || _database is null)
        {
            return;
        }

        if (!await DropAsync(_adminConnectionString, _database))
        {
            await Console.Error.WriteLineAsync($"[{GetType().Name}] the throwaway database {_database} could not be dropped; it is left on the test server.");
        }
    }

    /// <summary>
    /// Drops a throwaway database even while something still connects to it: a background service that was
    /// not stopped, autovacuum, a pooled connection of another test, a client reconnecting in a loop. New
    /// connections are refused first (ALLOW_CONNECTIONS false), then <c>WITH (FORCE)</c> ends the sessions
    /// left; prepared transactions (which FORCE cannot end) are rolled back. A failed attempt — a backend
    /// slow to exit, the server momentarily out of connection slots — is retried with a short back-off.
    /// False (never an exception) when every attempt failed.
    /// </summary>
    internal static async Task<bool> DropAsync(string adminConnectionString, string database, int attempts = 5)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                if (await ScalarAsync(connection, $"SELECT count(*) FROM pg_database WHERE datname = '{database}'") == 0)
                {
                    return true;
                }

                await ExecuteAsync(connection, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false");
                if (await ScalarAsync(connection, $"SELECT count(*) FROM pg_prepared_xacts WHERE database = '{database}'") > 0)
                {
                    await RollBackPreparedAsync(adminConnectionString, database);
                }

                await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"[PostgresHost] dropping {database}, attempt {attempt} of {attempts}: {e.Message}");
                if (attempt < attempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << (attempt - 1))));
                }
            }
        }

        return false;
    }

    /// <summary>A prepared transaction can only be ended from inside its own database, which refuses connections by now.</summary>
    private static async Task RollBackPreparedAsync(string adminConnectionString, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS true");
        }

        builder.Database = database;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await ExecuteAsync(connection, $"ROLLBACK PREPARED '{name.Replace("'", "''", StringComparison.Ordinal)}'");
        }

        await ExecuteAsync(connection, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
