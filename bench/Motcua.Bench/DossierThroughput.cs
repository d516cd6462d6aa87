using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;
using Motcua.Common.Tabular;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;
using Motcua.Procedures;
using Motcua.Procedures.ImportProcedures;
using Npgsql;

namespace Motcua.Bench;

/// <summary>
/// Sustained dossier actions per second through the HTTP API on PostgreSQL, reported as a ratio to
/// pgbench (TPC-B) on the same server in the same run. Each client loops over a whole dossier life:
/// receive at the counter, assign, submit, approve, complete, return — six requests, each a real
/// transaction (read, rule, update, append an event). Usage:
/// <c>dotnet run -c Release --project bench/Motcua.Bench -- throughput [--seconds 30] [--clients 8] [--warmup 60]</c>
/// with <c>MOTCUA_BENCH_POSTGRES</c> set to an administrator connection string, or nothing to start a
/// throwaway server with scripts/postgres.sh.
/// </summary>
internal static partial class DossierThroughput
{
    private const string Password = "Bench-Passw0rd";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 30);
        var clients = Option(args, "--clients", 8);
        var warmup = Option(args, "--warmup", 60);
        var repository = FindRepository();
        string? serverDirectory = null;
        var admin = Environment.GetEnvironmentVariable("MOTCUA_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            serverDirectory = Path.Combine(Path.GetTempPath(), "motcua-bench-pg-" + Guid.NewGuid().ToString("N"));
            admin = (await Run("bash", [Path.Combine(repository, "scripts", "postgres.sh"), "start", serverDirectory])).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(admin);
            var server = ServerCpu.Find(serverDirectory);
            // --no-pgbench: a quicker run while working on Motcua; a result to record always has its baseline.
            var pgbench = args.Contains("--no-pgbench") ? new Pgbench(double.NaN, double.NaN, double.NaN) : await PgbenchAsync(builder, seconds, clients, server);
            var motcua = await MotcuaAsync(builder, seconds, clients, warmup, server);
            var ratio = motcua.PerSecond / pgbench.Tps;
            Console.WriteLine();
            Console.WriteLine("| Measure | Value |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pgbench TPC-B, {clients} clients, {seconds} s (baseline) | {pgbench.Tps:F0} tps |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Motcua dossier actions over HTTP, {clients} clients, {seconds} s | {motcua.PerSecond:F0} actions/s ({motcua.Actions} actions) |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Ratio (target ≥ 0.5) | {ratio:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Errors | {motcua.Errors} |"));
            // Both sides are CPU-bound on the same cores, so CPU time per unit of work explains the ratio.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| CPU per pgbench transaction: pgbench client + PostgreSQL | {pgbench.ClientCpuMs:F2} + {pgbench.ServerCpuMs:F2} ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| CPU per Motcua action: .NET process (server and load generator) + PostgreSQL | {motcua.ProcessCpuMs:F2} + {motcua.ServerCpuMs:F2} ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| CPU of the .NET process per authenticated request without database (the HTTP floor) | {motcua.FloorCpuMs:F2} ms |"));
            return motcua.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (serverDirectory is not null)
            {
                await Run("bash", [Path.Combine(repository, "scripts", "postgres.sh"), "stop", serverDirectory]);
            }
        }
    }

    private static async Task<Pgbench> PgbenchAsync(NpgsqlConnectionStringBuilder admin, int seconds, int clients, ServerCpu? server)
    {
        await CreateDatabaseAsync(admin, "pgbench_run");
        var pgbench = File.Exists("/usr/lib/postgresql/15/bin/pgbench") ? "/usr/lib/postgresql/15/bin/pgbench" : "pgbench";
        string[] connection = ["-h", admin.Host!, "-p", admin.Port.ToString(CultureInfo.InvariantCulture), "-U", admin.Username!];
        var environment = new Dictionary<string, string> { ["PGPASSWORD"] = admin.Password ?? string.Empty };
        await Run(pgbench, [.. connection, "-i", "-q", "-s", "10", "pgbench_run"], environment);
        var serverBefore = server?.Seconds() ?? double.NaN;
        // bash's `times` prints the CPU time of the shell's children (pgbench) once it has exited.
        string[] run = [pgbench, .. connection, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "pgbench_run"];
        var output = await Run("bash", ["-c", "\"$@\" && times", "pgbench", .. run], environment);
        var serverSeconds = (server?.Seconds() ?? double.NaN) - serverBefore;
        var match = TpsPattern().Match(output);
        var tps = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("pgbench printed no tps:\n" + output);
        var transactions = double.Parse(TransactionsPattern().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var times = TimesPattern().Matches(output);
        var clientSeconds = times.Count == 4 ? Minutes(times[2]) + Minutes(times[3]) : double.NaN;
        return new Pgbench(tps, clientSeconds * 1000 / transactions, serverSeconds * 1000 / transactions);

        static double Minutes(Match m) => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60) + double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<MotcuaRun> MotcuaAsync(NpgsqlConnectionStringBuilder admin, int seconds, int clients, int warmupSeconds, ServerCpu? server)
    {
        await CreateDatabaseAsync(admin, "motcua_bench");
        var connection = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = "motcua_bench", MaxPoolSize = 100 }.ConnectionString;
        var data = Path.Combine(Path.GetTempPath(), "motcua-bench-" + Guid.NewGuid().ToString("N"));
        await using var app = MotcuaApp.Build(
        [
            "--urls=http://127.0.0.1:0", "--Motcua:Database:Provider=Postgres", $"--Motcua:Database:ConnectionString={connection}",
            $"--Motcua:DataDirectory={data}", "--environment=Production", "--Serilog:MinimumLevel:Default=Warning",
        ]);
        await MotcuaProgram.InitialiseAsync(app.Services);
        await app.StartAsync();
        await SeedAsync(app.Services);
        var baseUrl = app.Urls.First();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var desk = await TokenAsync(http, "desk");
        var specialist = await TokenAsync(http, "specialist");
        var leader = await TokenAsync(http, "leader");

        // Warm-up: JIT, EF query compilation and connection pools, so the measure is the steady state. A few
        // lives one by one, then the full load for a while: with tiered compilation (and its instrumented
        // tier for dynamic PGO) a big application on two cores needs tens of seconds under load before its hot
        // code is fully optimised, and a shorter warm-up measures the JIT rather than Motcua.
        for (var i = 0; i < 30; i++)
        {
            await LifeAsync(http, desk, specialist, leader, () => { });
        }

        if (warmupSeconds > 0)
        {
            var (warmActions, warmErrors, _) = await LoadAsync(baseUrl, Life, clients, warmupSeconds, progress: false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warm-up under load: {warmActions / (double)warmupSeconds:F0} actions/s over {warmupSeconds} s, {warmErrors} errors"));
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverBefore = server?.Seconds() ?? double.NaN;
        var (actions, errors, elapsed) = await LoadAsync(baseUrl, Life, clients, seconds, progress: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var serverSeconds = (server?.Seconds() ?? double.NaN) - serverBefore;

        // The floor: the same clients send authenticated requests that need no database (the caller's units,
        // from the in-memory unit tree) through the same pipeline. What a dossier action costs above it is
        // Motcua's own work with its database.
        var floorSeconds = Math.Max(5, seconds / 2);
        var floorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (requests, floorErrors, _) = await LoadAsync(baseUrl, (client, counted) => FloorAsync(client, desk, counted), clients, floorSeconds, progress: false);
        var floorCpu = Process.GetCurrentProcess().TotalProcessorTime - floorBefore;
        await app.StopAsync();
        var perAction = Math.Max(1, actions);
        return new MotcuaRun(
            actions / elapsed, errors + floorErrors, actions, cpu.TotalMilliseconds / perAction, serverSeconds * 1000 / perAction, floorCpu.TotalMilliseconds / Math.Max(1, requests));

        Task<bool> Life(HttpClient client, Action counted) => LifeAsync(client, desk, specialist, leader, counted);
    }

    private static async Task<bool> FloorAsync(HttpClient client, string token, Action counted)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        counted();
        return true;
    }

    /// <summary>Every client loops over units of work (a dossier life) for the given time; prints the rate every five seconds when asked.</summary>
    private static async Task<(long Actions, int Errors, double Seconds)> LoadAsync(
        string baseUrl, Func<HttpClient, Action, Task<bool>> work, int clients, int seconds, bool progress)
    {
        long actions = 0;
        var errors = 0;
        using var stop = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
            while (!stop.IsCancellationRequested)
            {
                var ok = await work(client, () => Interlocked.Increment(ref actions));
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var all = Task.WhenAll(workers);
        long reported = 0;
        while (progress && await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(5))) != all)
        {
            var now = Interlocked.Read(ref actions);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {watch.Elapsed.TotalSeconds,5:F0} s: {(now - reported) / 5.0:F0} actions/s"));
            reported = now;
        }

        await all;
        return (actions, errors, watch.Elapsed.TotalSeconds);
    }

    // The load generator shares the machine with Motcua and PostgreSQL: its bodies are serialised once, and only
    // the receipt's answer is parsed (for the code); the other answers are read and their status checked.
    private static readonly byte[] Receipt = JsonSerializer.SerializeToUtf8Bytes(new
    {
        procedureCode = "9.000001",
        applicant = new { name = "Nguyễn Văn Tải" },
        documents = new[] { new { name = "Tờ khai", provided = true } },
        receive = true,
    });

    private static readonly (int Role, string Action, byte[] Body)[] Steps =
    [
        (0, "assign", JsonSerializer.SerializeToUtf8Bytes(new { departmentCode = "VP", specialist = "specialist" })),
        (1, "submit", "{}"u8.ToArray()),
        (2, "approve", "{}"u8.ToArray()),
        (1, "complete", JsonSerializer.SerializeToUtf8Bytes(new { electronicResult = true })),
        (0, "return", JsonSerializer.SerializeToUtf8Bytes(new { channel = "counter" })),
    ];

    private static async Task<bool> LifeAsync(HttpClient client, string desk, string specialist, string leader, Action counted)
    {
        using var created = await Send(client, desk, "/api/v1/dossiers", Receipt);
        if (created is null)
        {
            return false;
        }

        counted();
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        string[] tokens = [desk, specialist, leader];
        foreach (var (role, action, body) in Steps)
        {
            using var response = await Send(client, tokens[role], $"/api/v1/dossiers/{code}/{action}", body);
            if (response is null)
            {
                return false;
            }

            await response.Content.ReadAsByteArrayAsync();
            counted();
        }

        return true;
    }

    /// <summary>A POST with a JSON body; null (after printing why) unless the answer is a success.</summary>
    private static async Task<HttpResponseMessage?> Send(HttpClient client, string token, string url, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        await Console.Error.WriteLineAsync($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        response.Dispose();
        return null;
    }

    internal static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var units = scope.ServiceProvider.GetRequiredService<UnitAdministration>();
        await units.CreateAsync(new NewUnit("BP", "Tỉnh Thử Tải", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
        await units.CreateAsync(new NewUnit("BX", "Xã Thử Tải", UnitKind.Commune, "BP", new DateOnly(2025, 7, 1)));
        await units.AddDepartmentAsync("BX", "VP", "Văn phòng", DepartmentKind.Department);
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await users.CreateAsync(new UserInput("desk", "Bàn Tiếp Nhận", null, "BX", null, [Roles.ReceivingOfficer]), Password);
        await users.CreateAsync(new UserInput("specialist", "Chuyên Viên", null, "BX", null, [Roles.Specialist]), Password);
        await users.CreateAsync(new UserInput("leader", "Lãnh Đạo", null, "BX", null, [Roles.Leader]), Password);
        const string Catalogue = "code,name,field,level,onlineLevel,variantCode,processingTime,timeUnit,fee,documentName,originals,copies\n"
            + "9.000001,Thủ tục thử tải,Thử nghiệm,commune,full,01,3,workingDays,0,Tờ khai,1,0\n";
        await using var csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Catalogue));
        await scope.ServiceProvider.GetRequiredService<ProcedureImporter>().ImportAsync(TabularFile.Read(csv, "catalogue.csv"));
        await scope.ServiceProvider.GetRequiredService<ProcedureCatalogue>().AssignAsync("BX", [("9.000001", "VP")]);
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    internal static async Task CreateDatabaseAsync(NpgsqlConnectionStringBuilder admin, string name)
    {
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }

    internal static async Task<string> Run(string file, string[] arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{file} failed: {await error}{await output}");
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    internal static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Motcua.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex TransactionsPattern();

    [GeneratedRegex(@"([0-9]+)m([0-9.]+)s")]
    private static partial Regex TimesPattern();

    private sealed record Pgbench(double Tps, double ClientCpuMs, double ServerCpuMs);

    private sealed record MotcuaRun(double PerSecond, int Errors, long Actions, double ProcessCpuMs, double ServerCpuMs, double FloorCpuMs);

    /// <summary>
    /// CPU time used by the throwaway PostgreSQL server: the postmaster, its children alive now (the backends
    /// of pooled connections) and the children that have exited (counted in the postmaster's cutime/cstime).
    /// Unknown (NaN) for a server given by MOTCUA_BENCH_POSTGRES.
    /// </summary>
    private sealed class ServerCpu(int postmaster)
    {
        public static ServerCpu? Find(string? serverDirectory)
        {
            var current = serverDirectory is null ? null : Path.Combine(serverDirectory, "current");
            if (current is null || !File.Exists(current))
            {
                return null;
            }

            var pidFile = Path.Combine(File.ReadAllText(current).Trim(), "data", "postmaster.pid");
            return File.Exists(pidFile) ? new ServerCpu(int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture)) : null;
        }

        public double Seconds()
        {
            long ticks = 0;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                try
                {
                    // Fields after the command name (which may contain spaces): state, ppid, … utime (14), stime, cutime, cstime.
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                    if (pid == postmaster || parent == postmaster)
                    {
                        ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                    }

                    if (pid == postmaster)
                    {
                        ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                    }
                }
                catch (IOException)
                {
                    // The process ended while we read it.
                }
            }

            return ticks / 100.0;
        }
    }
}
