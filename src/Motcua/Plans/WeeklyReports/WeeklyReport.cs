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
    /// <summary>Working days before the due date from which an open task is "at risk".</summary>
    public const int AtRiskWorkingDays = 3;

    /// <summary>
    /// Done wins; then overdue (due before <paramref name="asOf"/>); then not reported (no progress
    /// report from the week's Monday to <paramref name="asOf"/>); then at risk (the unit said so, or due within
    /// <see cref="AtRiskWorkingDays"/> working days); otherwise on track.
    /// </summary>
    public static WeeklyTaskStatus Classify(bool done, DateOnly? due, DateOnly asOf, DateOnly weekStart, DateOnly? lastReportedOn, bool reportedAtRisk, Func<DateOnly, bool> isWorkingDay)
    {
        if (done)
        {
            return WeeklyTaskStatus.Done;
        }

        if (due is { } d && d < asOf)
        {
            return WeeklyTaskStatus.Overdue;
        }

        if (lastReportedOn is not { } reported || reported < weekStart || reported > asOf)
        {
            return WeeklyTaskStatus.NotReported;
        }

        if (reportedAtRisk || (due is { } soon && WorkingDaysUntil(asOf, soon, isWorkingDay) <= AtRiskWorkingDays))
        {
            return WeeklyTaskStatus.AtRisk;
        }

        return WeeklyTaskStatus.OnTrack;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public static int WorkingDaysUntil(DateOnly from, DateOnly to, Func<DateOnly, bool> isWorkingDay)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (isWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
