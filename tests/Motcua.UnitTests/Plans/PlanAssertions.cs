using System.Globalization;
using Motcua.Calendar;
using Motcua.Plans.Deadlines;
using Motcua.Plans.DraftFromText;

namespace Motcua.UnitTests.Plans;

/// <summary>Short forms for expected deadlines and tasks, so the seed tables read like the documents.</summary>
internal static class PlanAssertions
{
    /// <summary>The statutory calendar alone: the Labour Code's holidays and days in lieu, nothing announced.</summary>
    public static readonly WorkingCalendar Statutory = new(OfficeHours.Default, []);

    /// <summary>
    /// The real 2024 calendar of a state office: the statutory one with the year's announcements as the
    /// administrator enters them (overrides). Tết 2024 was announced as 08–14/02 (Thursday 8 off, the
    /// statutory day in lieu Thursday 15 worked); Monday 29/4 was swapped with Saturday 4/5.
    /// </summary>
    public static readonly WorkingCalendar Calendar = new(OfficeHours.Default, [
        new CalendarOverride(new DateOnly(2024, 2, 8), OverrideKind.DayOff, "Nghỉ Tết Giáp Thìn"),
        new CalendarOverride(new DateOnly(2024, 2, 15), OverrideKind.WorkingDay, "Đi làm (nghỉ bù chuyển sang 08/02)"),
        new CalendarOverride(new DateOnly(2024, 4, 29), OverrideKind.DayOff, "Hoán đổi ngày làm việc"),
        new CalendarOverride(new DateOnly(2024, 5, 4), OverrideKind.WorkingDay, "Làm bù cho 29/4"),
    ]);

    public static readonly Func<DateOnly, bool> IsWorkingDay = Calendar.IsWorkingDay;

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"date 2023-11-20", "month 2024-06", "weekly Friday", "monthly 20", "quarterly", "yearly 12-15", "continuous", "after UBND tỉnh …", or "none".</summary>
    public static string Describe(TaskDeadline? deadline) => deadline switch
    {
        null => "none",
        { Kind: DeadlineKind.Date, Date: { } date } => "date " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        { Kind: DeadlineKind.Month } => string.Create(CultureInfo.InvariantCulture, $"month {deadline.Year:0000}-{deadline.Month:00}"),
        { Kind: DeadlineKind.AfterEvent } => "after " + deadline.Event + (deadline.WorkingDaysAfterEvent is { } n ? string.Create(CultureInfo.InvariantCulture, $" +{n}") : string.Empty),
        { Recurrence: Recurrence.Weekly } => "weekly " + deadline.Weekday,
        { Recurrence: Recurrence.Monthly } => "monthly" + (deadline.DayOfMonth is { } d ? string.Create(CultureInfo.InvariantCulture, $" {d}") : string.Empty),
        { Recurrence: Recurrence.Quarterly } => "quarterly",
        { Recurrence: Recurrence.Yearly } => "yearly" + (deadline.Date is { } y ? " " + y.ToString("MM-dd", CultureInfo.InvariantCulture) : string.Empty),
        { Recurrence: Recurrence.Continuous } => "continuous",
        _ => "unknown",
    };

    /// <summary>A task as "number | content start | leads | coordinating | deadline", content cut to the expected start's length.</summary>
    public static string Row(DraftTask task, int contentLength) =>
        string.Join(" | ", task.Number, task.Content[..Math.Min(contentLength, task.Content.Length)], string.Join("; ", task.LeadUnits), string.Join("; ", task.CoordinatingUnits), Describe(task.Deadline))
            .Replace("|  |", "| |", StringComparison.Ordinal).Replace("|  |", "| |", StringComparison.Ordinal);

    public static string ReadSeed(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "Seeds", name));
}
