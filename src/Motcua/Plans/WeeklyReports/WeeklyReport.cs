namespace Motcua.Plans.WeeklyReports;

/// <summary>Where an open or finished task stands in a week, as the chairman's report counts it.</summary>
internal enum WeeklyTaskStatus
{
    /// <summary>Hoàn thành.</summary>
    Done = 1,

    /// <summary>Đúng tiến độ: open, reported this week, not near its due date.</summary>
    OnTrack = 2,

    /// <summary>Có nguy cơ chậm: open and due within a few working days, or the unit said it is at risk.</summary>
    AtRisk = 3,

    /// <summary>Quá hạn: open after its due date.</summary>
    Overdue = 4,

    /// <summary>Chưa báo cáo: open and no progress report this week.</summary>
    NotReported = 5,
}

/// <summary>One task line of the report.</summary>
/// <param name="Due">The due date the status was judged against; null for continuous tasks.</param>
/// <param name="LastReport">The latest progress note of the unit, if any.</param>
internal sealed record WeeklyTaskLine(string Plan, string Task, WeeklyTaskStatus Status, DateOnly? Due, DateOnly? LastReportedOn, string? LastReport);

/// <summary>A unit's part of the report: its tasks and the counts by status.</summary>
internal sealed record WeeklyUnitSummary(string Unit, string UnitName, IReadOnlyList<WeeklyTaskLine> Tasks)
{
    public int Count(WeeklyTaskStatus status) => Tasks.Count(t => t.Status == status);

    public int Done => Count(WeeklyTaskStatus.Done);

    public int OnTrack => Count(WeeklyTaskStatus.OnTrack);

    public int AtRisk => Count(WeeklyTaskStatus.AtRisk);

    public int Overdue => Count(WeeklyTaskStatus.Overdue);

    public int NotReported => Count(WeeklyTaskStatus.NotReported);
}

/// <summary>
/// The consolidated weekly report for the chairman (pure input of <see cref="WeeklyReportRenderer"/>).
/// <paramref name="WeekStart"/> is the Monday, <paramref name="ReportDay"/> the day it was produced for.
/// </summary>
internal sealed record WeeklyReport(
    string Week, DateOnly WeekStart, DateOnly ReportDay, string IssuingUnit, string IssuingUnitName, string? ProvinceName, bool IsProvince, DateOnly IssuedOn,
    IReadOnlyList<WeeklyUnitSummary> Units)
{
    public DateOnly WeekEnd => WeekStart.AddDays(6);

    public int Total(WeeklyTaskStatus status) => Units.Sum(u => u.Count(status));
}

/// <summary>How a task's status in a week is decided (pure; the same rule for the report, the page and the API).</summary>
internal static class WeeklyStatusRule
{
    /// <summary>
    /// From the task's status on the report day (<see cref="TaskStatusRules"/>, the plans area's single
    /// rule): done and overdue stay; an open task without a progress report from the week's Monday to
    /// <paramref name="asOf"/> is "not reported" (the weekly report is what is chased); then at risk; any
    /// other open task is on track.
    /// </summary>
    public static WeeklyTaskStatus Classify(PlanTaskStatus status, DateOnly? lastReportedOn, DateOnly weekStart, DateOnly asOf) => status switch
    {
        PlanTaskStatus.Done => WeeklyTaskStatus.Done,
        PlanTaskStatus.Overdue => WeeklyTaskStatus.Overdue,
        _ when lastReportedOn is not { } reported || reported < weekStart || reported > asOf => WeeklyTaskStatus.NotReported,
        PlanTaskStatus.AtRisk => WeeklyTaskStatus.AtRisk,
        _ => WeeklyTaskStatus.OnTrack,
    };
}
