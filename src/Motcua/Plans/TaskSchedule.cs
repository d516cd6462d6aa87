using Motcua.Calendar.Contracts;
using Motcua.Plans.Deadlines;

namespace Motcua.Plans;

/// <summary>
/// A task's due dates, computed when needed from its stored deadline and its lead unit's working-day
/// calendar (ADR 0012): a date is itself; months, recurring and after-event deadlines go through
/// <see cref="DeadlineSchedule"/>. Pure given the calendar function.
/// </summary>
internal static class TaskSchedule
{
    /// <summary>
    /// The due date the task owes now: a one-off task's due date; for a recurring task the first due date
    /// after the occurrence its latest standing report answered (the first one from the plan's date when none).
    /// </summary>
    public static DateOnly? OwedDue(PlanTask task, DateOnly planStart, Func<DateOnly, bool> isWorkingDay)
    {
        var deadline = task.Deadline;
        switch (deadline.Kind)
        {
            case DeadlineKind.Date:
                return deadline.Date;
            case DeadlineKind.AfterEvent when task.EventRecordedOn is null:
                return null;
            case DeadlineKind.Recurring:
                if (task.LastReportedOn is not { } reported)
                {
                    return DeadlineSchedule.NextDue(deadline, planStart, null, isWorkingDay);
                }

                var answered = DeadlineSchedule.NextDue(deadline, reported, null, isWorkingDay);
                return answered is { } a ? DeadlineSchedule.NextDue(deadline, a.AddDays(1), null, isWorkingDay) : null;
            default:
                return DeadlineSchedule.NextDue(deadline, planStart, task.EventRecordedOn, isWorkingDay);
        }
    }

    /// <summary>The due dates in [from, to] (inclusive), for the calendar view.</summary>
    public static IReadOnlyList<DateOnly> DueDates(PlanTask task, DateOnly from, DateOnly to, Func<DateOnly, bool> isWorkingDay)
    {
        var deadline = task.Deadline;
        if (deadline.Kind == DeadlineKind.Date)
        {
            return deadline.Date is { } date && date >= from && date <= to ? [date] : [];
        }

        if (deadline.Kind == DeadlineKind.AfterEvent && task.EventRecordedOn is null)
        {
            return [];
        }

        return DeadlineSchedule.DueDates(deadline, from, to, task.EventRecordedOn, isWorkingDay);
    }

    /// <summary>The status today (see <see cref="TaskStatusRules"/>): a recurring task is never done for good.</summary>
    public static PlanTaskStatus StatusOf(PlanTask task, DateOnly? owedDue, DateOnly today) =>
        TaskStatusRules.Of(task.IsRecurring && task.Progress == TaskProgress.Done ? TaskProgress.InProgress : task.Progress, task.PercentDone, owedDue, today);
}

/// <summary>The working-day calendars of the units a request looks at, read once per unit.</summary>
internal sealed class WorkingDays(IWorkingTime workingTime)
{
    private readonly Dictionary<Guid, Func<DateOnly, bool>> _calendars = [];

    public async Task<Func<DateOnly, bool>> ForAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        if (!_calendars.TryGetValue(unitId, out var isWorkingDay))
        {
            isWorkingDay = await workingTime.WorkingDaysAsync(unitId, cancellationToken);
            _calendars[unitId] = isWorkingDay;
        }

        return isWorkingDay;
    }
}
