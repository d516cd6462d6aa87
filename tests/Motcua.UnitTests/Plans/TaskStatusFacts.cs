using Motcua.Plans;

namespace Motcua.UnitTests.Plans;

/// <summary>The status of a task, a pure function of its standing report, the due date it owes and today.</summary>
public sealed class TaskStatusFacts
{
    private static readonly DateOnly Today = new(2024, 6, 14);

    [Theory]
    // Done wins over everything, even past the due date.
    [InlineData("Done", 100, "2024-06-01", "Done")]
    [InlineData("Done", 100, null, "Done")]
    // Overdue: not done and the due date is before today (the due date itself is not overdue).
    [InlineData("InProgress", 90, "2024-06-13", "Overdue")]
    [InlineData("NotStarted", 0, "2024-01-01", "Overdue")]
    // At risk: due within 7 days (today included) and under 80% done.
    [InlineData("NotStarted", 0, "2024-06-14", "AtRisk")]
    [InlineData("InProgress", 79, "2024-06-20", "AtRisk")]
    [InlineData("InProgress", 80, "2024-06-20", "InProgress")]
    [InlineData("InProgress", 10, "2024-06-21", "InProgress")]
    // Otherwise by the report.
    [InlineData("NotStarted", 0, "2024-06-21", "NotStarted")]
    [InlineData("NotStarted", 0, null, "NotStarted")]
    [InlineData("InProgress", 0, null, "InProgress")]
    [InlineData("InProgress", 50, null, "InProgress")]
    public void The_status_follows_the_table(string progress, int percent, string? due, string expected) =>
        Assert.Equal(Enum.Parse<PlanTaskStatus>(expected), TaskStatusRules.Of(Enum.Parse<TaskProgress>(progress), percent, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Theory]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 0, 50 }, 25)]
    [InlineData(new[] { 100, 0, 0 }, 33)]
    [InlineData(new[] { 100, 50, 0 }, 50)]
    [InlineData(new[] { 25, 50 }, 38)]
    public void The_roll_up_is_the_simple_mean_of_the_tasks_percents(int[] percents, int expected) =>
        Assert.Equal(expected, TaskStatusRules.RollUp(percents.Select(p => (p == 100 ? TaskProgress.Done : TaskProgress.InProgress, p))));

    [Fact]
    public void A_recurring_task_is_never_done_for_good_and_a_date_task_is_due_on_its_date()
    {
        var plan = Plan.Create(new PlanFields("1/KH-UBND", Guid.NewGuid(), new DateOnly(2024, 1, 5), "Kế hoạch", null, null), "x", new DateTime(2024, 1, 5));
        var unit = new UnitRef(Guid.NewGuid(), null);
        var dated = PlanTask.Create(plan, new TaskFields("1", null, "Nộp báo cáo", unit, [], null, Motcua.Plans.Deadlines.TaskDeadline.OnDate(new DateOnly(2024, 6, 30)), null, TaskPriority.Normal, []), "x", new DateTime(2024, 1, 5));
        Assert.Equal(new DateOnly(2024, 6, 30), TaskSchedule.OwedDue(dated, plan.IssuedOn, _ => true));
        Assert.Equal([new DateOnly(2024, 6, 30)], TaskSchedule.DueDates(dated, new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30), _ => true));
        Assert.Empty(TaskSchedule.DueDates(dated, new DateOnly(2024, 7, 1), new DateOnly(2024, 7, 31), _ => true));

        var weekly = PlanTask.Create(plan, new TaskFields("2", null, "Báo cáo tuần", unit, [], null, Motcua.Plans.Deadlines.TaskDeadline.Weekly(DayOfWeek.Friday), null, TaskPriority.Normal, []), "x", new DateTime(2024, 1, 5));
        weekly.Report(new ReportFields(TaskProgress.Done, 100, "Đã báo cáo", null), "lead", new DateTime(2024, 6, 14, 9, 0, 0));
        Assert.Equal(PlanTaskStatus.InProgress, TaskSchedule.StatusOf(weekly, new DateOnly(2024, 6, 28), Today));
        Assert.Equal(PlanTaskStatus.NotStarted, TaskSchedule.StatusOf(dated, new DateOnly(2024, 6, 30), Today));
    }
}
