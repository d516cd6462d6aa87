namespace Motcua.Calendar.Contracts;

/// <summary>A deadline and how it was reached: the calendar version used and the days skipped.</summary>
internal sealed record Deadline(DateTime From, DateTime DueAt, long CalendarRevision, IReadOnlyList<(DateOnly Date, string Reason)> Skipped);

/// <summary>
/// The legal clock for the other areas (dossier deadlines, task deadlines, reports). Times are Vietnam
/// local wall-clock times; <c>unitId</c> null means the national calendar without unit overrides.
/// </summary>
internal interface IWorkingTime
{
    Task<Deadline> AddWorkingDaysAsync(Guid? unitId, DateTime from, decimal workingDays, CancellationToken cancellationToken = default);

    Task<Deadline> AddCalendarDaysAsync(Guid? unitId, DateTime from, int days, CancellationToken cancellationToken = default);

    /// <summary>
    /// Restarts a paused clock: the time that was left between <paramref name="pausedAt"/> and
    /// <paramref name="dueAt"/> (office time for working-day procedures, elapsed time for calendar-day
    /// ones) runs again from <paramref name="resumedAt"/>. Used when a requested supplement arrives.
    /// </summary>
    Task<Deadline> ResumeAsync(Guid? unitId, DateTime pausedAt, DateTime dueAt, DateTime resumedAt, bool countsWorkingDays, CancellationToken cancellationToken = default);

    Task<bool> IsWorkingDayAsync(Guid? unitId, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>
    /// The unit's working days as a function, for pure schedules that ask day by day (task deadlines):
    /// one calendar read instead of one per day; it reflects the calendar as it is now.
    /// </summary>
    Task<Func<DateOnly, bool>> WorkingDaysAsync(Guid? unitId, CancellationToken cancellationToken = default);
}
