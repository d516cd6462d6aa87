using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;
using static Motcua.IntegrationTests.PlansApi;

namespace Motcua.IntegrationTests;

/// <summary>
/// Reform plans through HTTP on both databases: plans and tasks, scope, progress reports with evidence and
/// their review, contributions, after-event tasks, and a confirmed or abandoned draft. Dates are relative to
/// today in Vietnam (the real clock); each test makes its own plan, so their order does not matter.
/// </summary>
public abstract class PlansTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private readonly PlansApi _api = new(host);

    private Task<HttpClient> ClientAsync(string user) => _api.ClientAsync(user);

    private Task<(Guid Plan, HttpClient Reform)> PlanAsync(string number) => _api.PlanAsync(number);

    [Fact]
    public async Task A_plan_with_tasks_by_hand_rolls_up_and_bad_input_saves_nothing()
    {
        var (plan, reform) = await PlanAsync("12/KH-UBND");
        var soon = await AddTaskAsync(reform, plan, NewTask("1", "KW1", Day(3), "KW2"));
        var late = await AddTaskAsync(reform, plan, NewTask("2", "KW2", Day(-2)));

        var view = await ReadAsync(await reform.GetAsync($"/api/v1/plans/{plan}"), HttpStatusCode.OK);
        Assert.Equal("12/KH-UBND", view.GetProperty("summary").GetProperty("numberAndSymbol").GetString());
        Assert.Equal(2, view.GetProperty("summary").GetProperty("tasks").GetInt32());
        Assert.Equal("atRisk", TaskOf(view, soon).GetProperty("status").GetString());
        Assert.Equal(Day(3), TaskOf(view, soon).GetProperty("dueOn").GetString());
        Assert.Equal("KW2", TaskOf(view, soon).GetProperty("coordinatingUnits")[0].GetProperty("code").GetString());
        Assert.Equal("≥ 100%", TaskOf(view, soon).GetProperty("indicators")[0].GetProperty("target").GetString());
        Assert.Equal("overdue", TaskOf(view, late).GetProperty("status").GetString());
        Assert.Equal(1, view.GetProperty("summary").GetProperty("statuses").GetProperty("overdue").GetInt32());

        // Refused input: 400 keyed by the field, nothing saved.
        var before = (await ReadAsync(await reform.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).GetArrayLength();
        var noTitle = await ReadAsync(await reform.PostAsJsonAsync("/api/v1/plans", new { numberAndSymbol = "13/KH-UBND", issuingUnit = "KW1", issuedOn = Day(-1), title = " " }), HttpStatusCode.BadRequest);
        Assert.True(noTitle.GetProperty("errors").TryGetProperty("title", out _));
        var badNumber = await ReadAsync(await reform.PostAsJsonAsync("/api/v1/plans", new { numberAndSymbol = "kế hoạch", issuingUnit = "KW1", issuedOn = Day(-1), title = "X" }), HttpStatusCode.BadRequest);
        Assert.True(badNumber.GetProperty("errors").TryGetProperty("numberAndSymbol", out _));
        var duplicate = await reform.PostAsJsonAsync("/api/v1/plans", new { numberAndSymbol = "12 /KH-UBND", issuingUnit = "KW1", issuedOn = Day(-10), title = "Trùng số" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var noDeadline = await ReadAsync(await reform.PostAsJsonAsync($"/api/v1/plans/{plan}/tasks", new { number = "3", content = "Không hạn", leadUnit = "KW1" }), HttpStatusCode.BadRequest);
        Assert.True(noDeadline.GetProperty("errors").TryGetProperty("deadline", out _));
        var badKind = await ReadAsync(await reform.PostAsJsonAsync($"/api/v1/plans/{plan}/tasks", new { number = "3", content = "Hạn lạ", leadUnit = "KW1", deadline = new { kind = "someday" } }), HttpStatusCode.BadRequest);
        Assert.True(badKind.GetProperty("errors").TryGetProperty("deadline.kind", out _));
        Assert.Equal(before, (await ReadAsync(await reform.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(2, (await ReadAsync(await reform.GetAsync($"/api/v1/plans/{plan}"), HttpStatusCode.OK)).GetProperty("tasks").GetArrayLength());

        // Changing a task and the plan.
        var changed = await ReadAsync(await reform.PutAsJsonAsync($"/api/v1/plans/tasks/{late}", NewTask("2", "KW2", Day(20))), HttpStatusCode.OK);
        Assert.Equal("notStarted", changed.GetProperty("status").GetString());
        var renamed = await ReadAsync(await reform.PutAsJsonAsync($"/api/v1/plans/{plan}", new { numberAndSymbol = "12/KH-UBND", issuedOn = Day(-10), title = "Kế hoạch đã sửa", year = Today.Year }), HttpStatusCode.OK);
        Assert.Equal("Kế hoạch đã sửa", renamed.GetProperty("summary").GetProperty("title").GetString());

        // Only reform officers and leaders create plans.
        var staff = await ClientAsync("kw1.staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/plans", new { numberAndSymbol = "14/KH-UBND", issuingUnit = "KW1", issuedOn = Day(-1), title = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/plans/{plan}/tasks", NewTask("9", "KW1", Day(5)))).StatusCode);
    }

    [Fact]
    public async Task Users_see_only_plans_and_tasks_of_units_in_their_scope()
    {
        var (plan, reform) = await PlanAsync("21/KH-UBND");
        var coordinated = await AddTaskAsync(reform, plan, NewTask("1", "KW1", Day(30), "KW2"));
        var own = await AddTaskAsync(reform, plan, NewTask("2", "KW1", Day(30)));

        // The coordinating commune sees the plan, but only the task it coordinates, and cannot change it.
        var other = await ClientAsync("kw2.staff");
        var seen = await ReadAsync(await other.GetAsync($"/api/v1/plans/{plan}"), HttpStatusCode.OK);
        Assert.Equal([coordinated], seen.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/plans/tasks/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/v1/plans/{plan}", new { numberAndSymbol = "21/KH-UBND", issuedOn = Day(-10), title = "X" })).StatusCode);
        Assert.Contains((await ReadAsync(await other.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).EnumerateArray(), p => p.GetProperty("id").GetGuid() == plan);

        // Another province sees nothing: the plan does not exist for it.
        var outsider = await ClientAsync("kq.reform");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/plans/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/plans/tasks/{coordinated}")).StatusCode);
        Assert.DoesNotContain((await ReadAsync(await outsider.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).EnumerateArray(), p => p.GetProperty("id").GetGuid() == plan);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/plans/tasks/{coordinated}/reports", new { status = "inProgress", percent = 10, text = "x" })).StatusCode);
        var foreign = await outsider.PostAsJsonAsync("/api/v1/plans", new { numberAndSymbol = "1/KH-UBND", issuingUnit = "KW1", issuedOn = Day(-1), title = "Kế hoạch của người khác" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await outsider.GetAsync("/api/v1/plans/board?unit=KW1")).StatusCode);

        // The board of the coordinating commune holds the task it coordinates, and not the other.
        var board = await ReadAsync(await other.GetAsync("/api/v1/plans/board?unit=KW2&by=status"), HttpStatusCode.OK);
        var ids = board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("tasks").EnumerateArray()).Select(t => t.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(coordinated, ids);
        Assert.DoesNotContain(own, ids);
    }

    [Fact]
    public async Task The_lead_unit_reports_with_evidence_and_the_reform_officer_returns_then_acknowledges()
    {
        var (plan, reform) = await PlanAsync("31/KH-UBND");
        var task = await AddTaskAsync(reform, plan, NewTask("1", "KW1", Day(3), "KW2"));
        var staff = await ClientAsync("kw1.staff");

        var bad = await ReadAsync(await staff.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/reports", new { status = "inProgress", percent = 140, text = "Đã làm" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("percent", out _));
        var report = await ReadAsync(await staff.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/reports", new { status = "inProgress", percent = 40, text = "Đã rà soát 12/30 thủ tục" }), HttpStatusCode.Created);
        var reportId = report.GetProperty("id").GetGuid();
        Assert.Equal("pending", report.GetProperty("review").GetString());

        // Evidence: the type comes from the whole content, not the name.
        var evidence = await ReadAsync(await staff.PostAsync($"/api/v1/plans/reports/{reportId}/evidence", FileContent("bien-ban.pdf", Pdf)), HttpStatusCode.OK);
        var fake = await ReadAsync(await staff.PostAsync($"/api/v1/plans/reports/{reportId}/evidence", FileContent("virus.pdf", Encoding.ASCII.GetBytes("MZ not a pdf"))), HttpStatusCode.BadRequest);
        Assert.True(fake.GetProperty("errors").TryGetProperty("file", out _));
        var download = await staff.GetAsync(evidence.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var details = await ReadAsync(await staff.GetAsync($"/api/v1/plans/tasks/{task}"), HttpStatusCode.OK);
        Assert.Equal(40, details.GetProperty("task").GetProperty("percent").GetInt32());
        Assert.Equal("atRisk", details.GetProperty("task").GetProperty("status").GetString());
        Assert.Single(details.GetProperty("reports")[0].GetProperty("evidence").EnumerateArray());

        // Only the issuing unit's reform officer or leader reviews; only the lead unit reports.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/v1/plans/reports/{reportId}/acknowledge", null)).StatusCode);
        var other = await ClientAsync("kw2.staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/reports", new { status = "done", text = "Xong" })).StatusCode);

        var noComment = await ReadAsync(await reform.PostAsJsonAsync($"/api/v1/plans/reports/{reportId}/return", new { comment = "" }), HttpStatusCode.BadRequest);
        Assert.True(noComment.GetProperty("errors").TryGetProperty("comment", out _));
        var returned = await ReadAsync(await reform.PostAsJsonAsync($"/api/v1/plans/reports/{reportId}/return", new { comment = "Thiếu danh sách thủ tục đã rà soát" }), HttpStatusCode.OK);
        Assert.Equal("returned", returned.GetProperty("review").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await reform.PostAsync($"/api/v1/plans/reports/{reportId}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/v1/plans/reports/{reportId}/evidence", FileContent("them.pdf", Pdf))).StatusCode);
        var afterReturn = await ReadAsync(await staff.GetAsync($"/api/v1/plans/tasks/{task}"), HttpStatusCode.OK);
        Assert.Equal(0, afterReturn.GetProperty("task").GetProperty("percent").GetInt32());
        Assert.Equal("notStarted", afterReturn.GetProperty("task").GetProperty("progress").GetString());

        var done = await ReadAsync(await staff.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/reports", new { status = "done", text = "Đã rà soát đủ 30 thủ tục" }), HttpStatusCode.Created);
        Assert.Equal(100, done.GetProperty("percent").GetInt32());
        var acknowledged = await ReadAsync(await reform.PostAsync($"/api/v1/plans/reports/{done.GetProperty("id").GetGuid()}/acknowledge", null), HttpStatusCode.OK);
        Assert.Equal("acknowledged", acknowledged.GetProperty("review").GetString());
        Assert.Equal("kw1.reform", acknowledged.GetProperty("reviewedBy").GetString());

        var view = await ReadAsync(await reform.GetAsync($"/api/v1/plans/{plan}"), HttpStatusCode.OK);
        Assert.Equal("done", TaskOf(view, task).GetProperty("status").GetString());
        Assert.Equal(100, view.GetProperty("summary").GetProperty("percent").GetInt32());
    }

    [Fact]
    public async Task Files_are_checked_by_their_content_and_served_only_within_scope()
    {
        var (plan, reform) = await PlanAsync("81/KH-UBND");
        var text = Encoding.UTF8.GetBytes("KẾ HOẠCH\nXây dựng chính quyền thân thiện năm 2024\n");
        var binary = await reform.PostAsync($"/api/v1/plans/{plan}/source", FileContent("ke-hoach.docx", Encoding.ASCII.GetBytes("MZ\0\0 not a zip")));
        Assert.Equal(HttpStatusCode.BadRequest, binary.StatusCode);
        var uploaded = await ReadAsync(await reform.PostAsync($"/api/v1/plans/{plan}/source", FileContent("ke-hoach.txt", text)), HttpStatusCode.OK);
        Assert.Equal("ke-hoach.txt", uploaded.GetProperty("sourceFile").GetString());
        Assert.Equal(text, await (await reform.GetAsync($"/api/v1/plans/{plan}/source")).Content.ReadAsByteArrayAsync());

        var task = await AddTaskAsync(reform, plan, NewTask("1", "KW1", Day(10)));
        var staff = await ClientAsync("kw1.staff");
        var report = await ReadAsync(await staff.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/reports", new { status = "inProgress", percent = 20, text = "Đã bắt đầu" }), HttpStatusCode.Created);
        var evidence = await ReadAsync(await staff.PostAsync($"/api/v1/plans/reports/{report.GetProperty("id").GetGuid()}/evidence", FileContent("anh.png", Motcua.UnitTests.Common.SampleFiles.Png())), HttpStatusCode.OK);

        // Another province cannot fetch either file, even knowing the addresses.
        var outsider = await ClientAsync("kq.reform");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(evidence.GetProperty("url").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/plans/{plan}/source")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reform.GetAsync(evidence.GetProperty("url").GetString())).StatusCode);
    }

    [Fact]
    public async Task A_coordinating_unit_adds_a_contribution_and_others_cannot()
    {
        var (plan, reform) = await PlanAsync("41/KH-UBND");
        var task = await AddTaskAsync(reform, plan, NewTask("1", "KW1", Day(10), "KW2"));

        var other = await ClientAsync("kw2.staff");
        var empty = await ReadAsync(await other.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/contributions", new { text = " " }), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("text", out _));
        var contribution = await ReadAsync(await other.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/contributions", new { text = "Đã cử 2 đoàn viên hỗ trợ Bộ phận Một cửa" }), HttpStatusCode.Created);
        Assert.Equal("KW2", contribution.GetProperty("unit").GetProperty("code").GetString());

        // The lead unit's staff are not a coordinating unit of this task.
        var staff = await ClientAsync("kw1.staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/contributions", new { text = "x" })).StatusCode);

        var details = await ReadAsync(await reform.GetAsync($"/api/v1/plans/tasks/{task}"), HttpStatusCode.OK);
        Assert.Single(details.GetProperty("contributions").EnumerateArray());
    }

    [Fact]
    public async Task A_confirmed_draft_creates_exactly_the_confirmed_tasks_all_or_nothing()
    {
        var reform = await ClientAsync("kw1.reform");
        var before = (await ReadAsync(await reform.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).GetArrayLength();
        var plan = new { numberAndSymbol = "51/KH-UBND", issuingUnit = "KW1", issuedOn = Day(-3), title = "Kế hoạch xây dựng chính quyền thân thiện", year = Today.Year };

        // One bad task refuses the whole draft, keyed by the task.
        var refused = await ReadAsync(
            await reform.PostAsJsonAsync("/api/v1/plans/drafts/confirm", new { plan, tasks = new[] { NewTask("1", "KW1", Day(30)), NewTask("2", "NOPE", Day(30)) } }),
            HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("tasks[1].leadUnit", out _));
        Assert.Equal(before, (await ReadAsync(await reform.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).GetArrayLength());

        var created = await ReadAsync(
            await reform.PostAsJsonAsync("/api/v1/plans/drafts/confirm", new { plan, tasks = new[] { NewTask("1", "KW1", Day(30)), NewTask("3", "KW2", Day(60)) } }),
            HttpStatusCode.Created);
        Assert.Equal(["1", "3"], created.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("number").GetString()));
        Assert.Equal(before + 1, (await ReadAsync(await reform.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task The_calendar_and_timeline_place_the_tasks_on_their_due_dates()
    {
        var (plan, reform) = await PlanAsync("71/KH-UBND");
        var task = await AddTaskAsync(reform, plan, NewTask("1", "KW1", Day(15)));
        var due = Today.AddDays(15);
        var month = await ReadAsync(await reform.GetAsync($"/api/v1/plans/calendar?unit=KW1&month={due:yyyy-MM}"), HttpStatusCode.OK);
        var day = month.GetProperty("weeks").EnumerateArray().SelectMany(w => w.EnumerateArray()).Single(d => d.GetProperty("date").GetString() == Day(15));
        Assert.Contains(day.GetProperty("entries").EnumerateArray(), e => e.GetProperty("taskId").GetGuid() == task);
        Assert.Equal(HttpStatusCode.BadRequest, (await reform.GetAsync("/api/v1/plans/calendar?month=June")).StatusCode);

        var timeline = await ReadAsync(await reform.GetAsync($"/api/v1/plans/{plan}/timeline"), HttpStatusCode.OK);
        var row = timeline.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal(Day(15), row.GetProperty("end").GetString());
        Assert.Equal(Day(-10), row.GetProperty("start").GetString());

        var board = await ReadAsync(await reform.GetAsync("/api/v1/plans/board?unit=KW1"), HttpStatusCode.OK);
        var column = board.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("tasks").EnumerateArray().Any(t => t.GetProperty("id").GetGuid() == task));
        Assert.Equal("thisMonth", column.GetProperty("key").GetString());
    }

}

/// <summary>The parts that read a plan's text or compute due dates after an event (need branch plans-parser); a host of their own, so the tests above never compute such deadlines.</summary>
public abstract class PlanDraftAndEventTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private readonly PlansApi _api = new(host);

    private Task<HttpClient> ClientAsync(string user) => _api.ClientAsync(user);

    private Task<(Guid Plan, HttpClient Reform)> PlanAsync(string number) => _api.PlanAsync(number);

    [Fact]
    public async Task A_draft_read_from_seed_003_is_only_a_draft_until_confirmed()
    {
        // Needs the plan-text parser (branch plans-parser).
        var reform = await ClientAsync("kw1.reform");
        var before = (await ReadAsync(await reform.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).GetArrayLength();
        var text = await System.IO.File.ReadAllTextAsync(Seed003());
        var draft = await ReadAsync(await reform.PostAsync("/api/v1/plans/drafts", new MultipartFormDataContent { { new StringContent(text, Encoding.UTF8), "text" } }), HttpStatusCode.OK);
        Assert.Equal("41/KH-UBND", draft.GetProperty("plan").GetProperty("numberAndSymbol").GetString());
        var tasks = draft.GetProperty("tasks").EnumerateArray().ToList();
        Assert.True(tasks.Count >= 5, draft.ToString());
        Assert.All(draft.GetProperty("units").EnumerateArray(), u => Assert.Equal("KW1", u.GetProperty("unit").GetString()));

        // Abandoned: nothing was stored.
        Assert.Equal(before, (await ReadAsync(await reform.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).GetArrayLength());

        // Confirmed with three of its tasks: exactly those, listed in the document's order (the plan has two
        // lists that both start at 1: the first item of each, then the last item of the second).
        var kept = new[] { tasks[0], tasks[^4], tasks[^1] };
        Assert.Equal(["1", "1", "4"], kept.Select(t => t.GetProperty("number").GetString()));
        var plan = JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(draft.GetProperty("plan")));
        var created = await ReadAsync(await reform.PostAsJsonAsync("/api/v1/plans/drafts/confirm", new { plan, tasks = kept }), HttpStatusCode.Created);
        Assert.Equal(kept.Select(t => t.GetProperty("content").GetString()), created.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("content").GetString()));
        var details = await ReadAsync(await reform.GetAsync($"/api/v1/plans/{created.GetProperty("summary").GetProperty("id").GetString()}"), HttpStatusCode.OK);
        Assert.Equal(kept.Select(t => t.GetProperty("content").GetString()), details.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("content").GetString()));

        // A task added by hand afterwards comes after them, whatever its number.
        var planId = created.GetProperty("summary").GetProperty("id").GetGuid();
        await PlansApi.AddTaskAsync(reform, planId, new { number = "0", content = "Nhiệm vụ bổ sung", leadUnit = "KW1", deadline = new { kind = "date", date = "2024-12-31" } });
        var after = await ReadAsync(await reform.GetAsync($"/api/v1/plans/{planId}"), HttpStatusCode.OK);
        Assert.Equal("Nhiệm vụ bổ sung", after.GetProperty("tasks").EnumerateArray().Last().GetProperty("content").GetString());
        Assert.Equal(before + 1, (await ReadAsync(await reform.GetAsync("/api/v1/plans"), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Recording_the_event_starts_an_after_event_task()
    {
        // The due date after the event comes from the deadline schedule (branch plans-parser).
        var (plan, reform) = await PlanAsync("61/KH-UBND");
        var task = await AddTaskAsync(reform, plan, new
        {
            number = "1",
            content = "Triển khai Bộ tiêu chí chính quyền thân thiện",
            leadUnit = "KW1",
            deadline = new { kind = "afterEvent", @event = "UBND tỉnh ban hành Bộ tiêu chí", workingDaysAfterEvent = 10, text = "Sau khi UBND tỉnh ban hành" },
        });
        var staff = await ClientAsync("kw1.staff");
        var early = await ReadAsync(await staff.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/reports", new { status = "inProgress", percent = 10, text = "Chuẩn bị" }), HttpStatusCode.BadRequest);
        Assert.True(early.GetProperty("errors").TryGetProperty("status", out _));
        var waiting = await ReadAsync(await staff.GetAsync($"/api/v1/plans/tasks/{task}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("task").GetProperty("dueOn").ValueKind);
        Assert.Equal("notStarted", waiting.GetProperty("task").GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/event", new { on = Day(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reform.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/event", new { on = Day(2) })).StatusCode);
        var started = await ReadAsync(await reform.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/event", new { on = Day(-1), note = "Quyết định 710/QĐ-UBND" }), HttpStatusCode.OK);
        Assert.Equal(Day(-1), started.GetProperty("eventRecordedOn").GetString());
        var due = DateOnly.Parse(started.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(due >= Today.AddDays(8), $"Ten working days after yesterday, not {due}.");
        Assert.Equal(HttpStatusCode.BadRequest, (await reform.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/event", new { on = Day(-1) })).StatusCode);
        await ReadAsync(await staff.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/reports", new { status = "inProgress", percent = 10, text = "Đã phân công" }), HttpStatusCode.Created);
    }

}

/// <summary>The plans API as the tests call it: a province with two communes and another province, users of each role.</summary>
internal sealed class PlansApi(TestHost host)
{
    internal const string Password = "Passw0rdLong";

    internal static readonly byte[] Pdf = Motcua.UnitTests.Common.SampleFiles.Pdf();

    internal static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    internal static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal async Task<HttpClient> ClientAsync(string user)
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("KP")) is null)
        {
            await host.WithServiceAsync<UnitAdministration, object>(async units =>
            {
                await units.CreateAsync(new NewUnit("KP", "Tỉnh Kế Hoạch", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("KW1", "Phường Thọ Xương", UnitKind.Ward, "KP", new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("KW2", "Xã Phối Hợp", UnitKind.Commune, "KP", new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("KQ", "Tỉnh Bên Cạnh", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
                return new object();
            });
            await host.CreateUserAsync("kw1.reform", Password, "KW1", Roles.ReformOfficer);
            await host.CreateUserAsync("kw1.staff", Password, "KW1", Roles.Specialist);
            await host.CreateUserAsync("kw2.staff", Password, "KW2", Roles.Specialist);
            await host.CreateUserAsync("kq.reform", Password, "KQ", Roles.ReformOfficer);
        }

        return await host.SignedInClientAsync(user, Password);
    }

    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    internal static object NewTask(string number, string lead, string due, params string[] coordinating) => new
    {
        number,
        content = $"Nhiệm vụ {number}: rà soát, đơn giản hóa thủ tục hành chính",
        leadUnit = lead,
        leadUnitName = (string?)null,
        coordinatingUnits = coordinating.Select(c => new { unit = c, name = (string?)null }).ToArray(),
        deadline = new { kind = "date", date = due },
        requiredEvidence = "Báo cáo kết quả",
        priority = "high",
        indicators = new[] { new { indicator = "digitalSigningRate", target = "≥ 100%" } },
    };

    internal async Task<(Guid Plan, HttpClient Reform)> PlanAsync(string number)
    {
        var reform = await ClientAsync("kw1.reform");
        var created = await ReadAsync(
            await reform.PostAsJsonAsync("/api/v1/plans", new { numberAndSymbol = number, issuingUnit = "KW1", issuedOn = Day(-10), title = "Kế hoạch cải cách hành chính " + number, purpose = "Nâng cao chỉ số", year = Today.Year }),
            HttpStatusCode.Created);
        return (created.GetProperty("summary").GetProperty("id").GetGuid(), reform);
    }

    internal static async Task<Guid> AddTaskAsync(HttpClient client, Guid plan, object task) =>
        (await ReadAsync(await client.PostAsJsonAsync($"/api/v1/plans/{plan}/tasks", task), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    internal static JsonElement TaskOf(JsonElement plan, Guid task) =>
        plan.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == task);

    internal static MultipartFormDataContent FileContent(string name, byte[] content) => new() { { new ByteArrayContent(content), "file", name } };

    /// <summary>Seed 003 as kept in the repository (tests/Motcua.UnitTests/Plans/Seeds), found from the test's folder upwards.</summary>
    internal static string Seed003()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "tests", "Motcua.UnitTests", "Plans", "Seeds", "003_c9a23b6f641d9d91.txt");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("Seed 003 was not found under tests/Motcua.UnitTests/Plans/Seeds.");
    }
}

public sealed class PlansOnSqlite(SqliteHost host) : PlansTests<SqliteHost>(host);

public sealed class PlansOnPostgres(PostgresHost host) : PlansTests<PostgresHost>(host);

public sealed class PlanDraftAndEventOnSqlite(SqliteHost host) : PlanDraftAndEventTests<SqliteHost>(host);

public sealed class PlanDraftAndEventOnPostgres(PostgresHost host) : PlanDraftAndEventTests<PostgresHost>(host);
