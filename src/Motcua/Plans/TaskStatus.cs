namespace Motcua.Plans;

/// <summary>Where a task stands today, for boards, roll-ups and the weekly chase.</summary>
internal enum PlanTaskStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
    Overdue = 3,
    AtRisk = 4,
}

/// <summary>
/// The status of a task (pure). In order:
/// <list type="number">
/// <item>Done: the standing report says done (a one-off task; a recurring task is never done for good).</item>
/// <item>Overdue: not done and the due date it owes is before today.</item>
/// <item>At risk: not done, due within <see cref="AtRiskDays"/> days (today included) and under <see cref="AtRiskPercent"/>% done.</item>
/// <item>In progress: a report says it has begun (in progress, or any percent above 0).</item>
/// <item>Not started: otherwise, including an after-event task whose event is not recorded.</item>
/// </list>
/// </summary>
internal static class TaskStatusRules
{
    public const int AtRiskDays = 7;
    public const int AtRiskPercent = 80;

    /// <param name="progress">The standing report's status (for a recurring task, never <see cref="TaskProgress.Done"/>).</param>
    /// <param name="percent">The standing report's percent done.</param>
    /// <param name="dueOn">The due date the task owes now; null when none (continuous, or waiting for an event).</param>
    public static PlanTaskStatus Of(TaskProgress progress, int percent, DateOnly? dueOn, DateOnly today)
    {
        if (progress == TaskProgress.Done)
        {
            return PlanTaskStatus.Done;
        }

        if (dueOn is { } due)
        {
            if (due < today)
            {
                return PlanTaskStatus.Overdue;
            }

            if (due.DayNumber - today.DayNumber < AtRiskDays && percent < AtRiskPercent)
            {
                return PlanTaskStatus.AtRisk;
            }
        }

        return progress == TaskProgress.InProgress || percent > 0 ? PlanTaskStatus.InProgress : PlanTaskStatus.NotStarted;
    }

    /// <summary>The plan's roll-up: the simple mean of its tasks' percents (a done task counts 100), each task weighing the same.</summary>
    public static int RollUp(IEnumerable<(TaskProgress Progress, int Percent)> tasks)
    {
        var list = tasks.ToList();
        return list.Count == 0 ? 0 : (int)Math.Round(list.Average(t => t.Progress == TaskProgress.Done ? 100 : t.Percent), MidpointRounding.AwayFromZero);
    }
}
