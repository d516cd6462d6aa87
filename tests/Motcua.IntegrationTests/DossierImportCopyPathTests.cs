using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Common.Tabular;
using Motcua.Indexes;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Indexes.ImportDossiers;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;
using Motcua.Procedures.ImportProcedures;

namespace Motcua.IntegrationTests;

/// <summary>
/// The PostgreSQL COPY path of the dossier import must leave exactly what the EF Core path leaves: the
/// same facts, the same counters once folded (and those equal to a rebuild from the facts), the same
/// report, line numbers and all, for fresh imports, re-imports, repeated codes, skip-invalid and a
/// rejected all-or-nothing file. Speed is measured in bench/, never here.
/// </summary>
public sealed class DossierImportCopyPathTests(PostgresHost host) : IClassFixture<PostgresHost>
{
    private static readonly DateTime Origin = new(2025, 3, 1, 8, 0, 0);

    [Fact]
    public async Task The_copy_path_stores_and_counts_exactly_what_the_EF_path_does()
    {
        await SeedAsync();
        string[] files =
        [
            Lines(seed: 1, count: 700, codes: 500, invalidEvery: 0),   // repeated codes inside one file
            Lines(seed: 2, count: 400, codes: 800, invalidEvery: 0),   // re-import: changes most codes, adds some
            Lines(seed: 3, count: 300, codes: 900, invalidEvery: 37),  // skip-invalid
            Lines(seed: 4, count: 200, codes: 900, invalidEvery: 51),  // all or nothing: rejected whole
        ];

        var ef = await RunAsync(files, bulkCopy: false);
        var small = await RunAsync(files, bulkCopy: true, batchSize: 64, maxPendingUnitDays: 50);
        var copy = await RunAsync(files, bulkCopy: true);

        Assert.Equal(ef.Reports, copy.Reports);
        Assert.Equal(ef.Facts.Count, copy.Facts.Count);
        Assert.Equal(ef.Facts, copy.Facts);
        Assert.Equal(ef.Counters, copy.Counters);
        Assert.Equal(copy.Counters, copy.Rebuilt);
        Assert.Equal(ef.Reports, small.Reports);
        Assert.Equal(ef.Facts, small.Facts);
        Assert.Equal(ef.Counters, small.Counters);
        Assert.True(copy.Facts.Count > 500);
        Assert.Contains(copy.Reports, r => r.StartsWith("False", StringComparison.Ordinal));
    }

    private sealed record Outcome(List<string> Reports, List<string> Facts, List<string> Counters, List<string> Rebuilt);

    /// <summary>Runs the files through one path; small batches and flushes cross every boundary of the COPY path.</summary>
    private async Task<Outcome> RunAsync(string[] files, bool bulkCopy, int batchSize = 20_000, int maxPendingUnitDays = 100_000)
    {
        PostgresFactWriter.BatchSize = batchSize;
        PostgresFactWriter.MaxPendingUnitDays = maxPendingUnitDays;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IndexesDbContext>();
            await db.Facts.ExecuteDeleteAsync();
            await db.PendingChanges.ExecuteDeleteAsync();
            await db.CounterRows.ExecuteDeleteAsync();
        }

