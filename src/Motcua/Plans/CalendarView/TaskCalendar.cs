using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.CalendarView;

internal sealed record CalendarEntry(Guid TaskId, string PlanNumber, string Number, string Content, DateOnly DueOn, PlanTaskStatus Status, bool Recurring);

internal sealed record CalendarDay(DateOnly Date, bool InMonth, IReadOnlyList<CalendarEntry> Entries);

/// <param name="Weeks">Monday-first weeks covering the month.</param>
internal sealed record CalendarMonth(string Month, UnitView? Unit, IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks);

/// <summary>A month grid of the due dates of the tasks a user sees (or a unit leads or coordinates), recurring occurrences included.</summary>
internal sealed class TaskCalendar(PlansDbContext db, PlanAccess access, PlanReading reading, WorkingDays workingDays, IUnitDirectory units)
{
    public async Task<CalendarMonth> GetAsync(string? unitCode, string? month, CancellationToken cancellationToken = default)
    {
        var first = ParseMonth(month) ?? new DateOnly(reading.Today.Year, reading.Today.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var end = last.AddDays((7 - (int)last.DayOfWeek) % 7);
        var (filtered, unitView) = await access.TasksOfUnitAsync(db, units, unitCode, cancellationToken);

        var tasks = await filtered.ToListAsync(cancellationToken);
        var planIds = tasks.Select(t => t.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var userScope = await access.ScopeAsync(cancellationToken);
        var entries = new List<CalendarEntry>();
        foreach (var task in tasks)
        {
            var plan = plans[task.PlanId];
            var view = await reading.ViewAsync(plan, task, userScope, cancellationToken);
            var isWorkingDay = await workingDays.ForAsync(task.LeadUnitId, cancellationToken);
            foreach (var due in TaskSchedule.DueDates(task, start, end, isWorkingDay))
            {
                // The occurrences of a recurring task before the one owed now were answered by reports; the later ones are to come.
                var status = !task.IsRecurring || due == view.DueOn ? view.Status
                    : view.DueOn is { } owed && due < owed ? PlanTaskStatus.Done : PlanTaskStatus.NotStarted;
                entries.Add(new CalendarEntry(task.Id, plan.NumberAndSymbol, task.Number, Short(task.Content), due, status, task.IsRecurring));
            }
        }

        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var day = start; day <= end; day = day.AddDays(7))
        {
            weeks.Add([.. Enumerable.Range(0, 7).Select(i => day.AddDays(i)).Select(d => new CalendarDay(
                d, d.Month == first.Month, [.. entries.Where(e => e.DueOn == d).OrderBy(e => e.PlanNumber, StringComparer.Ordinal).ThenBy(e => e.Number, TaskNumberComparer.Instance)]))]);
        }

        return new CalendarMonth(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), unitView, weeks);
    }

    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM", "MM/yyyy", "M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? new DateOnly(month.Year, month.Month, 1)
            : string.IsNullOrWhiteSpace(text) ? null : throw new DomainException("month", "The month {0} must be written YYYY-MM.", text);

    private static string Short(string content) => content.Length <= 120 ? content : content[..117] + "…";
}
