using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Common.Tabular;
using Motcua.Indexes;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Indexes.ImportDossiers;
using Motcua.Indexes.ServiceIndex;
using Motcua.Organisation.Contracts;
using Motcua.Organisation.ImportUnits;
using Motcua.Procedures.ImportProcedures;
using Npgsql;

namespace Motcua.Bench.Scale;

/// <summary>
/// The Indexes at scale (issue 4), each against a baseline measured in the same run:
/// <list type="bullet">
/// <item><c>generate --dossiers N --units U [--database D]</c>: writes the data set straight into PostgreSQL
/// (units and procedures through the app's importers, facts by binary COPY, then the app's rebuild of the
/// counters) and reports how long each step took.</item>
/// <item><c>import-bench --dossiers N --units U</c>: the same rows as JSON Lines through the app's importer
/// against psql's <c>\copy</c> of them as CSV into a table of the same shape.</item>
/// <item><c>query-bench [--dossiers N --units U] [--database D]</c>: the indicator query from the counters
/// against DuckDB scanning the raw rows with the same rules, for a province, a commune and the whole tree,
/// over a month and a year; answers must be identical.</item>
/// </list>
/// <c>MOTCUA_BENCH_POSTGRES</c> names an administrator connection string; without it a throwaway server is
/// started with scripts/postgres.sh and stopped at the end.
/// </summary>
internal static class ScaleBench
{
    private const int DefaultDossiers = 200_000;
    private const int DefaultUnits = 1_000;

    public static Task<int> GenerateAsync(string[] args) => WithServerAsync(async admin =>
    {
        var database = Text(args, "--database", "motcua_scale");
        await GenerateAsync(admin, database, Option(args, "--dossiers", DefaultDossiers), Option(args, "--units", DefaultUnits));
        return 0;
    });

    public static Task<int> QueryAsync(string[] args) => WithServerAsync(async admin =>
    {
        var database = Text(args, "--database", "motcua_scale");
        if (!await HasFactsAsync(admin, database))
        {
            await GenerateAsync(admin, database, Option(args, "--dossiers", DefaultDossiers), Option(args, "--units", DefaultUnits));
        }

        return await QueryBenchAsync(admin, database, Option(args, "--runs", 200), Option(args, "--duck-runs", 30));
    });

    public static Task<int> ImportAsync(string[] args) => WithServerAsync(admin =>
        ImportBenchAsync(admin, Option(args, "--dossiers", DefaultDossiers), Option(args, "--units", DefaultUnits), Option(args, "--ef-sample", 50_000)));

    // ------------------------------------------------------------------ generate