        var reports = new List<string>();
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            await using var scope = host.App.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<DossierImporter>();
            var report = await importer.ImportAsync(
                () => new MemoryStream(Encoding.UTF8.GetBytes(file)),
                new ImportOptions(DryRun: false, SkipInvalid: index == 2, BulkCopy: bulkCopy));
            reports.Add($"{report.Imported} {report.Lines} {report.Valid} {report.Created} {report.Updated} {report.Skipped} "
                + string.Join(" | ", report.Problems.Select(p => $"{p.Line}: {string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Message, p.Arguments)}")));
        }

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IndexesDbContext>();
            while (await IndexSql.FoldAsync(db, CancellationToken.None) > 0)
            {
            }

            var facts = (await db.Facts.AsNoTracking().OrderBy(f => f.Code).ToListAsync())
                .Select(f => $"{f.ToFact()} {f.CompletedOnTime}").ToList();
            var counters = await CountersAsync(db);
            await scope.ServiceProvider.GetRequiredService<IndexMaintenance>().RebuildAsync();
            return new Outcome(reports, facts, counters, await CountersAsync(db));
        }
    }

    /// <summary>Every non-zero counter row; rows that summed to zero may or may not exist, which changes no figure.</summary>
    private static async Task<List<string>> CountersAsync(IndexesDbContext db) =>
        [.. (await db.CounterRows.AsNoTracking().ToListAsync())
            .Where(r => Counters.All.Any(c => r.Get(c) != 0))
            .OrderBy(r => r.ScopeUnitId).ThenBy(r => r.Grain).ThenBy(r => r.PeriodStart)
            .Select(r => $"{r.ScopeUnitId} {r.Grain} {r.PeriodStart:yyyy-MM-dd} " + string.Join(',', Counters.All.Select(c => r.Get(c))))];

    private async Task SeedAsync()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var units = scope.ServiceProvider.GetRequiredService<UnitAdministration>();
        if (await scope.ServiceProvider.GetRequiredService<IUnitDirectory>().FindByCodeAsync("CP") is not null)
        {
            return;
        }

        await units.CreateAsync(new NewUnit("CP", "Tỉnh Chép", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
        await units.CreateAsync(new NewUnit("CX1", "Xã Chép Một", UnitKind.Commune, "CP", new DateOnly(2000, 1, 1)));
        await units.CreateAsync(new NewUnit("CX2", "Xã Chép Hai", UnitKind.Commune, "CP", new DateOnly(2000, 1, 1)));
        const string Catalogue = "code,name,field,level,onlineLevel,variantCode,processingTime,timeUnit,fee,documentName,originals,copies\n"
            + "9.100001,Thủ tục chép một,Thử nghiệm,commune,full,01,3,workingDays,0,Tờ khai,1,0\n"
            + "9.100002,Thủ tục chép hai,Thử nghiệm,commune,partial,01,10,workingDays,50000,Tờ khai,1,0\n";
        await using var csv = new MemoryStream(Encoding.UTF8.GetBytes(Catalogue));
        await scope.ServiceProvider.GetRequiredService<ProcedureImporter>().ImportAsync(TabularFile.Read(csv, "catalogue.csv"));
        await scope.ServiceProvider.GetRequiredService<IndexMaintenance>().RefreshScopesAsync();
    }

    /// <summary>Random but valid dossiers (every shape the rules care about), with a bad line every so often.</summary>
    private static string Lines(int seed, int count, int codes, int invalidEvery)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        static string T(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 1; i <= count; i++)
        {
            if (invalidEvery > 0 && i % invalidEvery == 0)
            {
                text.Append(i % 2 == 0 ? "{\"code\": \"BAD\", \"unitCode\": \"NOWHERE\"}\n" : "not json\n");
                continue;
            }

            var received = Origin.AddHours(random.Next(0, 24 * 120));
            var due = received.AddDays(random.Next(1, 15));
            DateTime? completed = random.Next(5) == 0 ? null : received.AddHours(random.Next(2, 24 * 25));
            var requests = random.Next(10) switch { 0 => 2, 1 or 2 => 1, _ => 0 };
            var asked = received.AddHours(random.Next(1, 48));
            if (completed < asked.AddHours(100))
            {
                completed = requests > 0 ? asked.AddHours(100 + random.Next(200)) : completed;
            }

            DateTime? returned = completed is { } c && random.Next(4) != 0 ? c.AddHours(random.Next(0, 72)) : null;
            var line = new Dictionary<string, object?>
            {
                ["code"] = $"CODE-{random.Next(codes)}",
                ["procedureCode"] = random.Next(2) == 0 ? "9.100001" : "9.100002",
                ["unitCode"] = random.Next(3) switch { 0 => "CP", 1 => "cx1", _ => "CX2" },
                ["channel"] = random.Next(3) switch { 0 => "counter", 1 => "online", _ => "postal" },
                ["onlineLevel"] = random.Next(3) switch { 0 => "none", 1 => "partial", _ => "full" },
                ["receivedAt"] = T(received),
                ["dueAt"] = T(due),
                ["completedAt"] = completed is { } done ? T(done) : null,
                ["returnedAt"] = returned is { } back ? T(back) : null,
                ["returnChannel"] = returned is null ? null : random.Next(2) == 0 ? "counter" : "postal",
                ["apologies"] = random.Next(4) == 0 ? new[] { new { at = T(received.AddHours(3)), newDueAt = T(due.AddDays(5)) } } : null,
                ["supplementRequests"] = requests == 0 ? null
                    : Enumerable.Range(0, requests).Select(r => new { at = T(asked.AddHours(r * 10)), supplementedAt = random.Next(3) == 0 ? null : T(asked.AddHours((r * 10) + 5 + random.Next(50))) }).ToArray(),
                ["documents"] = new { total = 3, digitised = random.Next(4), reused = random.Next(2) },
                ["result"] = completed is null ? null : new { electronic = random.Next(2) == 0, digitised = random.Next(2) == 0 },
                ["fee"] = random.Next(2) == 0 ? new { amount = 30_000, paidOnline = random.Next(2) == 0 } : null,
                ["rating"] = completed is null || random.Next(3) == 0 ? null : random.Next(3) switch { 0 => "verySatisfied", 1 => "satisfied", _ => "notSatisfied" },
                ["harassment"] = random.Next(2) == 0,
                ["syncedToNationalPortal"] = random.Next(5) != 0,
            };
            text.Append(JsonSerializer.Serialize(line)).Append('\n');
        }

        return text.ToString();
    }
}
