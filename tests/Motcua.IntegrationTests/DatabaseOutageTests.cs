using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Motcua.Access.Contracts;
using Npgsql;

namespace Motcua.IntegrationTests;

/// <summary>
/// The app reaches PostgreSQL through a TCP relay the test controls: closing the relay makes the database
/// unreachable; dropping every relayed connection is what a PostgreSQL restart does to the pooled ones.
/// </summary>
public sealed class RelayedPostgresHost : PostgresHost
{
    public TcpRelay Relay { get; private set; } = null!;

    public string AdminConnectionString { get; private set; } = string.Empty;

    public string Database { get; private set; } = string.Empty;

    protected override async Task<(string Provider, string ConnectionString)> CreateDatabaseAsync(string directory)
    {
        var (provider, direct) = await base.CreateDatabaseAsync(directory);
        var builder = new NpgsqlConnectionStringBuilder(direct);
        AdminConnectionString = Environment.GetEnvironmentVariable("MOTCUA_TEST_POSTGRES")!;
        Database = builder.Database!;
        Relay = new TcpRelay(builder.Host!, builder.Port);
        Relay.Open();
        builder.Host = "127.0.0.1";
        builder.Port = Relay.Port;
        builder.Timeout = 3;
        return (provider, builder.ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        Relay.Open();
        await base.DisposeAsync();
        Relay.Dispose();
    }
}

/// <summary>
/// While the database cannot be reached, requests are answered 503 with <c>Retry-After</c> (problem details for
/// the API, the error page for browsers), not 500; after a restart the first requests succeed, because the dead
/// pooled connections are dropped and the request is run once more before anything was saved.
/// </summary>
public sealed class DatabaseOutageTests(RelayedPostgresHost host) : IClassFixture<RelayedPostgresHost>
{
    private const string Password = "Passw0rdLong";

    [Fact]
    public async Task While_the_database_is_unreachable_requests_get_503_with_retry_after_and_recover_after()
    {
        var root = await RootAsync();
        Assert.Equal(HttpStatusCode.OK, (await root.GetAsync("/api/v1/users")).StatusCode);

        host.Relay.Close();
        try
        {
            var api = await root.GetAsync("/api/v1/users");
            var browser = await root.SendAsync(RefusalAnswerTests<PostgresHost>.Browser(HttpMethod.Get, "/admin/users"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(api.Headers.RetryAfter);
            Assert.Contains("database", (await api.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, browser.StatusCode);
            Assert.Equal("text/html", browser.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(browser.Headers.RetryAfter);
            Assert.Contains("Hệ thống tạm thời gián đoạn", await browser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            host.Relay.Open();
        }

        Assert.Equal(HttpStatusCode.OK, (await root.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task After_the_relay_drops_every_connection_the_first_requests_succeed()
    {
        var root = await RootAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => root.GetAsync("/api/v1/users")));

        host.Relay.DropConnections();

        var read = await root.GetAsync("/api/v1/users");
        var write = await root.PostAsJsonAsync("/api/v1/units", new { code = "T" + Random.Shared.Next(100, 999), name = "Tỉnh Sau Khởi Động Lại", kind = "province", validFrom = "2025-07-01" });
        var page = await root.SendAsync(RefusalAnswerTests<PostgresHost>.Browser(HttpMethod.Get, "/admin/users"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task After_postgresql_terminates_every_backend_of_the_database_the_first_requests_succeed()
    {
        var root = await RootAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => root.GetAsync("/api/v1/users")));

        // What a server restart does to the pooled connections: each is closed by the server (57P01).
        await using (var admin = new NpgsqlConnection(host.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin);
            terminate.Parameters.AddWithValue("db", host.Database);
            Assert.True((long)(await terminate.ExecuteScalarAsync())! > 0);
        }

        var read = await root.GetAsync("/api/v1/users");
        var write = await root.PostAsJsonAsync("/api/v1/units", new { code = "U" + Random.Shared.Next(100, 999), name = "Tỉnh Sau Khởi Động Lại", kind = "province", validFrom = "2025-07-01" });
        var page = await root.SendAsync(RefusalAnswerTests<PostgresHost>.Browser(HttpMethod.Get, "/admin/users"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private async Task<HttpClient> RootAsync()
    {
        var name = "root." + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(name, Password, null, Roles.SystemAdmin);
        return await host.SignedInClientAsync(name, Password);
    }
}

/// <summary>A TCP relay to PostgreSQL that can refuse new connections and drop the ones it carries.</summary>
public sealed class TcpRelay(string targetHost, int targetPort) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;

    public int Port { get; private set; }

    public void Open()
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                return;
            }

            _listener = new TcpListener(System.Net.IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            Port = ((System.Net.IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptAsync(_listener);
        }
    }

    /// <summary>Unreachable: new connections are refused and the open ones dropped.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
        }

        DropConnections();
    }

    public void DropConnections()
    {
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                try
                {
                    // Reset, not a polite close: what a crashed or restarted server looks like to its clients.
                    if (connection.Client is { } socket)
                    {
                        socket.LingerState = new LingerOption(true, 0);
                    }
                }
                catch (ObjectDisposedException)
                {
                    // Closed by its other side already.
                }

                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public void Dispose() => Close();

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(targetHost, targetPort);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // Dropped on purpose, or by the other side.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
