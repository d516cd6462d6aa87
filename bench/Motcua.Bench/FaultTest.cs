using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Motcua.Bench;

/// <summary>
/// Dossier actions under load while the server is killed (<c>kill -9</c>) and PostgreSQL is restarted
/// (<c>pg_ctl restart -m immediate</c>, a crash of the database server) in the middle. Every action the
/// client saw acknowledged (a 2xx) must be in the database afterwards; it counts 5xx answers, requests that got
/// no answer, and the time from each fault to the first success after it. Usage:
/// <c>dotnet run -c Release --project bench/Motcua.Bench -- fault [--before 25] [--between 25] [--after 25] [--clients 4] [--pg-port 55480] [--http-port 55481]</c>.
/// It starts its own PostgreSQL (scripts/postgres.sh, never a shared one) and runs Motcua as a child process.
/// See docs/reliability.md.
/// </summary>
internal static class FaultTest
{
    private const string Password = "Bench-Passw0rd";

    private static readonly (string Role, string Action, string Body)[] Steps =
    [
        ("desk", "assign", JsonSerializer.Serialize(new { departmentCode = "VP", specialist = "specialist" })),
        ("specialist", "submit", "{}"),
        ("leader", "approve", "{}"),
        ("specialist", "complete", JsonSerializer.Serialize(new { electronicResult = true })),
        ("desk", "return", JsonSerializer.Serialize(new { channel = "counter" })),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var before = DossierThroughput.Option(args, "--before", 25);
        var between = DossierThroughput.Option(args, "--between", 25);
        var after = DossierThroughput.Option(args, "--after", 25);
        var clients = DossierThroughput.Option(args, "--clients", 4);
        var pgPort = DossierThroughput.Option(args, "--pg-port", 55480);
        var httpPort = DossierThroughput.Option(args, "--http-port", 55481);
        var repository = DossierThroughput.FindRepository();
        var serverDirectory = Path.Combine(Path.GetTempPath(), "motcua-fault-pg-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(Path.GetTempPath(), "motcua-fault-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var postgres = Path.Combine(repository, "scripts", "postgres.sh");
        var admin = (await DossierThroughput.Run("bash", [postgres, "start", serverDirectory, pgPort.ToString(CultureInfo.InvariantCulture)]))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        var cluster = Cluster.Find(serverDirectory);
        Server? server = null;
        try
        {
            // The throwaway server turns synchronous_commit off for speed; a crash test needs the production
            // default, or PostgreSQL itself may forget the last ~200 ms of commits it acknowledged.
            await cluster.ConfigureAsync("synchronous_commit = on");
            var builder = new NpgsqlConnectionStringBuilder(admin);
            await DossierThroughput.CreateDatabaseAsync(builder, "motcua_fault");
            var connection = new NpgsqlConnectionStringBuilder(admin) { Database = "motcua_fault" }.ConnectionString;
            await SeedAsync(connection, data);

            server = new Server(repository, httpPort, connection, data);
            await server.StartAsync();
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
            var tokens = new Tokens(http);
            foreach (var user in new[] { "desk", "specialist", "leader" })
            {
                await tokens.RefreshAsync(user);
            }

            var run = new Run();
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(() => WorkAsync(server.BaseAddress, tokens, run, stop.Token))).ToList();
            // Fixed phases after each event rather than fixed moments: a restart of the server takes seconds on an
            // idle machine and can take a minute on a loaded one, and each fault needs steady load before and after.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clients} clients; kill -9 of the server after {before} s, PostgreSQL crash-restart {between} s after the server is back, end {after} s later"));
            await run.UntilAsync(before);
            server.Kill();
            var killed = run.Mark("kill -9 of the server");
            await server.StartAsync();
            killed.Back = run.Elapsed;
            var serverStart = run.Elapsed - killed.At;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {run.Elapsed:F1} s: server started again"));

            await run.UntilAsync(run.Elapsed + between);
            var restarted = run.Mark("PostgreSQL restart -m immediate");
            await cluster.RestartImmediateAsync();
            restarted.Back = run.Elapsed;
            var databaseStart = run.Elapsed - restarted.At;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {run.Elapsed:F1} s: PostgreSQL accepts connections again"));

            await run.UntilAsync(run.Elapsed + after);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            var seconds = run.Elapsed;
            server.Kill();

            var missing = await MissingAsync(connection, run.Acknowledged);
            Report(run, killed, restarted, missing, clients, seconds, serverStart, databaseStart);
            return missing.Count == 0 ? 0 : 1;
        }
        finally
        {
            server?.Kill();
            await DossierThroughput.Run("bash", [postgres, "stop", serverDirectory]);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>One client: whole dossier lives; a life stops at its first failed step and a new one starts.</summary>
    private static async Task WorkAsync(Uri baseAddress, Tokens tokens, Run run, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };
        while (!stop.IsCancellationRequested)
        {
            var created = await run.SendAsync(client, tokens, "desk", "/api/v1/dossiers", Receipt);
            if (created is null)
            {
                await Task.Delay(100, CancellationToken.None);
                continue;
            }

            var code = JsonSerializer.Deserialize<JsonElement>(created).GetProperty("code").GetString()!;
            run.Acknowledge(code, "receive");
            foreach (var (role, action, body) in Steps)
            {
                if (await run.SendAsync(client, tokens, role, $"/api/v1/dossiers/{code}/{action}", body) is null)
                {
                    await Task.Delay(100, CancellationToken.None);
                    break;
                }

                run.Acknowledge(code, action);
            }
        }
    }

    private static readonly string Receipt = JsonSerializer.Serialize(new
    {
        procedureCode = "9.000001",
        applicant = new { name = "Nguyễn Văn Sự Cố" },
        documents = new[] { new { name = "Tờ khai", provided = true } },
        receive = true,
    });

    /// <summary>Acknowledged actions with no trace in the database: the dossier (for its receipt) or an event of that action.</summary>
    private static async Task<List<string>> MissingAsync(string connectionString, ConcurrentBag<(string Code, string Action)> acknowledged)
    {
        var stored = new HashSet<(string, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("""SELECT d."Code", e."Action" FROM dossiers.dossier_events e JOIN dossiers.dossiers d ON d."Id" = e."DossierId" """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var codes = stored.Select(s => s.Item1).ToHashSet();
        return [.. acknowledged
            .Where(a => a.Action == "receive" ? !codes.Contains(a.Code) : !stored.Contains((a.Code, a.Action)))
            .Select(a => $"{a.Code} {a.Action}")];
    }

    private static void Report(Run run, Fault killed, Fault restarted, List<string> missing, int clients, double seconds, double serverStart, double databaseStart)
    {
        Console.WriteLine();
        Console.WriteLine("| Measure | Value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Load | {clients} clients, {seconds:F0} s, whole dossier lives (6 actions each) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Requests sent | {run.Sent} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Actions acknowledged (2xx) | {run.Acknowledged.Count} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Acknowledged actions missing from the database after recovery | {missing.Count} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 5xx answers | {run.ServerErrors} ({string.Join(", ", run.ServerErrorsByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Other refusals (4xx) | {run.ClientErrors} ({string.Join(", ", run.ClientErrorsByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Requests with no answer (connection refused or cut) | {run.NoAnswer} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Server process up again after kill -9 (answers /health/live) | {serverStart:F1} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| PostgreSQL up again after the immediate restart (pg_ctl -w) | {databaseStart:F1} s |"));
        foreach (var fault in new[] { killed, restarted })
        {
            // Recovery counts from the fault to the first success once the component is back: an answer that
            // arrives in the instant between the order to kill and the kill is not a recovery.
            var recovered = run.FirstSuccessAfter(fault.Back);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {fault.Name} at {fault.At:F1} s: time to the first success | {recovered - fault.At:F1} s |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| … 5xx / no answer from the fault to the first success | {run.ServerErrorsBetween(fault.At, recovered)} / {run.NoAnswerBetween(fault.At, recovered)} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| … 5xx in the 10 s after the first success | {run.ServerErrorsBetween(recovered, recovered + 10)} |"));
        }

        foreach (var line in missing.Take(20))
        {
            Console.WriteLine("missing: " + line);
        }
    }

    private static async Task SeedAsync(string connection, string data)
    {
        await using var app = MotcuaApp.Build(
        [
            "--Motcua:Database:Provider=Postgres", $"--Motcua:Database:ConnectionString={connection}",
            $"--Motcua:DataDirectory={data}", "--environment=Production", "--Serilog:MinimumLevel:Default=Warning",
            "--Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore=Fatal",
        ]);
        await MotcuaProgram.InitialiseAsync(app.Services);
        await DossierThroughput.SeedAsync(app.Services);
    }

    /// <summary>A fault injected at <see cref="At"/>; the component was back at <see cref="Back"/> (set once known).</summary>
    private sealed record Fault(string Name, double At)
    {
        public double Back { get; set; } = At;
    }

    /// <summary>What the clients saw, with the time of each outcome for the recovery figures.</summary>
    private sealed class Run
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly ConcurrentQueue<(double At, int Status)> _outcomes = new();
        private long _sent;

        public ConcurrentBag<(string Code, string Action)> Acknowledged { get; } = [];

        public double Elapsed => _watch.Elapsed.TotalSeconds;

        public long Sent => Interlocked.Read(ref _sent);

        public int ServerErrors => _outcomes.Count(o => o.Status >= 500);

        public Dictionary<int, int> ServerErrorsByStatus => _outcomes.Where(o => o.Status >= 500).GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());

        public int ClientErrors => _outcomes.Count(o => o.Status is >= 400 and < 500);

        public Dictionary<int, int> ClientErrorsByStatus => _outcomes.Where(o => o.Status is >= 400 and < 500).GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());

