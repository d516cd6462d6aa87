using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Motcua.Access.Contracts;
using Motcua.Indexes;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>The service-quality indexes through HTTP on both databases: import, exact figures, drill-down, live feed.</summary>
public abstract class IndexesTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private const string Catalogue = """
        code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate
        1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,2025-07-01,01,Đăng ký khai sinh đúng hạn,3,workingDays,0,,Tờ khai đăng ký khai sinh,1,0,
        2.001234,Cấp giấy phép xây dựng nhà ở riêng lẻ,Hoạt động xây dựng,commune,Luật Xây dựng 2014,partial,yes,yes,2025-07-01,01,Cấp mới,15,calendarDays,75000,,Đơn đề nghị cấp giấy phép,1,0,
        """;

    // March 2025 at commune C1 (and one dossier at C2, one outside the province).
    private static readonly string[] March =
    [
        // On time, online full, paid online, fully digitised, electronic result, very satisfied, returned by post, synced.
        """{"code":"C1-001","procedureCode":"2.001234","unitCode":"IC1","channel":"online","onlineLevel":"full","receivedAt":"2025-03-03T08:15:00","dueAt":"2025-03-10T08:15:00","completedAt":"2025-03-07T10:00:00","returnedAt":"2025-03-08T09:00:00","returnChannel":"postal","apologies":[],"supplementRequests":[],"documents":{"total":3,"digitised":3,"reused":1},"result":{"electronic":true,"digitised":true},"fee":{"amount":75000,"paidOnline":true},"rating":"verySatisfied","syncedToNationalPortal":true}""",
        // Late with an apology, at the counter, not satisfied for harassment.
        """{"code":"C1-002","procedureCode":"2.001234","unitCode":"IC1","channel":"counter","onlineLevel":"none","receivedAt":"2025-03-03T09:00:00","dueAt":"2025-03-05T09:00:00","completedAt":"2025-03-12T16:00:00","returnedAt":"2025-03-13T08:00:00","returnChannel":"counter","apologies":[{"at":"2025-03-04T10:00:00","newDueAt":"2025-03-12T17:00:00"}],"supplementRequests":[],"documents":{"total":2,"digitised":1,"reused":0},"result":{"electronic":false,"digitised":false},"fee":{"amount":75000,"paidOnline":false},"rating":"notSatisfied","harassment":true,"syncedToNationalPortal":true}""",
        // One supplement provided: its 6 days are forgiven, completed on time.
        """{"code":"C1-003","procedureCode":"1.001193","unitCode":"IC1","channel":"postal","onlineLevel":"none","receivedAt":"2025-03-10T08:00:00","dueAt":"2025-03-13T08:00:00","completedAt":"2025-03-18T08:00:00","returnedAt":null,"returnChannel":null,"apologies":[],"supplementRequests":[{"at":"2025-03-11T08:00:00","supplementedAt":"2025-03-17T08:00:00"}],"documents":{"total":1,"digitised":1,"reused":0},"result":{"electronic":false,"digitised":true},"fee":{"amount":0,"paidOnline":false},"rating":"satisfied","syncedToNationalPortal":false}""",
        // Two supplement requests: late, though completed early; existing in real data.
        """{"code":"C1-004","procedureCode":"1.001193","unitCode":"IC1","channel":"online","onlineLevel":"partial","receivedAt":"2025-03-20T08:00:00","dueAt":"2025-03-25T08:00:00","completedAt":"2025-03-21T08:00:00","apologies":[],"supplementRequests":[{"at":"2025-03-20T09:00:00","supplementedAt":"2025-03-20T10:00:00"},{"at":"2025-03-20T11:00:00","supplementedAt":"2025-03-20T12:00:00"}],"documents":{"total":0,"digitised":0,"reused":0},"result":{"electronic":false,"digitised":false},"fee":{"amount":0,"paidOnline":false},"rating":null,"syncedToNationalPortal":true}""",
        // Open at the end of March, past its appointment: late and overdue in progress.
        """{"code":"C1-005","procedureCode":"2.001234","unitCode":"IC1","channel":"counter","onlineLevel":"none","receivedAt":"2025-03-24T08:00:00","dueAt":"2025-03-28T08:00:00","completedAt":null,"documents":{"total":1,"digitised":0,"reused":0},"fee":{"amount":75000,"paidOnline":false},"syncedToNationalPortal":true}""",
        // Open, supplement outstanding since before its appointment: on time (judged at the request).
        """{"code":"C1-006","procedureCode":"2.001234","unitCode":"IC1","channel":"counter","onlineLevel":"none","receivedAt":"2025-03-24T08:00:00","dueAt":"2025-03-28T08:00:00","supplementRequests":[{"at":"2025-03-26T08:00:00","supplementedAt":null}],"documents":{"total":1,"digitised":1,"reused":0},"fee":{"amount":0,"paidOnline":false},"syncedToNationalPortal":true}""",
        // Received in February, completed in March on time: active in March.
        """{"code":"C1-007","procedureCode":"1.001193","unitCode":"IC1","channel":"counter","receivedAt":"2025-02-27T08:00:00","dueAt":"2025-03-04T08:00:00","completedAt":"2025-03-03T08:00:00","fee":{"amount":0,"paidOnline":false}}""",
        // Another commune of the province.
        """{"code":"C2-001","procedureCode":"1.001193","unitCode":"IC2","channel":"online","onlineLevel":"full","receivedAt":"2025-03-05T08:00:00","dueAt":"2025-03-10T08:00:00","completedAt":"2025-03-06T08:00:00","result":{"electronic":true,"digitised":true},"fee":{"amount":0,"paidOnline":false},"rating":"satisfied","syncedToNationalPortal":true}""",
        // Outside the province.
        """{"code":"X-001","procedureCode":"1.001193","unitCode":"IX1","channel":"online","receivedAt":"2025-03-05T08:00:00","dueAt":"2025-03-10T08:00:00","fee":{"amount":0,"paidOnline":false}}""",
    ];

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("IP")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("IP", "Tỉnh Chỉ Số", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("IC1", "Xã Một", UnitKind.Commune, "IP", new DateOnly(2020, 1, 1)));
            await units.CreateAsync(new NewUnit("IC2", "Xã Hai", UnitKind.Commune, "IP", new DateOnly(2020, 1, 1)));
            await units.CreateAsync(new NewUnit("IX", "Tỉnh Khác", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("IX1", "Xã Ngoài", UnitKind.Commune, "IX", new DateOnly(2020, 1, 1)));
            return new object();
        });
        await host.CreateUserAsync("root.idx", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("admin.ic1", Password, "IC1", Roles.UnitAdmin);
        await host.CreateUserAsync("desk.ic1", Password, "IC1", Roles.ReceivingOfficer);
        await host.CreateUserAsync("cv.ic1", Password, "IC1", Roles.Specialist);
        await host.CreateUserAsync("ld.ic1", Password, "IC1", Roles.Leader);
        var root = await host.SignedInClientAsync("root.idx", Password);
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Catalogue.Replace("\n        ", "\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var assign = await root.PutAsJsonAsync("/api/v1/units/IC1/procedures", new[] { new { procedureCode = "1.001193", departmentCode = "VP" } });
        Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
        var imported = await ImportAsync(root, string.Join('\n', March));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string lines, string query = "") =>
        client.PostAsync("/api/v1/dossiers/import" + query, new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));

    private static async Task<Dictionary<string, JsonElement>> IndicatorsAsync(HttpClient client, string unit, string from, string to)
    {
        var response = await client.GetAsync($"/api/v1/indexes/service?unit={unit}&from={from}&to={to}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(unit, body.GetProperty("unit").GetString());
        Assert.Equal(from, body.GetProperty("from").GetString());
        return body.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
    }

    private static (long, long?) Ratio(JsonElement indicator) => (
        indicator.GetProperty("numerator").GetInt64(),
        indicator.GetProperty("denominator").ValueKind == JsonValueKind.Null ? null : indicator.GetProperty("denominator").GetInt64());

    [Fact]
    public async Task Imported_history_gives_the_exact_indicators_of_the_rules()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root.idx", Password);

        var commune = await IndicatorsAsync(root, "IC1", "2025-03-01", "2025-03-31");

        Assert.Equal((6L, null), Ratio(commune["received"]));
        Assert.Equal((5L, null), Ratio(commune["completed"]));
        Assert.Equal((7L, null), Ratio(commune["active"]));
        // On time: 001, 003 (supplement forgiven), 006 (outstanding supplement), 007. Late: 002, 004 (two requests), 005.
        Assert.Equal((4L, 7L), Ratio(commune["onTimeRate"]));
        Assert.Equal((3L, 7L), Ratio(commune["lateRate"]));
        Assert.Equal((3L, 5L), Ratio(commune["completedOnTimeRate"]));
        Assert.Equal((2L, null), Ratio(commune["overdueInProgress"]));
        Assert.Equal((1L, 2L), Ratio(commune["apologyRate"]));
        Assert.Equal((2L, 6L), Ratio(commune["onlineRate"]));
        Assert.Equal((1L, 6L), Ratio(commune["fullOnlineRate"]));
        Assert.Equal((1L, 6L), Ratio(commune["postalIntakeRate"]));
        Assert.Equal((1L, 2L), Ratio(commune["postalReturnRate"]));
        Assert.Equal((1L, 3L), Ratio(commune["onlinePaymentRate"]));
        Assert.Equal((3L, 5L), Ratio(commune["componentDigitisationRate"]));
        Assert.Equal((1L, 5L), Ratio(commune["reuseRate"]));
        Assert.Equal((2L, 5L), Ratio(commune["resultDigitisationRate"]));
        Assert.Equal((1L, 5L), Ratio(commune["electronicResultRate"]));
        Assert.Equal((2L, 3L), Ratio(commune["satisfactionRate"]));
        Assert.Equal((1L, 3L), Ratio(commune["harassmentComplaintRate"]));
        Assert.Equal((5L, 6L), Ratio(commune["nationalPortalSyncRate"]));
        Assert.Equal(4.0 / 7, commune["onTimeRate"].GetProperty("value").GetDouble(), 10);
        Assert.Equal(0.95, commune["onTimeRate"].GetProperty("target").GetDouble());

        // The province counts its communes, not the other province; an empty month has null ratios, never 0 or 1.
        var province = await IndicatorsAsync(root, "IP", "2025-03-01", "2025-03-31");
        Assert.Equal((7L, null), Ratio(province["received"]));
        Assert.Equal((5L, 8L), Ratio(province["onTimeRate"]));
        var empty = await IndicatorsAsync(root, "IP", "2024-01-01", "2024-01-31");
        Assert.Equal(JsonValueKind.Null, empty["onTimeRate"].GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty["satisfactionRate"].GetProperty("value").ValueKind);

        // Folding the pending changes into the counters changes no figure.
        await host.WithServiceAsync<IndexMaintenance, int>(m => m.FoldAsync());
        Assert.Equal(commune.Values.Select(v => v.GetRawText()), (await IndicatorsAsync(root, "IC1", "2025-03-01", "2025-03-31")).Values.Select(v => v.GetRawText()));

        // Recounting everything from the facts (after a reorganisation) changes no figure either.
        await host.WithServiceAsync<IndexMaintenance, int>(async m =>
        {
            await m.RebuildAsync();
            return 0;
        });
        Assert.Equal(commune.Values.Select(v => v.GetRawText()), (await IndicatorsAsync(root, "IC1", "2025-03-01", "2025-03-31")).Values.Select(v => v.GetRawText()));
    }

    [Fact]
    public async Task Every_number_lists_the_dossiers_behind_it_and_exports_them()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root.idx", Password);
        var figures = await IndicatorsAsync(root, "IP", "2025-03-01", "2025-03-31");

        foreach (var code in IndicatorFormulas.Codes)
        {
            var explained = await root.GetFromJsonAsync<JsonElement>($"/api/v1/indexes/service/{code}/dossiers?unit=IP&from=2025-03-01&to=2025-03-31&pageSize=500");
            var (numerator, denominator) = Ratio(figures[code]);
            Assert.Equal(numerator, explained.GetProperty("numerator").GetInt64());
            Assert.Equal(denominator ?? numerator, explained.GetProperty("denominator").GetInt64());
            Assert.Equal(numerator, explained.GetProperty("dossiers").EnumerateArray().Count(d => d.GetProperty("inNumerator").GetBoolean()));
        }

        var late = await root.GetFromJsonAsync<JsonElement>("/api/v1/indexes/service/lateRate/dossiers?unit=IC1&from=2025-03-01&to=2025-03-31&part=numerator");
        Assert.Equal(["C1-002", "C1-004", "C1-005"], late.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Order());

        var file = await root.GetAsync("/api/v1/indexes/service/onTimeRate/dossiers?unit=IC1&from=2025-03-01&to=2025-03-31&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => r.Values.Any(v => v?.ToString() == "C1-005"));
        Assert.Contains(rows, r => r.Values.Any(v => v?.ToString()?.Contains("Tỷ lệ", StringComparison.Ordinal) == true || v?.ToString()?.Contains("hồ sơ", StringComparison.OrdinalIgnoreCase) == true));

        var unknown = await root.GetAsync("/api/v1/indexes/service/nope/dossiers?unit=IC1&from=2025-03-01&to=2025-03-31");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_bad_file_is_rejected_whole_with_line_numbers_and_reimporting_updates()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root.idx", Password);
        string[] lines =
        [
            """{"code":"R-001","procedureCode":"1.001193","unitCode":"IC2","channel":"counter","receivedAt":"2025-05-05T08:00:00","dueAt":"2025-05-08T08:00:00","completedAt":"2025-05-06T08:00:00"}""",
            """{"code":"R-002","procedureCode":"1.001193","unitCode":"NOPE","channel":"counter","receivedAt":"2025-05-05T08:00:00","dueAt":"2025-05-08T08:00:00"}""",
            """{"code":"R-003","procedureCode":"1.001193","unitCode":"IC2","channel":"counter","receivedAt":"2025-05-05T08:00:00","dueAt":"2025-05-08T08:00:00","completedAt":"2025-05-04T08:00:00"}""",
            """{"code":"R-004","procedureCode":"1.001193","unitCode":"IC2","channel":"counter","receivedAt":"2025-05-05T08:00:00","dueAt":"2025-05-08T08:00:00","supplementRequests":[{"at":"2025-05-06T08:00:00","supplementedAt":"2025-05-05T09:00:00"}]}""",
            """{"code": broken""",
        ];
        var file = string.Join('\n', lines);

        var rejected = await ImportAsync(root, file);
        var report = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal([2L, 3L, 4L, 5L], report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt64()).Distinct().Order());
        Assert.Contains("NOPE", report.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((0L, null), Ratio((await IndicatorsAsync(root, "IC2", "2025-05-01", "2025-05-31"))["received"]));

        var dryRun = await ImportAsync(root, lines[0], "?dryRun=true");
        Assert.True(dryRun.IsSuccessStatusCode);
        Assert.Equal((0L, null), Ratio((await IndicatorsAsync(root, "IC2", "2025-05-01", "2025-05-31"))["received"]));

        var skipping = await ImportAsync(root, file, "?skipInvalid=true");
        var skipped = await skipping.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(skipping.IsSuccessStatusCode, skipped.GetRawText());
        Assert.Equal(4, skipped.GetProperty("skipped").GetInt64());
        Assert.Equal((1L, null), Ratio((await IndicatorsAsync(root, "IC2", "2025-05-01", "2025-05-31"))["received"]));

        // The same code again, now late: updated, never duplicated.
        var again = await ImportAsync(root, lines[0].Replace("\"completedAt\":\"2025-05-06T08:00:00\"", "\"completedAt\":\"2025-05-09T08:00:00\"", StringComparison.Ordinal));
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt64());
        var may = await IndicatorsAsync(root, "IC2", "2025-05-01", "2025-05-31");
        Assert.Equal((1L, null), Ratio(may["received"]));
        Assert.Equal((0L, 1L), Ratio(may["completedOnTimeRate"]));
    }

    [Fact]
    public async Task A_unit_administrator_imports_and_reads_only_within_the_unit()
    {
        await SeedAsync();
        var admin = await host.SignedInClientAsync("admin.ic1", Password);
        var desk = await host.SignedInClientAsync("desk.ic1", Password);

        var outside = await ImportAsync(admin, """{"code":"S-001","procedureCode":"1.001193","unitCode":"IC2","channel":"counter","receivedAt":"2025-06-05T08:00:00","dueAt":"2025-06-08T08:00:00"}""");
        var forbidden = await admin.GetAsync("/api/v1/indexes/service?unit=IC2&from=2025-03-01&to=2025-03-31");
        var byDesk = await ImportAsync(desk, March[0]);
        var badDates = await admin.GetAsync("/api/v1/indexes/service?unit=IC1&from=2025-03-31&to=2025-03-01");

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("IC2", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byDesk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDates.StatusCode);
        Assert.True((await admin.GetAsync("/api/v1/indexes/service?unit=IC1&from=2025-03-01&to=2025-03-31")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Live_dossiers_change_the_figures_in_their_own_transaction()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.ic1", Password);
        var root = await host.SignedInClientAsync("root.idx", Password);
        var today = Common.VietnamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = await IndicatorsAsync(root, "IC1", today, today);

        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "1.001193",
            channel = "postal",
            receive = true,
            applicant = new { name = "Trần Văn Chỉ", phone = "0912000111" },
            documents = new[] { new { name = "Tờ khai đăng ký khai sinh", provided = true, digitised = true } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var after = await IndicatorsAsync(root, "IC1", today, today);
        Assert.Equal(Ratio(before["received"]).Item1 + 1, Ratio(after["received"]).Item1);
        Assert.Equal(Ratio(before["postalIntakeRate"]).Item1 + 1, Ratio(after["postalIntakeRate"]).Item1);

        var withdrawn = await desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdraw", new { reason = "Người nộp rút hồ sơ" });
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());
        Assert.Equal(Ratio(before["received"]).Item1, Ratio((await IndicatorsAsync(root, "IC1", today, today))["received"]).Item1);
        var facts = await host.WithServiceAsync<Indexes.Data.IndexesDbContext, int>(db => Task.FromResult(db.Facts.Count(f => f.Code == code)));
        Assert.Equal(0, facts);
    }

    [Fact]
    public async Task Counters_in_the_database_equal_a_recomputation_after_random_changes_and_folds()
    {
        await SeedAsync();
        var ids = new Dictionary<string, Guid>();
        // The other province's commune: its open dossiers must not leak into the figures the other tests check.
        foreach (var code in new[] { "IX", "IX1" })
        {
            ids[code] = (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync(code)))!.Id;
        }

        var random = new Random(766);
        var origin = new DateTime(2023, 11, 1);
        var current = new Dictionary<string, DossierFact>();
        for (var step = 0; step < 300; step++)
        {
            var code = "P-" + random.Next(60).ToString(CultureInfo.InvariantCulture);
            DossierFact? fact = null;
            if (random.Next(10) > 0)
            {
                var received = origin.AddHours(random.Next(24 * 150));
                var requests = random.Next(10) switch { < 7 => 0, < 9 => 1, _ => 2 };
                var asked = requests > 0 ? received.AddHours(random.Next(24 * 10)) : (DateTime?)null;
                var completed = random.Next(4) == 0 ? (DateTime?)null : received.AddHours(random.Next(24 * 40));
                fact = new DossierFact
                {
                    Code = code,
                    UnitId = ids["IX1"],
                    ProcedureCode = "1.001193",
                    Channel = (FactChannel)random.Next(3),
                    OnlineLevel = (FactOnlineLevel)random.Next(3),
                    ReceivedAt = received,
                    DueAt = received.AddHours(random.Next(1, 24 * 20)),
                    CompletedAt = completed,
                    ReturnedAt = completed?.AddHours(random.Next(48)),
                    ReturnChannel = completed is null ? null : (FactChannel)random.Next(3),
                    Apologies = random.Next(3) == 0 ? 1 : 0,
                    SupplementRequests = requests,
                    SupplementRequestedAt = asked,
                    SupplementedAt = asked is { } a && random.Next(3) > 0 ? a.AddHours(random.Next(24 * 8)) : null,
                    DocumentsTotal = random.Next(4),
                    FeeAmount = random.Next(2) * 50_000,
                    PaidOnline = random.Next(2) == 0,
                    Rating = completed is null || random.Next(3) == 0 ? null : (FactRating)random.Next(3),
                    SyncedToNationalPortal = random.Next(4) > 0,
                };
                fact = fact with { DocumentsDigitised = random.Next(fact.DocumentsTotal + 1), DocumentsReused = random.Next(fact.DocumentsTotal + 1) };
            }

            await using (var scope = host.App.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<Indexes.Data.IndexesDbContext>();
                var directory = scope.ServiceProvider.GetRequiredService<IUnitDirectory>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await IndexFeed.ApplyAsync(db, directory, code, fact, keepSynced: false, new IndexChange("test", null), TimeProvider.System, default);
                await transaction.CommitAsync();
            }

            if (fact is null)
            {
                current.Remove(code);
            }
            else
            {
                current[code] = fact;
            }

            if (random.Next(25) == 0)
            {
                await host.WithServiceAsync<IndexMaintenance, int>(m => m.FoldAsync());
            }

            if (step % 30 == 29)
            {
                foreach (var unit in new[] { "IX", "IX1" })
                {
                    var from = DateOnly.FromDateTime(origin).AddDays(random.Next(200));
                    var to = from.AddDays(random.Next(120));
                    var members = await host.WithServiceAsync<IUnitDirectory, IReadOnlySet<Guid>>(d => d.GetScopeAsync(ids[unit]));
                    var counted = await host.WithServiceAsync<Indexes.Data.IndexesDbContext, IReadOnlyList<IndicatorValue>>(async db =>
                        IndicatorFormulas.Compute(await Indexes.Data.IndexSql.SumAsync(db, ids[unit], members, from, to, default)));
                    var expected = RawIndicators.Compute(current.Values, from, to);
                    Assert.Equal(expected, counted);
                }
            }
        }
    }
}

public sealed class IndexesOnSqlite(SqliteHost host) : IndexesTests<SqliteHost>(host);

public sealed class IndexesOnPostgres(PostgresHost host) : IndexesTests<PostgresHost>(host);
