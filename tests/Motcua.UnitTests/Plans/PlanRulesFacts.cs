using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans;
using Motcua.Plans.Deadlines;
using Motcua.Plans.DraftFromText;
using Motcua.Plans.PlanDetails;

namespace Motcua.UnitTests.Plans;

/// <summary>The rules of plans, tasks and reports, owned by the entities, and the pure helpers around them.</summary>
public sealed class PlanRulesFacts
{
    private static readonly DateTime Now = new(2024, 3, 1, 9, 0, 0);
    private static readonly Guid Ward = Guid.NewGuid();
    private static readonly Guid Commune = Guid.NewGuid();

    private static Plan NewPlan() => Plan.Create(new PlanFields("41 /KH-UBND", Ward, new DateOnly(2024, 2, 25), "Xây dựng chính quyền thân thiện năm 2024", null, null), "reform", Now);

    private static TaskFields Fields(TaskDeadline deadline, params UnitRef[] coordinating) =>
        new("1", null, "Rà soát tiêu chí", new UnitRef(Ward, "Văn phòng HĐND-UBND phường"), coordinating, null, deadline, null, TaskPriority.Normal, []);

    private static PlanTask NewTask(TaskDeadline? deadline = null, params UnitRef[] coordinating) =>
        PlanTask.Create(NewPlan(), Fields(deadline ?? TaskDeadline.OnDate(new DateOnly(2024, 6, 30)), coordinating), "reform", Now);

    private static string FieldOf(Action action) => Assert.Throws<DomainException>(action).Field!;

    [Theory]
    [InlineData("41/KH-UBND", "41/KH-UBND")]
    [InlineData("41 /KH-UBND", "41/KH-UBND")]
    [InlineData(" 3742/ubnd-vp ", "3742/UBND-VP")]
    [InlineData("44-KH/TU", "44-KH/TU")]
    [InlineData("KH-UBND", null)]
    [InlineData("kế hoạch", null)]
    [InlineData("", null)]
    public void The_number_and_symbol_is_normalised_or_refused(string text, string? expected) =>
        Assert.Equal(expected, Plan.NormaliseNumber(text));

    [Fact]
    public void A_plan_takes_its_year_from_its_date_and_refuses_what_it_cannot_be()
    {
        var plan = NewPlan();
        Assert.Equal("41/KH-UBND", plan.NumberAndSymbol);
        Assert.Equal(2024, plan.Year);

        Assert.Equal("title", FieldOf(() => Plan.Create(new PlanFields("1/KH-UBND", Ward, new DateOnly(2024, 1, 1), " ", null, null), "x", Now)));
        Assert.Equal("issuedOn", FieldOf(() => Plan.Create(new PlanFields("1/KH-UBND", Ward, new DateOnly(2024, 5, 1), "T", null, null), "x", Now)));
        Assert.Equal("issuedOn", FieldOf(() => Plan.Create(new PlanFields("1/KH-UBND", Ward, null, "T", null, null), "x", Now)));
        Assert.Equal("year", FieldOf(() => Plan.Create(new PlanFields("1/KH-UBND", Ward, new DateOnly(2024, 1, 1), "T", null, 2031), "x", Now)));
        Assert.Equal("issuingUnit", FieldOf(() => plan.Change(new PlanFields("41/KH-UBND", Commune, new DateOnly(2024, 2, 25), "T", null, null), Now)));
    }

    [Fact]
    public void A_task_needs_content_a_lead_unit_and_a_complete_deadline()
    {
        var plan = NewPlan();
        Assert.Equal("content", FieldOf(() => PlanTask.Create(plan, Fields(TaskDeadline.OnDate(new DateOnly(2024, 6, 1))) with { Content = "" }, "x", Now)));
        Assert.Equal("leadUnit", FieldOf(() => PlanTask.Create(plan, Fields(TaskDeadline.OnDate(new DateOnly(2024, 6, 1))) with { LeadUnit = null }, "x", Now)));
        Assert.Equal("deadline", FieldOf(() => PlanTask.Create(plan, Fields(TaskDeadline.OnDate(new DateOnly(2024, 6, 1))) with { Deadline = null }, "x", Now)));
        Assert.Equal("deadline", FieldOf(() => PlanTask.Create(plan, Fields(new TaskDeadline(DeadlineKind.Month, Year: 2024, Month: 13)), "x", Now)));
        Assert.Equal("deadline", FieldOf(() => PlanTask.Create(plan, Fields(new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Weekly)), "x", Now)));
        Assert.Equal("deadline", FieldOf(() => PlanTask.Create(plan, Fields(new TaskDeadline(DeadlineKind.AfterEvent)), "x", Now)));

