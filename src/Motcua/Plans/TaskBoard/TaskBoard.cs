using Microsoft.EntityFrameworkCore;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.TaskBoard;

internal enum BoardGrouping
{
    /// <summary>Columns overdue, due this week (7 days), due within a month, later, no due date.</summary>
    Deadline,

    /// <summary>Columns not started, in progress, at risk, overdue, done.</summary>
    Status,
}

internal sealed record BoardColumn(string Key, IReadOnlyList<TaskView> Tasks);

internal sealed record BoardView(UnitView? Unit, BoardGrouping By, IReadOnlyList<BoardColumn> Columns);

/// <summary>
/// The task board of a unit: the tasks it leads or coordinates (every visible task when no unit is
/// given), in columns by deadline or by status, earliest due first.
/// </summary>
internal sealed class TaskBoard(PlansDbContext db, PlanAccess access, PlanReading reading, IUnitDirectory units)
{
    public static readonly string[] DeadlineColumns = ["overdue", "thisWeek", "thisMonth", "later", "noDueDate"];

    public static readonly string[] StatusColumns = ["notStarted", "inProgress", "atRisk", "overdue", "done"];

    public async Task<BoardView> GetAsync(string? unitCode, BoardGrouping by, CancellationToken cancellationToken = default)
    {
        var (filtered, unitView) = await access.TasksOfUnitAsync(db, units, unitCode, cancellationToken);
        var tasks = await filtered.Include(t => t.Indicators).ToListAsync(cancellationToken);
        var planIds = tasks.Select(t => t.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var userScope = await access.ScopeAsync(cancellationToken);
        var views = new List<TaskView>(tasks.Count);
        foreach (var task in tasks)
        {
            views.Add(await reading.ViewAsync(plans[task.PlanId], task, userScope, cancellationToken));
        }

        var ordered = views.OrderBy(v => v.DueOn ?? DateOnly.MaxValue).ThenBy(v => v.PlanNumber, StringComparer.Ordinal).ThenBy(v => v.Number, TaskNumberComparer.Instance).ToList();
        var today = reading.Today;
        var columns = by == BoardGrouping.Status
            ? StatusColumns.Select(key => new BoardColumn(key, [.. ordered.Where(v => DeadlineInput.Name(v.Status) == key)]))
            : DeadlineColumns.Select(key => new BoardColumn(key, [.. ordered.Where(v => DeadlineColumn(v, today) == key)]));
        return new BoardView(unitView, by, [.. columns]);
    }

    /// <summary>Done tasks go by their due date like the rest; an overdue task is one not done whose due date passed.</summary>
    public static string DeadlineColumn(TaskView task, DateOnly today) => task.DueOn switch
    {
        null => "noDueDate",
        { } due when due < today && task.Status != PlanTaskStatus.Done => "overdue",
        { } due when due.DayNumber - today.DayNumber < 7 => "thisWeek",
        { } due when due.DayNumber - today.DayNumber <= 31 => "thisMonth",
        _ => "later",
    };
}
