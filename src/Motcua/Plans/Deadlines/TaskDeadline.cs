namespace Motcua.Plans.Deadlines;

/// <summary>The four ways a plan states when a task is due.</summary>
internal enum DeadlineKind
{
    /// <summary>"trước ngày 10/12/2023", "chậm nhất ngày 15/9/2024": a date.</summary>
    Date = 1,

    /// <summary>"trong tháng 6/2024", "hoàn thành trong tháng 6/2024": a calendar month.</summary>
    Month = 2,

    /// <summary>"thường xuyên", "thứ 6 hàng tuần", "hằng tháng", "định kỳ hàng quý": recurring.</summary>
    Recurring = 3,

    /// <summary>"sau khi UBND tỉnh ban hành …": starts when an event is recorded.</summary>
    AfterEvent = 4,
}

/// <summary>How a recurring task repeats.</summary>
internal enum Recurrence
{
    /// <summary>"thường xuyên": ongoing; reported on at every weekly report, no due date of its own.</summary>
    Continuous = 1,

    /// <summary>"thứ 6 hàng tuần": every week on <see cref="TaskDeadline.Weekday"/>.</summary>
    Weekly = 2,

    /// <summary>"hằng tháng", "trước ngày 20 hằng tháng": every month, on <see cref="TaskDeadline.DayOfMonth"/> or its last working day.</summary>
    Monthly = 3,

    /// <summary>"định kỳ hàng quý": every quarter, by the last working day of the quarter (or by <see cref="TaskDeadline.DayOfMonth"/> of its last month when set).</summary>
    Quarterly = 4,

    /// <summary>"hằng năm": every year, by <see cref="TaskDeadline.Date"/>'s day and month or the last working day of the year.</summary>
    Yearly = 5,
}

/// <summary>
/// A task's deadline as the plan states it: data, not a computed date. The due dates it produces come
/// from <see cref="DeadlineSchedule"/> with the working-day calendar, so a holiday announced later moves
/// them. <see cref="Text"/> keeps the plan's own words ("Hoàn thành trong tháng 6/2024").
/// </summary>
internal sealed record TaskDeadline(
    DeadlineKind Kind,
    DateOnly? Date = null,
    int? Year = null,
    int? Month = null,
    Recurrence? Recurrence = null,
    DayOfWeek? Weekday = null,
    int? DayOfMonth = null,
    string? Event = null,
    int? WorkingDaysAfterEvent = null,
    string? Text = null)
{
    public static TaskDeadline OnDate(DateOnly date, string? text = null) => new(DeadlineKind.Date, Date: date, Text: text);

    public static TaskDeadline InMonth(int year, int month, string? text = null) => new(DeadlineKind.Month, Year: year, Month: month, Text: text);

    public static TaskDeadline Continuous(string? text = null) => new(DeadlineKind.Recurring, Recurrence: Deadlines.Recurrence.Continuous, Text: text);

    public static TaskDeadline Weekly(DayOfWeek weekday, string? text = null) => new(DeadlineKind.Recurring, Recurrence: Deadlines.Recurrence.Weekly, Weekday: weekday, Text: text);

    public static TaskDeadline AfterEventOf(string @event, int? workingDays = null, string? text = null) =>
        new(DeadlineKind.AfterEvent, Event: @event, WorkingDaysAfterEvent: workingDays, Text: text);
}
