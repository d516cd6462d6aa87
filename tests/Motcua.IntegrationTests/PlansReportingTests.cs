using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;
using Motcua.Notifications.Data;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;
using Motcua.Plans;
using Motcua.Plans.Data;
using Motcua.Plans.Deadlines;
using Motcua.Plans.Escalation;
using Motcua.Plans.WeeklyReports;

namespace Motcua.IntegrationTests;

/// <summary>
/// The reporting side of plans on both databases: the Friday job with a fake clock (a normal Friday, a
/// holiday Friday, a second run), the escalation ladder day by day, the weekly report downloads read back,
/// and unit targets (entry, an import with a bad row, the below-target listing, a live dossier figure).
/// </summary>
public abstract class PlansReportingTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost, IClockedHost
{
    private const string Password = "Passw0rdLong";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private async Task<Dictionary<string, Guid>> SeedAsync()
    {
        var ids = new Dictionary<string, Guid>();
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("RP")) is null)
        {
            host.Clock.SetVietnamTime(new DateTime(2025, 1, 2, 9, 0, 0));
            await host.WithServiceAsync<UnitAdministration, object>(async units =>
            {
                await units.CreateAsync(new NewUnit("RP", "Tỉnh Cải Cách", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("RA", "Xã Phước Hưng", UnitKind.Commune, "RP", new DateOnly(2020, 1, 1)));
                await units.CreateAsync(new NewUnit("RB", "Xã Phước Hiệp", UnitKind.Commune, "RP", new DateOnly(2020, 1, 1)));
                await units.CreateAsync(new NewUnit("RC", "Xã Phước Nghĩa", UnitKind.Commune, "RP", new DateOnly(2020, 1, 1)));
                await units.CreateAsync(new NewUnit("RD", "Xã Phước Lộc", UnitKind.Commune, "RP", new DateOnly(2020, 1, 1)));
                await units.CreateAsync(new NewUnit("RE", "Xã Phước Thuận", UnitKind.Commune, "RP", new DateOnly(2020, 1, 1)));
                return new object();
            });
            await UserAsync("root.rp", null, null, Roles.SystemAdmin);
            await UserAsync("ro.rp", "RP", "ro.rp@example.vn", Roles.ReformOfficer);
            await UserAsync("ct.rp", "RP", "ct.rp@example.vn", Roles.Leader);
            await UserAsync("ld.ra", "RA", "ld.ra@example.vn", Roles.Leader);
            await UserAsync("cv.ra", "RA", "cv.ra@example.vn", Roles.Specialist);
            await UserAsync("ld.rb", "RB", "ld.rb@example.vn", Roles.Leader);
            await UserAsync("cv.rc", "RC", null, Roles.Specialist);
            await UserAsync("ld.rd", "RD", "ld.rd@example.vn", Roles.Leader);
            await UserAsync("ld.re", "RE", "ld.re@example.vn", Roles.Leader);
        }

        foreach (var code in new[] { "RP", "RA", "RB", "RC", "RD", "RE" })
        {
            ids[code] = (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync(code)))!.Id;
        }

        return ids;
    }

    private Task<object> UserAsync(string name, string? unit, string? email, string role) =>
        host.WithServiceAsync<UserAdministration, object>(async users =>
        {
            await users.CreateAsync(new UserInput(name, name, email, unit, null, [role]), Password);
            return new object();
        });

    private sealed record TaskSeed(string Unit, DateOnly Due, string? Responsible = null, (DateTime At, TaskProgress Progress, int Percent)? Report = null);

    /// <summary>A plan of the province with tasks (date deadlines) and reports posted at given times.</summary>
    private async Task<List<Guid>> PlanAsync(Dictionary<string, Guid> ids, string number, DateOnly issuedOn, params TaskSeed[] tasks)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlansDbContext>();
        var now = issuedOn.ToDateTime(new TimeOnly(9, 0));
        var plan = Plan.Create(new PlanFields(number, ids["RP"], issuedOn, "Kế hoạch cải cách hành chính " + number, null, issuedOn.Year), "ro.rp", now);
        db.Plans.Add(plan);
        var list = new List<Guid>();
        var n = 0;
        foreach (var seed in tasks)
        {
            var task = PlanTask.Create(plan, new TaskFields(
                (++n).ToString(Invariant), null, "Nhiệm vụ " + n + " của " + number, new UnitRef(ids[seed.Unit], null), [], seed.Responsible, TaskDeadline.OnDate(seed.Due), null, TaskPriority.Normal, []), "ro.rp", now);
            db.Tasks.Add(task);
            if (seed.Report is { } report)
            {
                db.Reports.Add(task.Report(new ReportFields(report.Progress, report.Percent, "Đã triển khai", null), "ld." + seed.Unit.ToLowerInvariant(), report.At));
            }

            list.Add(task.Id);
        }

        await db.SaveChangesAsync();
        return list;
    }

    private async Task<List<(string Recipient, string Subject, string Body, string? Key)>> OutboxAsync(string keyPrefix)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        return (await db.Outbox.AsNoTracking().Where(m => m.DeduplicationKey!.StartsWith(keyPrefix)).ToListAsync())
            .Select(m => (m.Recipient, m.Subject, m.Body, m.DeduplicationKey)).OrderBy(m => m.Recipient, StringComparer.Ordinal).ToList();
    }

    private async Task<int> InboxCountAsync(string keyPrefix)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Inbox.CountAsync(i => i.DeduplicationKey.StartsWith(keyPrefix));
    }

    private Task<string> RunWeeklyAsync() => host.WithServiceAsync<WeeklyReportRun, string>(run => run.RunDueAsync(default));

    private Task<string> RunRemindersAsync() => host.WithServiceAsync<ReminderRun, string>(run => run.RunDueAsync(default));

    [Fact]
    public async Task The_friday_job_asks_the_units_produces_the_report_once_and_it_downloads_with_the_figures()
    {
        var ids = await SeedAsync();
        host.Clock.SetVietnamTime(new DateTime(2026, 11, 2, 9, 0, 0));
        await PlanAsync(ids, "48/KH-UBND", new DateOnly(2026, 11, 2),
            new TaskSeed("RD", new DateOnly(2026, 11, 26)),
            new TaskSeed("RD", new DateOnly(2026, 12, 31), Report: (new DateTime(2026, 11, 25, 10, 0, 0), TaskProgress.InProgress, 40)),
            new TaskSeed("RE", new DateOnly(2026, 12, 31)),
            new TaskSeed("RE", new DateOnly(2026, 11, 20), Report: (new DateTime(2026, 11, 19, 15, 0, 0), TaskProgress.Done, 100)));

        // Thursday: the latest slot is last Friday (2026-W47), caught up, e.g. after a restart.
        host.Clock.SetVietnamTime(new DateTime(2026, 11, 26, 16, 0, 0));
        Assert.StartsWith("week 2026-W47", await RunWeeklyAsync());

        // Friday 27/11/2026 09:00, after the 08:00 slot.
        host.Clock.SetVietnamTime(new DateTime(2026, 11, 27, 9, 0, 0));
        Assert.StartsWith("week 2026-W48", await RunWeeklyAsync());
        var asked = await OutboxAsync("plans:weekly:2026-W48:unit:");
        // Units of other tests' plans are asked too; this plan's units are asked once each.
        Assert.Single(asked, m => m.Recipient == "ld.rd@example.vn");
        Assert.Contains("trước ngày 27/11/2026", Assert.Single(asked, m => m.Recipient == "ld.re@example.vn").Body);
        var told = await OutboxAsync("plans:weekly:2026-W48:report:");
        Assert.Equal(["ct.rp@example.vn", "ro.rp@example.vn"], told.Select(m => m.Recipient));
        var inbox = await InboxCountAsync("plans:weekly:2026-W48:unit:");
        Assert.Equal(asked.Count, inbox);

        // A second run the same week enqueues nothing more (and produces nothing more).
        host.Clock.SetVietnamTime(new DateTime(2026, 11, 27, 15, 0, 0));
        Assert.Equal("week 2026-W48 already done", await RunWeeklyAsync());
        await host.WithServiceAsync<WeeklyReportRun, string>(run => run.RunAsync(new DateOnly(2026, 11, 27), default));
        Assert.Equal(asked.Count, (await OutboxAsync("plans:weekly:2026-W48:unit:")).Count);
        Assert.Equal(inbox, await InboxCountAsync("plans:weekly:2026-W48:unit:"));

        var officer = await host.SignedInClientAsync("ro.rp", Password);
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/plans/weekly-reports");
        var report = list.EnumerateArray().Single(r => r.GetProperty("week").GetString() == "2026-W48" && r.GetProperty("unit").GetString() == "RP");
        var id = report.GetProperty("id").GetString();

        var xlsx = await officer.GetAsync($"/api/v1/plans/weekly-reports/{id}?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var rows = stream.Query(useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Đơn vị"]!);
            Assert.Equal(1d, Number(rows["Xã Phước Lộc"]["Quá hạn"]));
            Assert.Equal(1d, Number(rows["Xã Phước Lộc"]["Đúng tiến độ"]));
            Assert.Equal(0d, Number(rows["Xã Phước Lộc"]["Chưa báo cáo"]));
            Assert.Equal(1d, Number(rows["Xã Phước Thuận"]["Chưa báo cáo"]));
            Assert.Equal(1d, Number(rows["Xã Phước Thuận"]["Hoàn thành"]));
            Assert.Equal(2d, Number(rows["Xã Phước Thuận"]["Tổng số nhiệm vụ"]));
            stream.Position = 0;
            var lines = stream.Query(useHeaderRow: true, sheetName: "Nhiệm vụ").Cast<IDictionary<string, object?>>().Where(r => (string?)r["Đơn vị"] == "Xã Phước Lộc").ToList();
            Assert.Contains(lines, l => (string?)l["Tình trạng"] == "Đúng tiến độ" && (string?)l["Nội dung báo cáo"] == "Đã triển khai" && (string?)l["Báo cáo gần nhất"] == "25/11/2026");
            Assert.Equal(rows.Values.Where(r => (string?)r["Đơn vị"] != "Tổng cộng").Sum(r => Number(r["Tổng số nhiệm vụ"])), Number(rows["Tổng cộng"]["Tổng số nhiệm vụ"]));
        }

        var docx = await officer.GetAsync($"/api/v1/plans/weekly-reports/{id}?format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var package = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = package.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Số: ……/BC-UBND", text);
            Assert.Contains("Tiến độ thực hiện nhiệm vụ cải cách hành chính tuần 48 năm 2026", text);
            Assert.Contains("Xã Phước Lộc (1 quá hạn, 0 chưa báo cáo)", text);
            Assert.Contains("Xã Phước Thuận (0 quá hạn, 1 chưa báo cáo)", text);
        }

        // The page lists it with its downloads; the unit head has the request in the app, unread in the header.
        var page = await officer.GetStringAsync("/ke-hoach/bao-cao-tuan");
        Assert.Contains($"/api/v1/plans/weekly-reports/{id}?format=docx", page);
        var unitHead = await host.SignedInClientAsync("ld.rd", Password);
        // Two requests unread: the week 47 one caught up on Thursday and this week's.
        Assert.Equal("2", await unitHead.GetStringAsync("/thong-bao?handler=Count"));
        Assert.Contains("Báo cáo tiến độ tuần 48/2026", await unitHead.GetStringAsync("/thong-bao"));

        // Another unit's user does not see the province's report.
        await UserAsync("cv.rc2", "RC", null, Roles.Specialist);
        var outsider = await host.SignedInClientAsync("cv.rc2", Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/plans/weekly-reports/{id}?format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task A_holiday_friday_still_runs_on_the_friday_and_the_units_answer_by_the_next_working_day()
    {
        var ids = await SeedAsync();
        host.Clock.SetVietnamTime(new DateTime(2026, 4, 1, 9, 0, 0));
        await PlanAsync(ids, "18/KH-UBND", new DateOnly(2026, 4, 1), new TaskSeed("RB", new DateOnly(2026, 6, 30)));

        // Friday 1 May 2026 is Labour Day.
        host.Clock.SetVietnamTime(new DateTime(2026, 5, 1, 8, 30, 0));
        Assert.StartsWith("week 2026-W18", await RunWeeklyAsync());

        var asked = await OutboxAsync("plans:weekly:2026-W18:unit:");
        var rb = Assert.Single(asked, m => m.Recipient == "ld.rb@example.vn");
        Assert.Contains("trước ngày 04/05/2026", rb.Body);
        Assert.Equal("week 2026-W18 already done", await RunWeeklyAsync());
    }

    [Fact]
    public async Task Reminders_climb_the_ladder_one_step_a_day_each_sent_once()
    {
        var ids = await SeedAsync();
        host.Clock.SetVietnamTime(new DateTime(2026, 2, 2, 9, 0, 0));
        // Due Friday 13/3/2026; the responsible person is named and is a user of the lead unit.
        var task = (await PlanAsync(ids, "12/KH-UBND", new DateOnly(2026, 2, 2), new TaskSeed("RA", new DateOnly(2026, 3, 13), Responsible: "cv.ra")))[0];
        var prefix = $"plans:task:{task:N}:";
        var expected = new (string Day, string[] Recipients)[]
        {
            ("2026-03-09", []),
            ("2026-03-10", ["cv.ra@example.vn"]), // 3 working days before: the responsible person.
            ("2026-03-12", ["cv.ra@example.vn"]),
            ("2026-03-13", ["cv.ra@example.vn", "cv.ra@example.vn"]), // due day: the responsible person again.
            ("2026-03-14", ["cv.ra@example.vn", "cv.ra@example.vn"]), // Saturday: not a working day overdue yet.
            ("2026-03-16", ["cv.ra@example.vn", "cv.ra@example.vn", "ld.ra@example.vn"]), // 1 working day overdue: the head.
            ("2026-03-18", ["ct.rp@example.vn", "cv.ra@example.vn", "cv.ra@example.vn", "ld.ra@example.vn", "ro.rp@example.vn"]), // 3: reform officer and chairman.
            ("2026-03-25", ["ct.rp@example.vn", "cv.ra@example.vn", "cv.ra@example.vn", "ld.ra@example.vn", "ro.rp@example.vn"]),
        };
        foreach (var (day, recipients) in expected)
        {
            host.Clock.SetVietnamTime(DateTime.Parse(day, Invariant).AddHours(7.5));
            await RunRemindersAsync();
            Assert.Equal(recipients, (await OutboxAsync(prefix)).Select(m => m.Recipient));
            Assert.StartsWith("reminders of " + day + " already done", await RunRemindersAsync());
        }

        var overdue = (await OutboxAsync(prefix)).Single(m => m.Key!.Contains(":overdue-1:", StringComparison.Ordinal));
        Assert.StartsWith("Quá hạn: nhiệm vụ 1 của Kế hoạch số 12/KH-UBND", overdue.Subject);

        // The head's record for the year counts the overdue task and the escalations.
        var head = await host.SignedInClientAsync("ld.ra", Password);
        var record = (await head.GetFromJsonAsync<JsonElement>("/api/v1/plans/accountability?year=2026")).EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "RA");
        Assert.True(record.GetProperty("overdue").GetInt32() >= 1);
        Assert.True(record.GetProperty("escalations").GetInt32() >= 2);
    }

    [Fact]
    public async Task Unit_targets_entry_import_below_target_and_a_live_dossier_figure()
    {
        var ids = await SeedAsync();
        host.Clock.SetVietnamTime(new DateTime(2025, 12, 15, 9, 0, 0));
        var officer = await host.SignedInClientAsync("ro.rp", Password);

        foreach (var unit in new[] { "RA", "RB", "RC" })
        {
            var set = await officer.PutAsJsonAsync("/api/v1/plans/targets", new { unit, indicator = "digitalSigningRate", period = "2025", target = "100%" });
            Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        }

        var figure = await officer.PutAsJsonAsync("/api/v1/plans/targets/figures", new { unit = "RA", indicator = "digitalSigningRate", period = "2025", value = "92%", evidence = "Báo cáo ký số tháng 11 của Văn phòng" });
        Assert.True(figure.IsSuccessStatusCode, await figure.Content.ReadAsStringAsync());
        var noEvidence = await officer.PutAsJsonAsync("/api/v1/plans/targets/figures", new { unit = "RB", indicator = "digitalSigningRate", period = "2025", value = "80%" });
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);

        // An import with one bad row changes nothing; the errors name the row.
        var bad = await ImportAsync(officer, "unit,indicator,period,target,value,evidence\nRB,digitalSigningRate,2025,,80%,Sổ theo dõi văn bản đi\nRC,digitalSigningRate,2025,,abc,Sổ theo dõi\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("3", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
        var standings = await officer.GetFromJsonAsync<JsonElement>("/api/v1/plans/targets?indicator=digitalSigningRate&period=2025");
        Assert.Equal(JsonValueKind.Null, standings.EnumerateArray().Single(s => s.GetProperty("unit").GetString() == "RB").GetProperty("figure").ValueKind);

        var good = await ImportAsync(officer, "unit,indicator,period,target,value,evidence\nRB,digitalSigningRate,2025,,80%,Sổ theo dõi văn bản đi\nRC,digitalSigningRate,2025,,100%,Sổ theo dõi\n");
        Assert.True(good.IsSuccessStatusCode, await good.Content.ReadAsStringAsync());

        var below = await officer.GetFromJsonAsync<JsonElement>("/api/v1/plans/targets/below?indicator=digitalSigningRate&period=2025");
        Assert.Equal(["RB", "RA"], below.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()));
        Assert.Equal(
            "Các cơ quan, đơn vị chưa đạt chỉ tiêu tỷ lệ văn bản đi được ký số (100%) năm 2025: Xã Phước Hiệp (80%); Xã Phước Hưng (92%).",
            below.GetProperty("sentence").GetString());

        Assert.Contains("Xã Phước Hiệp (80%); Xã Phước Hưng (92%)", await officer.GetStringAsync("/ke-hoach/chi-tieu?indicator=digitalSigningRate&period=2025"));

        // A dossier indicator reads the live figure; it cannot be typed.
        await DossiersAsync();
        var live = await officer.PutAsJsonAsync("/api/v1/plans/targets", new { unit = "RA", indicator = "onlineRate", period = "2025-03", target = "80%" });
        Assert.True(live.IsSuccessStatusCode, await live.Content.ReadAsStringAsync());
        var standing = await live.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0.5, standing.GetProperty("figure").GetDouble(), 6);
        Assert.Equal("50%", standing.GetProperty("figureText").GetString());
        Assert.False(standing.GetProperty("met").GetBoolean());
        Assert.Equal("dossiers", standing.GetProperty("source").GetString());
        var typed = await officer.PutAsJsonAsync("/api/v1/plans/targets/figures", new { unit = "RA", indicator = "onlineRate", period = "2025-03", value = "90%", evidence = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);

        // Evidence files: type read from the whole content.
        var figureId = standings.EnumerateArray().Single(s => s.GetProperty("unit").GetString() == "RA").GetProperty("figureId").GetString();
        var fake = await officer.PostAsync($"/api/v1/plans/targets/figures/{figureId}/evidence", new MultipartFormDataContent { { new ByteArrayContent("not a pdf"u8.ToArray()), "file", "bao-cao.pdf" } });
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        var pdf = await officer.PostAsync($"/api/v1/plans/targets/figures/{figureId}/evidence", new MultipartFormDataContent { { new ByteArrayContent(Motcua.UnitTests.Common.SampleFiles.Pdf()), "file", "bao-cao.pdf" } });
        Assert.True(pdf.IsSuccessStatusCode, await pdf.Content.ReadAsStringAsync());
        Assert.Equal(Motcua.UnitTests.Common.SampleFiles.Pdf(), await officer.GetByteArrayAsync($"/api/v1/plans/targets/figures/{figureId}/evidence"));
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv) =>
        client.PostAsync("/api/v1/plans/targets/import", new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "targets.csv" } });

    /// <summary>Two dossiers of March 2025 at RA, one online: an online rate of 50%.</summary>
    private async Task DossiersAsync()
    {
        var root = await host.SignedInClientAsync("root.rp", Password);
        const string Catalogue = "code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate\n"
            + "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,2025-01-01,01,Đăng ký khai sinh đúng hạn,3,workingDays,0,,Tờ khai đăng ký khai sinh,1,0,\n";
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent { { new StringContent(Catalogue, Encoding.UTF8, "text/csv"), "file", "catalogue.csv" } });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        const string Lines = """
            {"code":"RA-001","procedureCode":"1.001193","unitCode":"RA","channel":"online","onlineLevel":"full","receivedAt":"2025-03-03T08:15:00","dueAt":"2025-03-06T08:15:00","completedAt":"2025-03-04T10:00:00","fee":{"amount":0,"paidOnline":false}}
            {"code":"RA-002","procedureCode":"1.001193","unitCode":"RA","channel":"counter","onlineLevel":"none","receivedAt":"2025-03-04T08:15:00","dueAt":"2025-03-07T08:15:00","completedAt":"2025-03-05T10:00:00","fee":{"amount":0,"paidOnline":false}}
            """;
        var dossiers = await root.PostAsync("/api/v1/dossiers/import", new StringContent(Lines, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(dossiers.IsSuccessStatusCode, await dossiers.Content.ReadAsStringAsync());
    }

    private static double Number(object? value) => Convert.ToDouble(value, Invariant);
}

public sealed class PlansReportingOnSqlite(ClockedSqliteHost host) : PlansReportingTests<ClockedSqliteHost>(host);

public sealed class PlansReportingOnPostgres(ClockedPostgresHost host) : PlansReportingTests<ClockedPostgresHost>(host);
