using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// Targets, manual figures, indicator-set versions, closed periods with their adjustments and the reports,
/// through HTTP on both databases. Historical dossiers come in through the JSON Lines import; one test
/// drives a dossier through the API on a fake clock that starts on Monday 3 March 2025, 09:00 in Vietnam
/// (only that test moves it). Each test uses its own months, so the order they run in does not matter.
/// </summary>
public abstract class IndexClosingTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private const string Catalogue = "code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate\n"
        + "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,2020-01-01,01,Đăng ký khai sinh đúng hạn,3,workingDays,0,,Tờ khai đăng ký khai sinh,1,0,\n";

    private FakeTimeProvider Clock => (FakeTimeProvider)host.App.Services.GetRequiredService<TimeProvider>();

    private async Task<HttpClient> SeedAsync(string user = "cp.root")
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("CP")) is null)
        {
            await host.WithServiceAsync<UnitAdministration, object>(async units =>
            {
                await units.CreateAsync(new NewUnit("CP", "Tỉnh Chỉ Số", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("CX1", "Xã Đúng Hạn", UnitKind.Commune, "CP", new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("CX2", "Phường Khóa Sổ", UnitKind.Ward, "CP", new DateOnly(2000, 1, 1)));
                return new object();
            });

            // The counters learn the new units now rather than at the background job's next round.
            await host.WithServiceAsync<Motcua.Indexes.IndexMaintenance, bool>(async maintenance =>
            {
                if (await maintenance.RefreshScopesAsync())
                {
                    await maintenance.RebuildAsync();
                }

                return true;
            });
            await host.CreateUserAsync("cp.root", Password, null, Roles.SystemAdmin);
            await host.CreateUserAsync("cp.reform1", Password, "CX1", Roles.ReformOfficer);
            await host.CreateUserAsync("cp.leader", Password, "CP", Roles.Leader);
            await host.CreateUserAsync("cp.desk1", Password, "CX1", Roles.ReceivingOfficer);
            await host.CreateUserAsync("cp.leader1", Password, "CX1", Roles.Leader);
            var root = await host.SignedInClientAsync("cp.root", Password);
            var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
            {
                { new StringContent(Catalogue, Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
            });
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
            var assign = await root.PutAsJsonAsync("/api/v1/units/CX1/procedures", new[] { new { procedureCode = "1.001193", departmentCode = "VP" } });
            Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
        }

        return await host.SignedInClientAsync(user, Password);
    }

    /// <summary>A historical dossier as a JSON line: received at 08:00 on a day, due three days later, completed after <paramref name="days"/> days.</summary>
    private static string Line(string code, string unit, string received, int days) =>
        JsonSerializer.Serialize(new
        {
            code,
            procedureCode = "1.001193",
            unitCode = unit,
            channel = "counter",
            receivedAt = received + "T08:00:00",
            dueAt = DateTime.Parse(received, CultureInfo.InvariantCulture).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T08:00:00",
            completedAt = DateTime.Parse(received, CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T08:00:00",
        });

    private static async Task ImportAsync(HttpClient client, params string[] lines)
    {
        var response = await client.PostAsync("/api/v1/dossiers/import", new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> ServiceAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/indexes/service?" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static JsonElement Indicator(JsonElement result, string code) =>
        result.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static decimal GroupPoints(JsonElement result, string group) =>
        result.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("code").GetString() == group).GetProperty("points").GetDecimal();

    [Fact]
    public async Task A_closed_period_keeps_its_published_figures_and_lists_the_corrections()
    {
        var root = await SeedAsync();
        await ImportAsync(
            root,
            Line("OCT-1", "CX1", "2024-10-07", 2),
            Line("OCT-2", "CX1", "2024-10-07", 2),
            Line("OCT-3", "CX1", "2024-10-08", 1),
            Line("OCT-4", "CX1", "2024-10-08", 7),
            Line("OCT-5", "CX2", "2024-10-08", 1));
        var before = await ServiceAsync(root, "unit=CX1&from=2024-10-01&to=2024-10-31");
        Assert.False(before.GetProperty("closed").GetBoolean());
        Assert.Equal(0.75, Indicator(before, "onTimeRate").GetProperty("value").GetDouble());

        var reform = await host.SignedInClientAsync("cp.reform1", Password);
        var desk = await host.SignedInClientAsync("cp.desk1", Password);
        var close = new { unit = "CX1", from = "2024-10-01", to = "2024-10-31", note = "Báo cáo tháng 10" };
        var closed = await reform.PostAsJsonAsync("/api/v1/indexes/periods/close", close);
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reform.PostAsJsonAsync("/api/v1/indexes/periods/close", close)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsJsonAsync("/api/v1/indexes/periods/close", close)).StatusCode);
        var notOver = await root.PostAsJsonAsync("/api/v1/indexes/periods/close", new { unit = "CX1", from = "2099-01-01", to = "2099-01-31" });
        Assert.Equal(HttpStatusCode.BadRequest, notOver.StatusCode);

        // The late dossier is corrected by a re-import: the published figure stays, the correction is listed.
        await ImportAsync(root, Line("OCT-4", "CX1", "2024-10-08", 2));
        var published = await ServiceAsync(reform, "unit=CX1&from=2024-10-01&to=2024-10-31");
        Assert.True(published.GetProperty("closed").GetBoolean());
        Assert.Equal("cp.reform1", published.GetProperty("closedBy").GetString());
        Assert.Equal(0.75, Indicator(published, "onTimeRate").GetProperty("value").GetDouble());
        var adjustment = Assert.Single(published.GetProperty("adjustments").EnumerateArray());
        Assert.Equal("OCT-4", adjustment.GetProperty("dossierCode").GetString());
        Assert.Equal("cp.root", adjustment.GetProperty("actor").GetString());
        Assert.Equal("Imported from another one-stop system", adjustment.GetProperty("reason").GetString());
        Assert.Contains(adjustment.GetProperty("shifts").EnumerateArray(), s => s.GetProperty("indicator").GetString() == "onTimeRate"
            && !s.GetProperty("before").GetProperty("inNumerator").GetBoolean() && s.GetProperty("after").GetProperty("inNumerator").GetBoolean());
        var moved = published.GetProperty("live").GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("indicator").GetString() == "onTimeRate");
        Assert.Equal(0.75, moved.GetProperty("published").GetDouble());
        Assert.Equal(1.0, moved.GetProperty("live").GetDouble());

        // Any other period is computed live.
        var other = await ServiceAsync(reform, "unit=CX1&from=2024-10-01&to=2024-10-30");
        Assert.False(other.GetProperty("closed").GetBoolean());
        Assert.Equal(1.0, Indicator(other, "onTimeRate").GetProperty("value").GetDouble());
        var periods = await reform.GetFromJsonAsync<JsonElement[]>("/api/v1/indexes/periods?unit=CX1");
        var period = Assert.Single(periods!, p => p.GetProperty("from").GetString() == "2024-10-01");
        Assert.Equal(1, period.GetProperty("adjustments").GetInt32());

        // The reports carry the published figures, the adjustment and, for the province, the ranking.
        var xlsx = await reform.GetAsync("/api/v1/indexes/reports/service?unit=CX1&period=2024-10&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            Assert.Contains("Chỉ số", MiniExcel.GetSheetNames(workbook));
            var rows = workbook.Query(useHeaderRow: true, sheetName: "Chỉ số").Cast<IDictionary<string, object?>>().ToList();
            var onTime = rows.Single(r => (string?)r["Mã chỉ số"] == "onTimeRate");
            Assert.Equal(75.0, Convert.ToDouble(onTime["Kết quả"], CultureInfo.InvariantCulture));
            Assert.Equal(3.0, Convert.ToDouble(onTime["Tử số"], CultureInfo.InvariantCulture));
            Assert.Equal(4.0, Convert.ToDouble(onTime["Mẫu số"], CultureInfo.InvariantCulture));
            Assert.Equal(95.0, Convert.ToDouble(onTime["Chỉ tiêu"], CultureInfo.InvariantCulture));
            Assert.Single(workbook.Query(useHeaderRow: true, sheetName: "Điều chỉnh sau khóa").Cast<IDictionary<string, object?>>(), r => (string?)r["Hồ sơ / chỉ số"] == "OCT-4");
        }

        var docx = await reform.GetAsync("/api/v1/indexes/reports/service?unit=CX1&period=2024-10&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var text = DocxText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("UBND XÃ ĐÚNG HẠN", text, StringComparison.Ordinal);
        Assert.Contains("Số: ……/BC-UBND", text, StringComparison.Ordinal);
        Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
        Assert.Contains("tháng 10 năm 2024", text, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn", text, StringComparison.Ordinal);
        Assert.Contains("75%", text, StringComparison.Ordinal);
        Assert.Contains("ĐIỀU CHỈNH SAU KHI KHÓA SỐ LIỆU", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        Assert.Contains("CHỦ TỊCH", text, StringComparison.Ordinal);

        var province = await root.GetAsync("/api/v1/indexes/reports/service?unit=CP&period=2024-Q4&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, province.StatusCode);
        using (var workbook = new MemoryStream(await province.Content.ReadAsByteArrayAsync()))
        {
            var ranking = workbook.Query(useHeaderRow: true, sheetName: "Xếp hạng đơn vị").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(["CX1", "CX2"], ranking.Select(r => (string?)r["Mã đơn vị"]).Order());
        }

        // The officer's page lists the closed period and the year's targets in Vietnamese.
        var page = await reform.GetAsync("/indexes/closing?unit=CX1&year=2024");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Các kỳ đã khóa số liệu", html, StringComparison.Ordinal);
        Assert.Contains("period=2024-10&format=docx", html, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await root.GetAsync("/admin/indicator-sets")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await reform.GetAsync("/admin/indicator-sets")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await root.GetAsync("/api/v1/indexes/reports/service?unit=CP&period=2024-13&format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await root.GetAsync("/api/v1/indexes/reports/service?unit=CP&period=2024-Q4&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task A_dossier_cancelled_after_its_month_was_closed_is_an_adjustment_with_who_and_why()
    {
        await SeedAsync();
        Clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero));
        var desk = await host.SignedInClientAsync("cp.desk1", Password);
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "1.001193",
            channel = "counter",
            applicant = new { name = "Trần Văn Khóa", identityNumber = "017190009999", phone = "0912000111" },
            documents = new[] { new { name = "Tờ khai đăng ký khai sinh", provided = true, digitised = true } },
            receive = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        Clock.SetUtcNow(new DateTimeOffset(2025, 4, 1, 2, 0, 0, TimeSpan.Zero));
        var leader = await host.SignedInClientAsync("cp.leader", Password);
        var close = await leader.PostAsJsonAsync("/api/v1/indexes/periods/close", new { unit = "CX1", from = "2025-03-01", to = "2025-03-31" });
        Assert.Equal(HttpStatusCode.Created, close.StatusCode);

        var leader1 = await host.SignedInClientAsync("cp.leader1", Password);
        var cancel = await leader1.PostAsJsonAsync($"/api/v1/dossiers/{code}/cancel", new { reason = "Hồ sơ nhập trùng" });
        Assert.True(cancel.IsSuccessStatusCode, await cancel.Content.ReadAsStringAsync());

        var published = await ServiceAsync(leader, "unit=CX1&from=2025-03-01&to=2025-03-31");
        Assert.True(published.GetProperty("closed").GetBoolean());
        Assert.Equal(1, Indicator(published, "received").GetProperty("value").GetDouble());
        var adjustment = Assert.Single(published.GetProperty("adjustments").EnumerateArray());
        Assert.Equal(code, adjustment.GetProperty("dossierCode").GetString());
        Assert.Equal("cp.leader1", adjustment.GetProperty("actor").GetString());
        Assert.Equal("action:cancel", adjustment.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, adjustment.GetProperty("after").ValueKind);
        Assert.Contains(adjustment.GetProperty("shifts").EnumerateArray(), s => s.GetProperty("indicator").GetString() == "received");
        var live = published.GetProperty("live").GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("indicator").GetString() == "received");
        Assert.Equal(0, live.GetProperty("live").GetDouble());

        // The page of the period's adjustments shows the same correction, in Vietnamese, to a leader above it.
        var periodId = (await close.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await leader.GetAsync($"/indexes/closing/periods/{periodId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Điều chỉnh sau khóa kỳ", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/dossiers/{code}\"", html, StringComparison.Ordinal);
        Assert.Contains("cp.leader1", html, StringComparison.Ordinal);
        Assert.Contains("Hủy hồ sơ", html, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ tiếp nhận: thuộc tử số → không được tính", html, StringComparison.Ordinal);
        var closingPage = WebUtility.HtmlDecode(await (await leader.GetAsync("/indexes/closing?unit=CX1&year=2025")).Content.ReadAsStringAsync());
        Assert.Contains($"href=\"/indexes/closing/periods/{periodId}\"", closingPage, StringComparison.Ordinal);

        // Another period id, or one outside the caller's units, is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/indexes/closing/periods/{Guid.NewGuid()}")).StatusCode);
        await host.CreateUserAsync("cp.leader2", Password, "CX2", Roles.Leader);
        var otherWard = await host.SignedInClientAsync("cp.leader2", Password);
        Assert.Equal(HttpStatusCode.NotFound, (await otherWard.GetAsync($"/indexes/closing/periods/{periodId}")).StatusCode);
    }

    [Fact]
    public async Task A_new_indicator_set_version_changes_the_points_only_from_its_effective_date()
    {
        var root = await SeedAsync();
        await ImportAsync(
            root,
            Line("SET-N1", "CX2", "2024-11-04", 1),
            Line("SET-N2", "CX2", "2024-11-04", 1),
            Line("SET-N3", "CX2", "2024-11-05", 1),
            Line("SET-N4", "CX2", "2024-11-05", 9),
            Line("SET-J1", "CX2", "2025-01-06", 1),
            Line("SET-J2", "CX2", "2025-01-06", 1),
            Line("SET-J3", "CX2", "2025-01-07", 1),
            Line("SET-J4", "CX2", "2025-01-07", 9));
        var versions = await root.GetFromJsonAsync<JsonElement[]>("/api/v1/indexes/indicator-sets");
        var current = versions!.Last(v => v.GetProperty("code").GetString() == "766");
        var detail = await root.GetFromJsonAsync<JsonElement>($"/api/v1/indexes/indicator-sets/{current.GetProperty("id").GetString()}");
        var definition = JsonNode.Parse(detail.GetProperty("definition").GetRawText())!;

        // Full progress points from 80 % on time instead of 100 %.
        var progress = definition["groups"]!.AsArray().Single(g => (string?)g!["code"] == "progress")!;
        progress["items"]![0]!["fullAt"] = 0.8;
        var reform = await host.SignedInClientAsync("cp.reform1", Password);
        var forbidden = await reform.PostAsJsonAsync("/api/v1/indexes/indicator-sets", new { code = "766", effectiveFrom = "2024-12-01", definition });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var broken = JsonNode.Parse(definition.ToJsonString())!;
        broken["groups"]![0]!["maxPoints"] = 99;
        var rejected = await root.PostAsJsonAsync("/api/v1/indexes/indicator-sets", new { code = "766", effectiveFrom = "2024-12-01", definition = broken });
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("publicity", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooEarly = await root.PostAsJsonAsync("/api/v1/indexes/indicator-sets", new { code = "766", effectiveFrom = "2020-01-01", definition });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal(versions!.Length, (await root.GetFromJsonAsync<JsonElement[]>("/api/v1/indexes/indicator-sets"))!.Length);

        var added = await root.PostAsJsonAsync("/api/v1/indexes/indicator-sets", new { code = "766", effectiveFrom = "2024-12-01", definition });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var november = await ServiceAsync(root, "unit=CX2&from=2024-11-01&to=2024-11-30");
        var january = await ServiceAsync(root, "unit=CX2&from=2025-01-01&to=2025-01-31");
        Assert.Equal(0.75, Indicator(november, "onTimeRate").GetProperty("value").GetDouble());
        Assert.Equal(0.75, Indicator(january, "onTimeRate").GetProperty("value").GetDouble());
        Assert.Equal(15m, GroupPoints(november, "progress"));
        Assert.Equal(18.75m, GroupPoints(january, "progress"));
        Assert.Equal("2024-12-01", january.GetProperty("indicatorSetEffectiveFrom").GetString());

        // A province adds its own set the same way and asks for it by code.
        var provincial = new
        {
            code = "GL",
            effectiveFrom = "2024-01-01",
            definition = new
            {
                name = "Bộ chỉ số của tỉnh",
                groups = new[] { new { code = "speed", name = "Tiến độ", maxPoints = 10, items = new[] { new { indicator = "onTimeRate", maxPoints = 10, fullAt = 1 } } } },
                defaultTargets = new Dictionary<string, double> { ["onTimeRate"] = 0.9 },
                bands = new[] { new { minPoints = 0, name = "Đạt" } },
            },
        };
        Assert.Equal(HttpStatusCode.Created, (await root.PostAsJsonAsync("/api/v1/indexes/indicator-sets", provincial)).StatusCode);
        var own = await ServiceAsync(root, "unit=CX2&from=2025-01-01&to=2025-01-31&set=GL");
        Assert.Equal("GL", own.GetProperty("indicatorSet").GetString());
        Assert.Equal(7.5m, own.GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, (await root.GetAsync("/api/v1/indexes/service?unit=CX2&from=2025-01-01&to=2025-01-31&set=NOPE")).StatusCode);
    }

    [Fact]
    public async Task A_targets_file_is_imported_whole_or_not_at_all_and_the_variance_is_shown()
    {
        var root = await SeedAsync();
        await ImportAsync(root, Line("TGT-1", "CX1", "2023-05-08", 1), Line("TGT-2", "CX1", "2023-05-08", 2));
        var reform = await host.SignedInClientAsync("cp.reform1", Password);
        static MultipartFormDataContent File(string csv) => new() { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "targets.csv" } };

        var bad = await reform.PostAsync("/api/v1/indexes/targets/import", File("unit,indicator,year,value,note\nCX1,onTimeRate,2023,90%,Nghị quyết\nCX1,received,2023,120,\nCX2,onTimeRate,2023,0.99,\nCX1,nothing,2023,0.5,\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var rows = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("4", rows[0], StringComparison.Ordinal);
        Assert.Contains("CX2", rows[0], StringComparison.Ordinal);
        Assert.Contains("5", rows[1], StringComparison.Ordinal);
        Assert.Contains("nothing", rows[1], StringComparison.Ordinal);
        var untouched = await reform.GetFromJsonAsync<JsonElement>("/api/v1/indexes/targets?unit=CX1&year=2023");
        var defaultTarget = untouched.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("indicator").GetString() == "onTimeRate");
        Assert.Equal("default", defaultTarget.GetProperty("source").GetString());
        Assert.Equal(0.95, defaultTarget.GetProperty("target").GetDouble());

        var good = await reform.PostAsync("/api/v1/indexes/targets/import", File("unit,indicator,year,value,note\nCX1,onTimeRate,2023,90%,Nghị quyết\nCX1,received,2023,120,\n"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var targets = await reform.GetFromJsonAsync<JsonElement>("/api/v1/indexes/targets?unit=CX1&year=2023");
        var onTime = targets.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("indicator").GetString() == "onTimeRate");
        Assert.Equal("unit", onTime.GetProperty("source").GetString());
        Assert.Equal(0.9, onTime.GetProperty("target").GetDouble(), 6);
        Assert.Equal(1.0, onTime.GetProperty("actual").GetDouble());
        Assert.Equal(0.1, onTime.GetProperty("variance").GetDouble(), 6);
        var may = await ServiceAsync(reform, "unit=CX1&from=2023-05-01&to=2023-05-31");
        Assert.Equal(0.9, Indicator(may, "onTimeRate").GetProperty("target").GetDouble(), 6);
        Assert.Equal(0.1, Indicator(may, "onTimeRate").GetProperty("variance").GetDouble(), 6);

        Assert.Equal(HttpStatusCode.BadRequest, (await reform.PutAsJsonAsync("/api/v1/indexes/targets", new { unit = "CX1", indicator = "onTimeRate", year = 2023, value = 1.5 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reform.PutAsJsonAsync("/api/v1/indexes/targets", new { unit = "CX2", indicator = "onTimeRate", year = 2023, value = 0.9 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reform.PutAsJsonAsync("/api/v1/indexes/targets", new { unit = "CX1", indicator = "onlineRate", year = 2023, value = 0.7 })).StatusCode);
        var desk = await host.SignedInClientAsync("cp.desk1", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PutAsJsonAsync("/api/v1/indexes/targets", new { unit = "CX1", indicator = "onlineRate", year = 2023, value = 0.7 })).StatusCode);
    }

    [Fact]
    public async Task A_manual_figure_with_its_evidence_counts_for_its_month()
    {
        await SeedAsync();
        var reform = await host.SignedInClientAsync("cp.reform1", Password);
        var saved = await reform.PutAsJsonAsync("/api/v1/indexes/manual-values", new
        {
            unit = "CX1",
            indicator = "proceduresPublishedOnTime",
            month = "2023-08",
            numerator = 9,
            denominator = 10,
            evidence = "Quyết định công bố số 123/QĐ-UBND",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var august = await ServiceAsync(reform, "unit=CX1&from=2023-08-01&to=2023-08-31");
        var figure = Indicator(august, "proceduresPublishedOnTime");
        Assert.Equal(0.9, figure.GetProperty("value").GetDouble(), 6);
        Assert.Equal("manual", figure.GetProperty("source").GetString());
        Assert.Equal(5.4m, figure.GetProperty("points").GetDecimal());

        var pdf = Motcua.UnitTests.Common.SampleFiles.Pdf();
        var upload = await reform.PostAsync($"/api/v1/indexes/manual-values/{id}/evidence", new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "cong-bo.pdf" } });
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(pdf, await reform.GetByteArrayAsync($"/api/v1/indexes/manual-values/{id}/evidence"));
        var fake = await reform.PostAsync($"/api/v1/indexes/manual-values/{id}/evidence", new MultipartFormDataContent { { new ByteArrayContent("MZ not a pdf"u8.ToArray()), "file", "cong-bo.pdf" } });
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);

        var dossierIndicator = await reform.PutAsJsonAsync("/api/v1/indexes/manual-values", new { unit = "CX1", indicator = "onTimeRate", month = "2023-08", numerator = 1, denominator = 1, evidence = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, dossierIndicator.StatusCode);
        var noEvidence = await reform.PutAsJsonAsync("/api/v1/indexes/manual-values", new { unit = "CX1", indicator = "proceduresUpdatedOnTime", month = "2023-08", numerator = 1, denominator = 1, evidence = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        var list = await reform.GetFromJsonAsync<JsonElement[]>("/api/v1/indexes/manual-values?unit=CX1&year=2023");
        var only = Assert.Single(list!);
        Assert.Equal("cong-bo.pdf", only.GetProperty("evidenceFile").GetString());
    }

    private static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}

/// <summary>The application with a fake clock (Monday 3 March 2025, 09:00 in Vietnam), which one test moves forward.</summary>
public sealed class IndexClockedSqliteHost : SqliteHost
{
    protected override void ReplaceServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero)));
}

public sealed class IndexClockedPostgresHost : PostgresHost
{
    protected override void ReplaceServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero)));
}

public sealed class IndexClosingOnSqlite(IndexClockedSqliteHost host) : IndexClosingTests<IndexClockedSqliteHost>(host);

public sealed class IndexClosingOnPostgres(IndexClockedPostgresHost host) : IndexClosingTests<IndexClockedPostgresHost>(host);