        var task = PlanTask.Create(plan, Fields(TaskDeadline.Weekly(DayOfWeek.Friday, "thứ 6 hàng tuần"), new UnitRef(Commune, "Đoàn TN")), "x", Now);
        Assert.Equal(TaskDeadline.Weekly(DayOfWeek.Friday, "thứ 6 hàng tuần"), task.Deadline);
        Assert.Equal([Ward, Commune], task.UnitIds);
        Assert.True(task.IsRecurring);
    }

    [Fact]
    public void An_after_event_task_starts_when_its_event_is_recorded_once_and_not_in_the_future()
    {
        var task = NewTask(TaskDeadline.AfterEventOf("UBND tỉnh ban hành Bộ tiêu chí", 10));
        var today = new DateOnly(2024, 3, 10);
        Assert.False(task.HasStarted);
        Assert.Equal("status", FieldOf(() => task.Report(new ReportFields(TaskProgress.InProgress, 10, "x", null), "lead", Now)));
        Assert.Equal("on", FieldOf(() => task.RecordEvent(today.AddDays(1), null, "reform", today)));

        task.RecordEvent(today, "QĐ 710", "reform", today);

        Assert.True(task.HasStarted);
        Assert.Equal(today, task.EventRecordedOn);
        Assert.Equal("on", FieldOf(() => task.RecordEvent(today, null, "reform", today)));
        Assert.Equal("on", FieldOf(() => NewTask().RecordEvent(today, null, "reform", today)));
        Assert.Equal("deadline", FieldOf(() => task.Change(Fields(TaskDeadline.OnDate(today)), Now)));
    }

    [Fact]
    public void The_task_follows_its_latest_report_and_a_returned_one_stops_counting()
    {
        var task = NewTask();
        var first = task.Report(new ReportFields(TaskProgress.InProgress, 30, "Đã rà soát 10 thủ tục", null), "lead", Now);
        var second = task.Report(new ReportFields(TaskProgress.Done, null, "Hoàn thành", null), "lead", Now.AddDays(7));
        Assert.Equal((TaskProgress.Done, 100, new DateOnly(2024, 3, 8)), (task.Progress, task.PercentDone, task.DoneOn!.Value));

        Assert.Equal("comment", FieldOf(() => second.Return(" ", "reform", Now)));
        second.Return("Thiếu biên bản", "reform", Now.AddDays(8));
        task.RefreshProgress([first, second]);
        Assert.Equal((TaskProgress.InProgress, 30, (DateOnly?)null), (task.Progress, task.PercentDone, task.DoneOn));

        first.Acknowledge("reform", Now.AddDays(8));
        Assert.Equal(ReviewState.Acknowledged, first.Review);
        Assert.Equal("report", FieldOf(() => first.Return("x", "reform", Now)));
        Assert.Equal("report", FieldOf(() => second.Acknowledge("reform", Now)));

        task.RefreshProgress([second]);
        Assert.Equal((TaskProgress.NotStarted, 0), (task.Progress, task.PercentDone));
    }

    [Theory]
    [InlineData("InProgress", 140, "percent")]
    [InlineData("InProgress", null, "percent")]
    [InlineData("InProgress", 100, "percent")]
    [InlineData("Done", 90, "percent")]
    [InlineData("NotStarted", 5, "percent")]
    [InlineData("9", 5, "status")]
    public void A_report_says_consistently_how_far_the_task_is(string progress, int? percent, string field) =>
        Assert.Equal(field, FieldOf(() => NewTask().Report(new ReportFields(Enum.Parse<TaskProgress>(progress), percent, "Đã làm", null), "lead", Now)));

    [Fact]
    public void A_report_says_what_was_done() =>
        Assert.Equal("text", FieldOf(() => NewTask().Report(new ReportFields(TaskProgress.InProgress, 10, "  ", null), "lead", Now)));

    [Fact]
    public void Only_a_coordinating_unit_contributes()
    {
        var task = NewTask(null, new UnitRef(Commune, "Đoàn thanh niên"));
        Assert.Equal("unit", FieldOf(() => task.Contribute(Guid.NewGuid(), "x", "other", Now)));
        var contribution = task.Contribute(Commune, "Cử 2 đoàn viên hỗ trợ", "commune", Now);
        Assert.Equal((task.Id, Commune), (contribution.TaskId, contribution.UnitId));
    }

    [Fact]
    public void Task_numbers_sort_as_a_reader_expects() =>
        Assert.Equal(["1", "2", "2.1", "2.10", "10", "a"], new[] { "10", "2.10", "a", "2", "2.1", "1" }.Order(TaskNumberComparer.Instance));

    [Fact]
    public void A_unit_named_in_a_plan_is_matched_by_its_proper_name_not_by_words_like_phuong()
    {
        var today = new DateOnly(2024, 1, 1);
        UnitSummary Unit(string code, string name) => new(Guid.NewGuid(), code, name, UnitKind.Ward, null, today, null);
        var units = new[] { Unit("TX", "Phường Thọ Xương"), Unit("NT", "Phường Ngô Quyền"), Unit("DM", "Xã Dĩnh Trì") };

        Assert.Equal("TX", DraftReading.Suggest("UBND phường Thọ Xương", units)?.Code);
        Assert.Equal("DM", DraftReading.Suggest("xã Dinh Tri", units)?.Code);
        Assert.Null(DraftReading.Suggest("Văn phòng HĐND-UBND phường", units));
        Assert.Null(DraftReading.Suggest("Bộ phận Một cửa", units));
    }
}
