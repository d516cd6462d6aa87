using Microsoft.EntityFrameworkCore;
using Motcua.Plans.Data;

namespace Motcua.Plans.Scheduling;

/// <summary>A task with its plan, the due date it owes and its status on a day (for the scheduled work and the views).</summary>
internal sealed record TaskOnDay(Plan Plan, PlanTask Task, DateOnly? Due, PlanTaskStatus Status);

/// <summary>Reads the started tasks of plans and judges them on a day with their lead unit's calendar.</summary>
internal sealed class OpenTasks(PlansDbContext db, WorkingDays workingDays)
{
    /// <summary>Every started task (an after-event task starts when its event is recorded) of the given plans or all.</summary>
    public async Task<IReadOnlyList<TaskOnDay>> OnAsync(DateOnly day, Func<IQueryable<Plan>, IQueryable<Plan>>? plans = null, CancellationToken ct = default)
    {
        var planQuery = (plans ?? (q => q))(db.Plans.AsNoTracking());
        var rows = await (from t in db.Tasks.AsNoTracking()
                          join p in planQuery on t.PlanId equals p.Id
                          where t.DeadlineKind != Deadlines.DeadlineKind.AfterEvent || t.EventRecordedOn != null
                          select new { Plan = p, Task = t }).ToListAsync(ct);
        var result = new List<TaskOnDay>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.Plan.IssuedOn).ThenBy(r => r.Task.Number, StringComparer.Ordinal))
        {
            var isWorkingDay = await workingDays.ForAsync(row.Task.LeadUnitId, ct);
            var due = TaskSchedule.OwedDue(row.Task, row.Plan.IssuedOn, isWorkingDay);
            result.Add(new TaskOnDay(row.Plan, row.Task, due, TaskSchedule.StatusOf(row.Task, due, day)));
        }

        return result;
    }

    public Task<Func<DateOnly, bool>> CalendarAsync(Guid unitId, CancellationToken ct) => workingDays.ForAsync(unitId, ct);
}
