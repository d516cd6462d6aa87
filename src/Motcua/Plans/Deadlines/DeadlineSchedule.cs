namespace Motcua.Plans.Deadlines;

/// <summary>The due dates a <see cref="TaskDeadline"/> produces on the working-day calendar (pure).</summary>
internal static class DeadlineSchedule
{
    /// <summary>
    /// The due dates of a task that fall in [<paramref name="from"/>, <paramref name="to"/>] (inclusive).
    /// <paramref name="eventRecordedOn"/> is the day an after-event task's event was recorded (null: not
    /// yet, so no due date). <paramref name="isWorkingDay"/> is the unit's calendar.
    /// </summary>
    public static IReadOnlyList<DateOnly> DueDates(TaskDeadline deadline, DateOnly from, DateOnly to, DateOnly? eventRecordedOn, Func<DateOnly, bool> isWorkingDay) =>
        throw new NotImplementedException("Being written with the parser (issue 5).");

    /// <summary>The first due date on or after <paramref name="day"/>, or null when there is none.</summary>
    public static DateOnly? NextDue(TaskDeadline deadline, DateOnly day, DateOnly? eventRecordedOn, Func<DateOnly, bool> isWorkingDay) =>
        throw new NotImplementedException("Being written with the parser (issue 5).");
}