        /// <summary>Status 0: no answer.</summary>
        public int NoAnswer => _outcomes.Count(o => o.Status == 0);

        public void Acknowledge(string code, string action) => Acknowledged.Add((code, action));

        public Fault Mark(string name)
        {
            var fault = new Fault(name, Elapsed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {fault.At:F1} s: {name} ({Acknowledged.Count} actions acknowledged so far)"));
            return fault;
        }

        public async Task UntilAsync(double second)
        {
            while (Elapsed < second)
            {
                await Task.Delay(200);
            }
        }

        public double FirstSuccessAfter(double at) =>
            _outcomes.Where(o => o.At > at && o.Status is >= 200 and < 300).Select(o => o.At).DefaultIfEmpty(double.NaN).Min();

        public int ServerErrorsBetween(double from, double to) => _outcomes.Count(o => o.At >= from && o.At < to && o.Status >= 500);

        public int NoAnswerBetween(double from, double to) => _outcomes.Count(o => o.At >= from && o.At < to && o.Status == 0);

        /// <summary>A POST with a JSON body as one of the users; the body of a 2xx answer, else null. A 401 renews that user's token once.</summary>
        public async Task<string?> SendAsync(HttpClient client, Tokens tokens, string user, string url, string body)
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                Interlocked.Increment(ref _sent);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens[user]);
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    _outcomes.Enqueue((Elapsed, status));
                    if (response.IsSuccessStatusCode)
                    {
                        return text;
                    }

