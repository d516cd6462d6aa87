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
/// <c>dotnet run -c Release --project bench/Motcua.Bench -- throughput [--seconds 30] [--clients 8]</c>
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
            var pgbenchTps = await PgbenchAsync(builder, seconds, clients);
            var (actionsPerSecond, errors, actions) = await MotcuaAsync(builder, seconds, clients);
            var ratio = actionsPerSecond / pgbenchTps;
            Console.WriteLine();
            Console.WriteLine("| Measure | Value |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pgbench TPC-B, {clients} clients, {seconds} s (baseline) | {pgbenchTps:F0} tps |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Motcua dossier actions over HTTP, {clients} clients, {seconds} s | {actionsPerSecond:F0} actions/s ({actions} actions) |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Ratio (target ≥ 0.5) | {ratio:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Errors | {errors} |"));
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            if (serverDirectory is not null)
            {
                await Run("bash", [Path.Combine(repository, "scripts", "postgres.sh"), "stop", serverDirectory]);
            }
        }
    }

    private static async Task<double> PgbenchAsync(NpgsqlConnectionStringBuilder admin, int seconds, int clients)
    {
        await CreateDatabaseAsync(admin, "pgbench_run");
        var pgbench = File.Exists("/usr/lib/postgresql/15/bin/pgbench") ? "/usr/lib/postgresql/15/bin/pgbench" : "pgbench";
        string[] connection = ["-h", admin.Host!, "-p", admin.Port.ToString(CultureInfo.InvariantCulture), "-U", admin.Username!];
        var environment = new Dictionary<string, string> { ["PGPASSWORD"] = admin.Password ?? string.Empty };
        await Run(pgbench, [.. connection, "-i", "-q", "-s", "10", "pgbench_run"], environment);
        var output = await Run(pgbench, [.. connection, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "pgbench_run"], environment);
        var match = TpsPattern().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("pgbench printed no tps:\n" + output);
    }

    private static async Task<(double PerSecond, int Errors, long Actions)> MotcuaAsync(NpgsqlConnectionStringBuilder admin, int seconds, int clients)
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

        // Warm-up: JIT, EF query compilation and connection pools, so the measure is the steady state.
        for (var i = 0; i < 30; i++)
        {
            await LifeAsync(http, desk, specialist, leader, () => { });
        }

        long actions = 0;
        var errors = 0;
        using var stop = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
            while (!stop.IsCancellationRequested)
            {
                var ok = await LifeAsync(client, desk, specialist, leader, () => Interlocked.Increment(ref actions));
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        await app.StopAsync();
        return (actions / elapsed, errors, actions);
    }

    private static async Task<bool> LifeAsync(HttpClient client, string desk, string specialist, string leader, Action counted)
    {
        var created = await Send(client, desk, HttpMethod.Post, "/api/v1/dossiers", new
        {
            procedureCode = "9.000001",
            applicant = new { name = "Nguyễn Văn Tải" },
            documents = new[] { new { name = "Tờ khai", provided = true } },
            receive = true,
        });
        if (created is not { } dossier)
        {
            return false;
        }

        counted();
        var code = dossier.GetProperty("code").GetString();
        (string Token, string Action, object Body)[] steps =
        [
            (desk, "assign", new { departmentCode = "VP", specialist = "specialist" }),
            (specialist, "submit", new { }),
            (leader, "approve", new { }),
            (specialist, "complete", new { electronicResult = true }),
            (desk, "return", new { channel = "counter" }),
        ];
        foreach (var (token, action, body) in steps)
        {
            if (await Send(client, token, HttpMethod.Post, $"/api/v1/dossiers/{code}/{action}", body) is null)
            {
                return false;
            }

            counted();
        }

        return true;
    }

    private static async Task<JsonElement?> Send(HttpClient client, string token, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return null;
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var units = scope.ServiceProvider.GetRequiredService<UnitAdministration>();
        await units.CreateAsync(new NewUnit("BP", "Tỉnh Thử Tải", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
        await units.CreateAsync(new NewUnit("BX", "Xã Thử Tải", UnitKind.Commune, "BP", new DateOnly(2025, 7, 1)));
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
}
