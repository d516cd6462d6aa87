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

    internal WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client { get; private set; } = null!;

    protected abstract Task<(string Provider, string ConnectionString)> CreateDatabaseAsync(string directory);

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>Puts fakes in place of the application's services; runs after every area registered its own.</summary>
    protected virtual void ReplaceServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var (provider, connectionString) = await CreateDatabaseAsync(_directory);
        _app = MotcuaApp.Build(
            [$"--Motcua:Database:Provider={provider}", $"--Motcua:Database:ConnectionString={connectionString}", $"--Motcua:DataDirectory={_directory}", "--environment=Testing"],
            configure: builder => builder.WebHost.UseTestServer(),
            replaceServices: ReplaceServices);
        await MotcuaProgram.InitialiseAsync(_app.Services);
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await DropDatabaseAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Creates a user as the system (no HTTP request: the actor is the system).</summary>
    internal async Task CreateUserAsync(string userName, string password, string? unitCode, params string[] roles)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserInput(userName, userName, null, unitCode, null, roles), password);
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

    protected override async Task DropDatabaseAsync()
    {
        if (_adminConnectionString is null || _database is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