                    if (status == 401 && attempt == 0 && await tokens.TryRefreshAsync(user))
                    {
                        continue;
                    }

                    if (status >= 500)
                    {
                        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {Elapsed:F1} s: {url} {status} {text[..Math.Min(200, text.Length)]}"));
                    }

                    return null;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    _outcomes.Enqueue((Elapsed, 0));
                    return null;
                }
            }

            return null;
        }
    }

    /// <summary>Bearer tokens of the three desk users, renewed when a restarted server no longer accepts one.</summary>
    private sealed class Tokens(HttpClient http)
    {
        private readonly ConcurrentDictionary<string, string> _tokens = new();

        public string this[string user] => _tokens.TryGetValue(user, out var token) ? token : string.Empty;

        public async Task RefreshAsync(string user)
        {
            if (!await TryRefreshAsync(user))
            {
                throw new InvalidOperationException("No token for " + user);
            }
        }

        public async Task<bool> TryRefreshAsync(string user)
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = Password });
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                _tokens[user] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>Motcua as a child process on a loopback port, as it runs in production (the built Motcua.dll).</summary>
    private sealed class Server(string repository, int port, string connection, string data)
    {
        private Process? _process;

        public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");

        public async Task StartAsync()
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(repository, "src", "Motcua", "bin", configuration, "net10.0", "Motcua.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} is missing: build src/Motcua ({configuration}) first.");
            }

            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                dll, $"--urls={BaseAddress}", "--Motcua:Database:Provider=Postgres", $"--Motcua:Database:ConnectionString={connection}",
                $"--Motcua:DataDirectory={data}", "--environment=Production", "--Serilog:MinimumLevel:Default=Warning",
            })
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var log = Path.Combine(Path.GetTempPath(), "motcua-fault-server.log");
            _process.OutputDataReceived += (_, e) => Append(log, e.Data);
            _process.ErrorDataReceived += (_, e) => Append(log, e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                try
                {
                    using var response = await probe.GetAsync("/health/live");
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }

                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The server exited with {_process.ExitCode}; see {log}.");
                }

                await Task.Delay(200);
            }

            throw new InvalidOperationException($"The server did not answer within two minutes; see {log}.");
        }

        /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no flushing, connections cut.</summary>
        public void Kill()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        private static readonly Lock LogLock = new();

        private static void Append(string path, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (LogLock)
            {
                File.AppendAllText(path, line + "\n");
            }
        }
    }

    /// <summary>The throwaway cluster started by scripts/postgres.sh: its data folder and pg_ctl, run as the postgres user when we are root.</summary>
    private sealed class Cluster(string data, string pgCtl)
    {
        public static Cluster Find(string serverDirectory)
        {
            var root = File.ReadAllText(Path.Combine(serverDirectory, "current")).Trim();
            var bin = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .First();
            return new Cluster(Path.Combine(root, "data"), Path.Combine(bin, "pg_ctl"));
        }

        public async Task ConfigureAsync(string setting)
        {
            await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), setting + "\n");
            await PgCtlAsync("reload");
        }

        /// <summary>An immediate stop is a crash for PostgreSQL: no checkpoint, recovery from the WAL at start.</summary>
        public Task<string> RestartImmediateAsync() => PgCtlAsync("restart", "-m", "immediate", "-w", "-t", "60", "-l", Path.Combine(Path.GetDirectoryName(data)!, "postgres.log"));

        private Task<string> PgCtlAsync(params string[] arguments)
        {
            string[] command = [pgCtl, "-D", data, .. arguments];
            return Environment.UserName == "root"
                ? DossierThroughput.Run("runuser", ["-u", "postgres", "--", .. command])
                : DossierThroughput.Run(command[0], command[1..]);
        }
    }
}
