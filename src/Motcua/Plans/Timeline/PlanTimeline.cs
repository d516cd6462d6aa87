using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.Timeline;

/// <param name="Start">When the task starts: the plan's date, or the event's for an after-event task.</param>
/// <param name="End">The due date owed; null for a continuous task (it runs to the end of the timeline).</param>
internal sealed record TimelineRow(Guid TaskId, string Number, string Content, string LeadUnit, DateOnly? Start, DateOnly? End, PlanTaskStatus Status, int Percent, bool Recurring);

internal sealed record TimelineMonth(DateOnly First, double Left, double Width);

/// <summary>A Gantt-like view of a plan, positions in percent of the span, rendered by the server (no script).</summary>
internal sealed record TimelineView(DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<TimelineMonth> Months, IReadOnlyList<TimelineRow> Rows)
{
    public double Position(DateOnly day) =>
        Math.Clamp((day.DayNumber - From.DayNumber) * 100.0 / Math.Max(1, To.DayNumber - From.DayNumber + 1), 0, 100);
}

/// <summary>Builds the timeline of a plan from its details (pure).</summary>
internal static class PlanTimeline
{
    public static TimelineView Of(PlanView plan, DateOnly today)
    {
        var summary = plan.Summary;
        var starts = plan.Tasks.Select(t => Start(t, summary.IssuedOn)).OfType<DateOnly>().ToList();
        var ends = plan.Tasks.Select(t => t.DueOn).OfType<DateOnly>().ToList();
        var from = new DateOnly(Math.Min(summary.IssuedOn.Year, summary.Year), summary.IssuedOn.Year < summary.Year ? 1 : summary.IssuedOn.Month, 1);
        if (starts.Count > 0 && starts.Min() < from)
        {
            from = new DateOnly(starts.Min().Year, starts.Min().Month, 1);
        }

        var to = new DateOnly(summary.Year, 12, 31);
        if (ends.Count > 0 && ends.Max() > to)
        {
            var max = ends.Max();
            to = new DateOnly(max.Year, max.Month, 1).AddMonths(1).AddDays(-1);
        }

        var view = new TimelineView(from, to, today, [], []);
        var months = new List<TimelineMonth>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            months.Add(new TimelineMonth(month, view.Position(month), view.Position(next > to ? to.AddDays(1) : next) - view.Position(month)));
        }

        var rows = plan.Tasks.Select(t => new TimelineRow(
            t.Id, t.Number, t.Content, t.LeadUnit.Name, Start(t, summary.IssuedOn), t.DueOn, t.Status, t.Percent, t.Deadline.Kind == Deadlines.DeadlineKind.Recurring)).ToList();
        return view with { Months = months, Rows = rows };
    }

    private static DateOnly? Start(TaskView task, DateOnly planStart) =>
        task.Deadline.Kind == Deadlines.DeadlineKind.AfterEvent ? task.EventRecordedOn : planStart;
}
