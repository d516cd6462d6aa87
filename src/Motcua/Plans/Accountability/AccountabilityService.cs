using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;
using Motcua.Plans.Scheduling;

namespace Motcua.Plans.Accountability;

/// <summary>
/// A lead unit's record over a year, for its head (seed 001 asks for sanctions on heads whose units
/// miss): tasks done on time, done late, still overdue, never reported, and the escalations it received.
/// </summary>
internal sealed record UnitAccountability(
    string Unit, string UnitName, IReadOnlyList<string> Heads, int Tasks, int DoneOnTime, int DoneLate, int Overdue, int NotReported, int Open, int Escalations)
{
    /// <summary>Late work of any kind: done late, overdue, or silent.</summary>
    public int Missed => DoneLate + Overdue + NotReported;
}

/// <summary>The accountability view per unit head for a year (plans of that year, units in the user's scope).</summary>
internal sealed class AccountabilityService(PlansDbContext db, OpenTasks tasks, ICurrentUser user, IUnitDirectory units, IUserDirectory users, TimeProvider time)
{
    /// <summary>
    /// Pure: one unit's counts. A done task is on time when done by its due date (no due date: on time);
    /// an open task past its due date is overdue; a started open task with no standing report is not reported.
    /// </summary>
    public static (int OnTime, int Late, int Overdue, int NotReported, int Open) Count(IEnumerable<TaskOnDay> unitTasks)
    {
        int onTime = 0, late = 0, overdue = 0, notReported = 0, open = 0;
        foreach (var t in unitTasks)
        {
            if (t.Status == PlanTaskStatus.Done)
            {
                if (t.Due is { } due && t.Task.DoneOn > due)
                {
                    late++;
                }
                else
                {
                    onTime++;
                }

                continue;
            }

            if (t.Status == PlanTaskStatus.Overdue)
            {
                overdue++;
            }
            else if (t.Task.LastReportedOn is null)
            {
                notReported++;
            }
            else
            {
                open++;
            }
        }

        return (onTime, late, overdue, notReported, open);
    }

    public async Task<IReadOnlyList<UnitAccountability>> ForYearAsync(int? year, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(time);
        var forYear = year ?? today.Year;
        var asOf = forYear < today.Year ? new DateOnly(forYear, 12, 31) : today;
        var scope = await user.GetScopeAsync(cancellationToken);
        var all = await tasks.OnAsync(asOf, plans => plans.Where(p => p.Year == forYear), cancellationToken);
        var visible = all.Where(t => scope.Contains(t.Task.LeadUnitId) || scope.Contains(t.Plan.IssuingUnitId)).ToList();
        var from = new DateTime(forYear, 1, 1);
        var to = from.AddYears(1);
        var escalations = await db.Escalations.AsNoTracking().Where(e => e.SentAt >= from && e.SentAt < to && e.Step.StartsWith("overdue"))
            .GroupBy(e => e.LeadUnitId).Select(g => new { Unit = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Unit, x => x.Count, cancellationToken);
        var result = new List<UnitAccountability>();
        foreach (var unit in visible.GroupBy(t => t.Task.LeadUnitId))
        {
            var summary = await units.FindAsync(unit.Key, cancellationToken);
            var heads = (await users.InUnitAsync(unit.Key, Roles.Leader, cancellationToken)).Select(u => string.IsNullOrWhiteSpace(u.FullName) ? u.UserName : u.FullName).ToList();
            var (onTime, late, overdue, notReported, open) = Count(unit);
            result.Add(new UnitAccountability(
                summary?.Code ?? string.Empty, summary?.Name ?? unit.First().Task.LeadUnitName ?? string.Empty, heads, unit.Count(), onTime, late, overdue, notReported, open, escalations.GetValueOrDefault(unit.Key)));
        }

        return [.. result.OrderByDescending(r => r.Missed).ThenBy(r => r.UnitName, StringComparer.Ordinal)];
    }
}