    private static async Task GenerateAsync(NpgsqlConnectionStringBuilder admin, string database, long dossiers, int units)
    {
        Log($"generate: {dossiers:N0} dossiers, about {units:N0} units, into {database} ({Load()})");
        await DossierThroughput.CreateDatabaseAsync(admin, database);

        // The drop killed any pooled connection to the old database; the app must not be handed one.
        NpgsqlConnection.ClearAllPools();
        await using var app = await AppAsync(admin, database);
        var data = new ScaleData(units);
        var clock = Stopwatch.StartNew();
        var ids = await SeedAsync(app.Services, data);
        var seeded = clock.Elapsed;

        clock.Restart();
        await using (var connection = new NpgsqlConnection(Connection(admin, database)))
        {
            await connection.OpenAsync();
            await using var writer = await connection.BeginBinaryImportAsync(
                $"COPY indexes.index_facts ({PostgresFactWriter.ColumnList}) FROM STDIN (FORMAT BINARY)");
            var now = ScaleData.End;
            long written = 0;
            foreach (var dossier in data.Dossiers(dossiers, ids))
            {
                await PostgresFactWriter.WriteRowAsync(writer, dossier.Fact, now, CancellationToken.None);
                if (++written % 1_000_000 == 0)
                {
                    Log($"  {written:N0} facts copied ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }

            await writer.CompleteAsync();
        }

        var copied = clock.Elapsed;
        clock.Restart();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var maintenance = scope.ServiceProvider.GetRequiredService<IndexMaintenance>();
            await maintenance.RefreshScopesAsync();
            await maintenance.RebuildAsync();
        }

        var rebuilt = clock.Elapsed;
        await ExecuteAsync(admin, database, "ANALYZE");
        var sizes = await ScalarsAsync(admin, database,
            "SELECT count(*) FROM indexes.index_facts",
            "SELECT count(*) FROM indexes.index_counters",
            "SELECT count(*) FROM indexes.index_scope_members",
            "SELECT pg_total_relation_size('indexes.index_facts') / 1048576",
            "SELECT pg_total_relation_size('indexes.index_counters') / 1048576");
        Console.WriteLine();
        Console.WriteLine("| Step | Value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(Row($"| Units ({data.Units.Count:N0}) and {data.Procedures.Length} procedures through the app's importers | {seeded.TotalSeconds:F1} s |"));
        Console.WriteLine(Row($"| {sizes[0]:N0} facts by binary COPY (generator included) | {copied.TotalSeconds:F1} s ({sizes[0] / copied.TotalSeconds:N0} rows/s) |"));
        Console.WriteLine(Row($"| Counters rebuilt from the facts (IndexMaintenance.RebuildAsync) | {rebuilt.TotalSeconds:F1} s |"));
        Console.WriteLine(Row($"| index_facts: rows, size with indexes | {sizes[0]:N0}, {sizes[3]:N0} MiB |"));
        Console.WriteLine(Row($"| index_counters: rows (day and month, every scope), size | {sizes[1]:N0}, {sizes[4]:N0} MiB |"));
        Console.WriteLine(Row($"| Scope membership pairs | {sizes[2]:N0} |"));
        Console.WriteLine(Row($"| Load average after | {Load()} |"));
    }

    private static async Task<Dictionary<string, Guid>> SeedAsync(IServiceProvider services, ScaleData data)
    {
        await using var scope = services.CreateAsyncScope();
        await using (var units = new MemoryStream(Encoding.UTF8.GetBytes(data.UnitsCsv())))
        {
            await scope.ServiceProvider.GetRequiredService<UnitImporter>().ImportAsync(TabularFile.Read(units, "units.csv"));
        }

        await using (var procedures = new MemoryStream(Encoding.UTF8.GetBytes(data.ProceduresCsv())))
        {
            await scope.ServiceProvider.GetRequiredService<ProcedureImporter>().ImportAsync(TabularFile.Read(procedures, "procedures.csv"));
        }

        var list = await scope.ServiceProvider.GetRequiredService<IUnitDirectory>().ListAsync();
        return list.ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
    }

    // ------------------------------------------------------------------ import

    private static async Task<int> ImportBenchAsync(NpgsqlConnectionStringBuilder admin, long dossiers, int units, int efSample)
    {
        const string Database = "motcua_import";
        Log($"import-bench: {dossiers:N0} dossiers, about {units:N0} units ({Load()})");
        await DossierThroughput.CreateDatabaseAsync(admin, Database);
        await using var app = await AppAsync(admin, Database);
        var data = new ScaleData(units);
        var ids = await SeedAsync(app.Services, data);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Scopes known before the import, so that folding afterwards is incremental, not a rebuild.
            await scope.ServiceProvider.GetRequiredService<IndexMaintenance>().RefreshScopesAsync();
        }

        var directory = Path.Combine(Path.GetTempPath(), "motcua-import-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var clock = Stopwatch.StartNew();
            var files = WriteFiles(directory, data, ids, dossiers, Math.Min(efSample, dossiers));
            Log($"  files written in {clock.Elapsed.TotalSeconds:F0} s: {new FileInfo(files.Json).Length / 1048576:N0} MiB JSON Lines, {new FileInfo(files.Csv).Length / 1048576:N0} MiB CSV");
            await ExecuteAsync(admin, Database, "CREATE TABLE public.bench_copy (LIKE indexes.index_facts INCLUDING ALL)");

            // The old path on a sample, to show where it stood (the whole file would take hours).
            var sampleCopy = await PsqlCopyAsync(admin, Database, files.SampleCsv);
            var (sampleImport, _) = await ImportFileAsync(app.Services, files.SampleJson, bulkCopy: false);
            var sampleRows = Math.Min(efSample, dossiers);
            await ExecuteAsync(admin, Database, "TRUNCATE public.bench_copy; TRUNCATE indexes.index_facts; TRUNCATE indexes.index_pending_changes; TRUNCATE indexes.index_counters");
            await ExecuteAsync(admin, Database, "VACUUM ANALYZE");

            var loadBefore = Load();
            var copy = await PsqlCopyAsync(admin, Database, files.Csv);
            var (import, report) = await ImportFileAsync(app.Services, files.Json, bulkCopy: true);
            var loadAfter = Load();
            clock.Restart();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<IndexesDbContext>();
                db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
                while (await IndexSql.FoldAsync(db, CancellationToken.None) > 0)
                {
                }
            }

            var fold = clock.Elapsed;

            // The importer must have stored exactly the rows psql copied, and counted every one of them.
            var columns = string.Join(", ", PostgresFactWriter.FactColumns.Where(c => c != "UpdatedAt").Select(c => $"\"{c}\""));
            var check = await ScalarsAsync(admin, Database,
                "SELECT count(*) FROM indexes.index_facts",
                "SELECT count(*) FROM public.bench_copy",
                $"SELECT count(*) FROM (SELECT {columns} FROM indexes.index_facts EXCEPT ALL SELECT {columns} FROM public.bench_copy) x",
                $"SELECT COALESCE(SUM(\"Received\"), 0) FROM indexes.index_counters WHERE \"Grain\" = 2 AND \"ScopeUnitId\" = '{ids["T00"]}'",
                "SELECT count(*) FROM indexes.index_pending_changes");
            var identical = check[0] == dossiers && check[1] == dossiers && check[2] == 0 && check[3] == dossiers && check[4] == 0 && report.Problems.Count == 0;
            var ratio = copy.TotalSeconds / import.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine("| Measure | Time | Rows/s | Ratio to psql \\copy |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(Row($"| psql \\copy of {sampleRows:N0} rows (CSV, same-shaped table with its indexes), baseline | {sampleCopy.TotalSeconds:F2} s | {sampleRows / sampleCopy.TotalSeconds:N0} | 1 |"));
            Console.WriteLine(Row($"| Importer, EF Core path (before), same {sampleRows:N0} rows as JSON Lines | {sampleImport.TotalSeconds:F2} s | {sampleRows / sampleImport.TotalSeconds:N0} | {sampleCopy.TotalSeconds / sampleImport.TotalSeconds:F3} |"));
            Console.WriteLine(Row($"| psql \\copy of {dossiers:N0} rows (CSV, same-shaped table with its indexes), baseline | {copy.TotalSeconds:F1} s | {dossiers / copy.TotalSeconds:N0} | 1 |"));
            Console.WriteLine(Row($"| Importer, PostgreSQL COPY path, {dossiers:N0} rows as JSON Lines (validated, facts and counter changes committed) | {import.TotalSeconds:F1} s | {dossiers / import.TotalSeconds:N0} | **{ratio:F2}** |"));
            Console.WriteLine(Row($"| Folding the pending changes into the counters afterwards (background job) | {fold.TotalSeconds:F1} s | | |"));
            Console.WriteLine(Row($"| Facts identical to the copied rows, counters complete | {(identical ? "yes" : "NO")} ({check[0]:N0} facts, {check[2]:N0} differing, {check[3]:N0} counted) | | |"));
            Console.WriteLine(Row($"| Load average before / after | {loadBefore} / {loadAfter} | | |"));
            Console.WriteLine(Row($"| Target ≥ 0.3 | {(ratio >= 0.3 ? "met" : "NOT met")} | | |"));
            return identical ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed record BenchFiles(string Json, string Csv, string SampleJson, string SampleCsv);

    private static BenchFiles WriteFiles(string directory, ScaleData data, Dictionary<string, Guid> ids, long dossiers, long sample)
    {
        var files = new BenchFiles(Path.Combine(directory, "dossiers.jsonl"), Path.Combine(directory, "dossiers.csv"), Path.Combine(directory, "sample.jsonl"), Path.Combine(directory, "sample.csv"));
        using var json = new FileStream(files.Json, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var csv = new StreamWriter(files.Csv, append: false, new UTF8Encoding(false), 1 << 20);
        using var sampleJson = new FileStream(files.SampleJson, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var sampleCsv = new StreamWriter(files.SampleCsv, append: false, new UTF8Encoding(false), 1 << 16);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer);
        long index = 0;

        // The sample is taken across the whole file (every n-th dossier) so that it has its mix of days.
        var every = Math.Max(1, dossiers / Math.Max(1, sample));
        foreach (var dossier in data.Dossiers(dossiers, ids))
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            ScaleData.WriteJsonLine(writer, dossier);
            writer.Flush();
            json.Write(buffer.WrittenSpan);
            json.WriteByte((byte)'\n');
            ScaleData.WriteCsvLine(csv, dossier.Fact, ScaleData.End);
            if (index % every == 0 && index / every < sample)
            {
                sampleJson.Write(buffer.WrittenSpan);
                sampleJson.WriteByte((byte)'\n');
                ScaleData.WriteCsvLine(sampleCsv, dossier.Fact, ScaleData.End);
            }

            index++;
        }

        return files;
    }

    private static async Task<TimeSpan> PsqlCopyAsync(NpgsqlConnectionStringBuilder admin, string database, string csv)
    {
        var columns = PostgresFactWriter.ColumnList;
        var clock = Stopwatch.StartNew();
        await DossierThroughput.Run("psql",
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", admin.Host!, "-p", admin.Port.ToString(CultureInfo.InvariantCulture), "-U", admin.Username!, "-d", database,
             "-c", $"\\copy public.bench_copy ({columns}) FROM '{csv}' WITH (FORMAT csv)"],
            new Dictionary<string, string> { ["PGPASSWORD"] = admin.Password ?? string.Empty });
        var elapsed = clock.Elapsed;
        Log($"  psql \\copy {Path.GetFileName(csv)}: {elapsed.TotalSeconds:F1} s ({Load()})");
        return elapsed;
    }

    private static async Task<(TimeSpan Elapsed, ImportReport Report)> ImportFileAsync(IServiceProvider services, string file, bool bulkCopy)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IndexesDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var importer = scope.ServiceProvider.GetRequiredService<DossierImporter>();
        var clock = Stopwatch.StartNew();
        var report = await importer.ImportAsync(() => File.OpenRead(file), new ImportOptions(DryRun: false, SkipInvalid: false, BulkCopy: bulkCopy));
        var elapsed = clock.Elapsed;
        if (!report.Imported)
        {
            throw new InvalidOperationException("The import was rejected: " + string.Join("; ", report.Problems.Take(5).Select(p => $"line {p.Line}: {string.Format(CultureInfo.InvariantCulture, p.Message, p.Arguments)}")));
        }

        Log($"  importer ({(bulkCopy ? "COPY" : "EF")}) {Path.GetFileName(file)}: {report.Created:N0} created, {report.Updated:N0} updated in {elapsed.TotalSeconds:F1} s ({Load()})");
        return (elapsed, report);
    }

    // ------------------------------------------------------------------ query

    private sealed record QueryCase(string Name, string UnitCode, DateOnly From, DateOnly To);

    private static async Task<int> QueryBenchAsync(NpgsqlConnectionStringBuilder admin, string database, int runs, int duckRuns)
    {
        Log($"query-bench on {database} ({Load()})");
        await using var app = await AppAsync(admin, database);
        Dictionary<string, Guid> ids;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            ids = (await scope.ServiceProvider.GetRequiredService<IUnitDirectory>().ListAsync()).ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
        }

        var facts = await ScalarsAsync(admin, database, "SELECT count(*) FROM indexes.index_facts");
        var month = (new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
        var year = (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        QueryCase[] cases =
        [
            new("Province (former T01, half the tree)", "T01", month.Item1, month.Item2),
            new("Province (former T01, half the tree)", "T01", year.Item1, year.Item2),
            new("Commune (XM001, with its 3 predecessors)", "XM001", month.Item1, month.Item2),
            new("Commune (XM001, with its 3 predecessors)", "XM001", year.Item1, year.Item2),
            new("Whole tree (T00, merged province)", "T00", month.Item1, month.Item2),
            new("Whole tree (T00, merged province)", "T00", year.Item1, year.Item2),
        ];

        // DuckDB gets the raw rows (and the scope pairs, the tree's raw form) as CSV exported from PostgreSQL.
        var directory = Path.Combine(Path.GetTempPath(), "motcua-query-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var clock = Stopwatch.StartNew();
            var factsCsv = Path.Combine(directory, "facts.csv");
            var scopesCsv = Path.Combine(directory, "scopes.csv");
            await ExportAsync(admin, database, $"COPY (SELECT {string.Join(", ", DuckColumns.Select(c => $"\"{c.Name}\""))} FROM indexes.index_facts) TO STDOUT (FORMAT csv, HEADER)", factsCsv);
            await ExportAsync(admin, database, "COPY (SELECT \"ScopeUnitId\", \"MemberUnitId\" FROM indexes.index_scope_members) TO STDOUT (FORMAT csv, HEADER)", scopesCsv);
            var exported = clock.Elapsed;
            clock.Restart();
            using var duck = new DuckDBConnection("Data Source=:memory:");
            duck.Open();
            var types = string.Join(", ", DuckColumns.Select(c => $"'{c.Name}': '{c.Type}'"));
            Duck(duck, $"CREATE TABLE facts AS SELECT * FROM read_csv('{factsCsv}', header = true, columns = {{{types}}})");
            Duck(duck, $"CREATE TABLE scopes AS SELECT * FROM read_csv('{scopesCsv}', header = true, columns = {{'ScopeUnitId': 'UUID', 'MemberUnitId': 'UUID'}})");
            var loaded = clock.Elapsed;
            File.Delete(factsCsv);
            Log($"  DuckDB: {facts[0]:N0} rows exported in {exported.TotalSeconds:F0} s, loaded in {loaded.TotalSeconds:F0} s");

            var allIdentical = true;
            var lines = new List<string>();
            foreach (var c in cases)
            {
                var scopeId = ids[c.UnitCode];
                var app1 = await MotcuaAnswerAsync(app.Services, scopeId, c.From, c.To);
                var service = await ServiceIndexAsync(app.Services, c.UnitCode, c.From, c.To);
                var duck1 = DuckAnswer(duck, scopeId, c.From, c.To);
                var identical = Same(app1, duck1, out var difference);
                allIdentical &= identical && Same(service, duck1, out _);
                if (!identical)
                {
                    Log($"  DIFFERENT for {c.Name} {c.From:yyyy-MM-dd}..{c.To:yyyy-MM-dd}: {difference}");
                }

                var load = Load();
                var counters = await TimeAsync(runs, () => MotcuaAnswerAsync(app.Services, scopeId, c.From, c.To));
                var whole = await TimeAsync(runs, () => ServiceIndexAsync(app.Services, c.UnitCode, c.From, c.To));
                var scan = await TimeAsync(duckRuns, () => Task.FromResult(DuckAnswer(duck, scopeId, c.From, c.To)));
                var period = c.To.DayNumber - c.From.DayNumber > 40 ? "year 2025" : "March 2025";
                var received = app1.Single(v => v.Code == "received").Numerator;
                lines.Add(Row($"| {c.Name} | {period} | {received:N0} | {Ms(counters.P50)} / {Ms(counters.P99)} | {Ms(whole.P50)} / {Ms(whole.P99)} | {Ms(scan.P50)} / {Ms(scan.P99)} | **{scan.P50 / counters.P50:F0}×** / {scan.P99 / counters.P99:F0}× | {(identical ? "yes" : "NO")} | {load} |"));
                Log($"  {c.Name}, {period}: counters p50 {Ms(counters.P50)} ms, DuckDB p50 {Ms(scan.P50)} ms");
            }

            Console.WriteLine();
            Console.WriteLine(Row($"Data set: {facts[0]:N0} facts; app runs {runs}, DuckDB runs {duckRuns} per case (after warm-up)."));
            Console.WriteLine();
            Console.WriteLine("| Scope | Period | Received | Counters (IndexSql.SumAsync + formulas), p50 / p99 ms | Whole ServiceIndexService.ComputeAsync, p50 / p99 ms | DuckDB scan of the raw rows (baseline), p50 / p99 ms | Speed-up p50 / p99 | Identical | Load average |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|---|");
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }

            return allIdentical ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<IndicatorValue>> MotcuaAnswerAsync(IServiceProvider services, Guid scope, DateOnly from, DateOnly to)
    {
        // A scope per query, as a request has: a pooled context and a pooled connection.
        await using var request = services.CreateAsyncScope();
        var db = request.ServiceProvider.GetRequiredService<IndexesDbContext>();
        var members = await request.ServiceProvider.GetRequiredService<IUnitDirectory>().GetScopeAsync(scope, CancellationToken.None);
        return IndicatorFormulas.Compute(await IndexSql.SumAsync(db, scope, members, from, to, CancellationToken.None));
    }

    private static async Task<IReadOnlyList<IndicatorValue>> ServiceIndexAsync(IServiceProvider services, string unitCode, DateOnly from, DateOnly to)
    {
        await using var request = services.CreateAsyncScope();
        var result = await request.ServiceProvider.GetRequiredService<ServiceIndexService>().ComputeAsync(unitCode, from, to);
        return [.. result.Indicators.Where(i => i.Source == "dossiers").Select(i => new IndicatorValue(i.Code, RawIndicators.IsCount(i.Code) ? IndicatorKind.Count : IndicatorKind.Ratio, i.Numerator ?? 0, i.Denominator))];
    }

    private static bool Same(IReadOnlyList<IndicatorValue> motcua, IReadOnlyList<IndicatorValue> duck, out string difference)
    {
        var differences = IndicatorFormulas.Codes
            .Select(code => (code, a: motcua.Single(v => v.Code == code), b: duck.Single(v => v.Code == code)))
            .Where(x => x.a.Numerator != x.b.Numerator || (x.a.Kind == IndicatorKind.Ratio && x.a.Denominator != x.b.Denominator))
            .Select(x => $"{x.code}: {x.a.Numerator}/{x.a.Denominator} vs {x.b.Numerator}/{x.b.Denominator}")
            .ToList();
        difference = string.Join("; ", differences);
        return differences.Count == 0;
    }

    private static readonly (string Name, string Type)[] DuckColumns =
    [
        ("UnitId", "UUID"), ("Channel", "VARCHAR"), ("OnlineLevel", "VARCHAR"), ("ReceivedAt", "TIMESTAMP"), ("DueAt", "TIMESTAMP"),
        ("CompletedAt", "TIMESTAMP"), ("ReturnedAt", "TIMESTAMP"), ("ReturnChannel", "VARCHAR"), ("Apologies", "INTEGER"),
        ("SupplementRequests", "INTEGER"), ("SupplementRequestedAt", "TIMESTAMP"), ("SupplementedAt", "TIMESTAMP"),
        ("DocumentsTotal", "INTEGER"), ("DocumentsDigitised", "INTEGER"), ("DocumentsReused", "INTEGER"), ("ElectronicResult", "BOOLEAN"),
        ("DigitisedResult", "BOOLEAN"), ("FeeAmount", "BIGINT"), ("PaidOnline", "BOOLEAN"), ("Rating", "VARCHAR"), ("RatedHarassment", "BOOLEAN"),
        ("SyncedToNationalPortal", "BOOLEAN"),
    ];

    /// <summary>
    /// The indicators straight from the raw rows, in SQL: the rules of <see cref="RawIndicators.Membership"/>
    /// (and <see cref="Judgement.LateFrom"/>) one for one, numerator and denominator of each.
    /// </summary>
    private static List<IndicatorValue> DuckAnswer(DuckDBConnection duck, Guid scope, DateOnly from, DateOnly to)
    {
        var s = $"TIMESTAMP '{from:yyyy-MM-dd} 00:00:00'";
        var e = $"TIMESTAMP '{to.AddDays(1):yyyy-MM-dd} 00:00:00'";
        (string Code, string Denominator, string Numerator)[] rules =
        [
            ("received", "received", "received"),
            ("completed", "completed", "completed"),
            ("returned", "returned", "returned"),
            ("active", "active", "active"),
            ("onTimeRate", "active", "active AND on_time_judged"),
            ("lateRate", "active", "active AND NOT on_time_judged"),
            ("completedOnTimeRate", "completed", "completed_on_time"),
            ("overdueInProgress", $"open_at_end AND DueAt < {e}", $"open_at_end AND DueAt < {e}"),
            ("apologyRate", "completed AND NOT completed_on_time", "completed AND NOT completed_on_time AND Apologies > 0"),
            ("onlineRate", "received", "received AND Channel = 'Online'"),
            ("fullOnlineRate", "received", "received AND Channel = 'Online' AND OnlineLevel = 'Full'"),
            ("postalIntakeRate", "received", "received AND Channel = 'Postal'"),
            ("postalReturnRate", "returned", "returned AND ReturnChannel = 'Postal'"),
            ("onlinePaymentRate", "with_fee", "with_fee AND PaidOnline"),
            ("componentDigitisationRate", "with_documents", "with_documents AND DocumentsDigitised >= DocumentsTotal"),
            ("reuseRate", "with_documents", "with_documents AND DocumentsReused > 0"),
            ("resultDigitisationRate", "completed", "completed AND DigitisedResult"),
            ("electronicResultRate", "completed", "completed AND ElectronicResult"),
            ("satisfactionRate", "rated", "rated AND Rating IN ('Satisfied', 'VerySatisfied')"),
            ("dissatisfactionRate", "rated", "rated AND Rating = 'NotSatisfied'"),
            ("harassmentComplaintRate", "rated", "rated AND Rating = 'NotSatisfied' AND RatedHarassment"),
            ("nationalPortalSyncRate", "received", "received AND SyncedToNationalPortal"),
        ];
        var sums = string.Join(",\n  ", rules.Select((r, i) => $"count(*) FILTER (WHERE {r.Denominator}) AS d{i}, count(*) FILTER (WHERE {r.Numerator}) AS n{i}"));
        var sql = $"""
            WITH f AS (
              SELECT *,
                CASE WHEN SupplementRequests > 1 THEN TIMESTAMP '0001-01-01 00:00:00'
                     WHEN SupplementRequests = 1 AND SupplementRequestedAt IS NOT NULL THEN
                       CASE WHEN SupplementRequestedAt > DueAt THEN DueAt
                            WHEN SupplementedAt IS NOT NULL AND SupplementedAt >= SupplementRequestedAt THEN DueAt + (SupplementedAt - SupplementRequestedAt)
                       END
                     ELSE DueAt END AS late_from
              FROM facts
              WHERE UnitId IN (SELECT MemberUnitId FROM scopes WHERE ScopeUnitId = '{scope}') AND ReceivedAt < {e}
            ), g AS (
              SELECT *,
                ReceivedAt >= {s} AS received,
                COALESCE(CompletedAt >= {s} AND CompletedAt < {e}, false) AS completed,
                COALESCE(ReturnedAt >= {s} AND ReturnedAt < {e}, false) AS returned,
                (CompletedAt IS NULL OR CompletedAt >= {s}) AS active,
                (CompletedAt IS NULL OR CompletedAt >= {e}) AS open_at_end,
                CASE WHEN CompletedAt < {e} THEN CompletedAt ELSE {e} END AS judged_at
              FROM f
            ), h AS (
              SELECT *,
                (late_from IS NULL OR judged_at <= late_from) AS on_time_judged,
                completed AND (late_from IS NULL OR CompletedAt <= late_from) AS completed_on_time,
                received AND DocumentsTotal > 0 AS with_documents,
                completed AND Rating IS NOT NULL AS rated,
                received AND FeeAmount > 0 AS with_fee
              FROM g
            )
            SELECT
              {sums}
            FROM h
            """;
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return [.. rules.Select((r, i) =>
        {
            var denominator = Convert.ToInt64(reader.GetValue(2 * i), CultureInfo.InvariantCulture);
            var numerator = Convert.ToInt64(reader.GetValue((2 * i) + 1), CultureInfo.InvariantCulture);
            return RawIndicators.IsCount(r.Code)
                ? new IndicatorValue(r.Code, IndicatorKind.Count, numerator, null)
                : new IndicatorValue(r.Code, IndicatorKind.Ratio, numerator, denominator);
        })];
    }

    private static void Duck(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<(double P50, double P99)> TimeAsync<T>(int runs, Func<Task<T>> action)
    {
        for (var i = 0; i < Math.Max(3, runs / 20); i++)
        {
            await action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (Percentile(times, 0.50), Percentile(times, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : "F0", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ plumbing

    private static async Task<int> WithServerAsync(Func<NpgsqlConnectionStringBuilder, Task<int>> run)
    {
        var repository = DossierThroughput.FindRepository();
        string? serverDirectory = null;
        var admin = Environment.GetEnvironmentVariable("MOTCUA_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            serverDirectory = Path.Combine(Path.GetTempPath(), "motcua-bench-pg-" + Guid.NewGuid().ToString("N"));
            admin = (await DossierThroughput.Run("bash", [Path.Combine(repository, "scripts", "postgres.sh"), "start", serverDirectory])).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        }

        try
        {
            return await run(new NpgsqlConnectionStringBuilder(admin));
        }
        finally
        {
            if (serverDirectory is not null)
            {
                await DossierThroughput.Run("bash", [Path.Combine(repository, "scripts", "postgres.sh"), "stop", serverDirectory]);
            }
        }
    }

    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> AppAsync(NpgsqlConnectionStringBuilder admin, string database)
    {
        var data = Path.Combine(Path.GetTempPath(), "motcua-scale-" + Guid.NewGuid().ToString("N"));
        var app = MotcuaApp.Build(
        [
            "--Motcua:Database:Provider=Postgres", $"--Motcua:Database:ConnectionString={Connection(admin, database)}",
            $"--Motcua:DataDirectory={data}", "--environment=Production", "--Serilog:MinimumLevel:Default=Warning",
            "--Motcua:Indexes:RunFolding=false",
        ]);
        await MotcuaProgram.InitialiseAsync(app.Services);
        return app;
    }

    private static string Connection(NpgsqlConnectionStringBuilder admin, string database) =>
        new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database, CommandTimeout = 3600 }.ConnectionString;

    private static async Task<bool> HasFactsAsync(NpgsqlConnectionStringBuilder admin, string database)
    {
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            return false;
        }

        try
        {
            return (await ScalarsAsync(admin, database, "SELECT count(*) FROM (SELECT 1 FROM indexes.index_counters LIMIT 1) x"))[0] > 0;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnectionStringBuilder admin, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(Connection(admin, database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long[]> ScalarsAsync(NpgsqlConnectionStringBuilder admin, string database, params string[] queries)
    {
        await using var connection = new NpgsqlConnection(Connection(admin, database));
        await connection.OpenAsync();
        var result = new long[queries.Length];
        for (var i = 0; i < queries.Length; i++)
        {
            await using var command = new NpgsqlCommand(queries[i], connection) { CommandTimeout = 3600 };
            result[i] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static async Task ExportAsync(NpgsqlConnectionStringBuilder admin, string database, string copy, string file)
    {
        await using var connection = new NpgsqlConnection(Connection(admin, database));
        await connection.OpenAsync();
        using var reader = await connection.BeginTextExportAsync(copy);
        await using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false), 1 << 20);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            await writer.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    private static string Load() => "load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static string Row(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback) => DossierThroughput.Option(args, name, fallback);

    private static string Text(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
