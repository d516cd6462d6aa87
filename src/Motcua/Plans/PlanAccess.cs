using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans;

/// <summary>
/// Who may see and do what in the plans area. A plan is seen by users whose unit scope holds its issuing
/// unit (all its tasks) or the lead or a coordinating unit of one of its tasks (those tasks). Reform
/// officers and leaders of the issuing unit run the plan and review reports; users of the lead unit post
/// reports; users of a coordinating unit add contributions. Anything out of scope is "not found".
/// </summary>
internal sealed class PlanAccess(ICurrentUser user)
{
    /// <summary>The roles that create and change plans and review reports (within the issuing unit's scope).</summary>
    public static readonly string[] Runners = [Roles.SystemAdmin, Roles.ReformOfficer, Roles.Leader];

    private UnitScope? _scope;

    public string Actor => user.Actor;

    public Guid? UnitId => user.UnitId;

    public bool IsRunner => Runners.Any(user.IsInRole);

    public async Task<UnitScope> ScopeAsync(CancellationToken cancellationToken = default) =>
        _scope ??= await user.GetScopeAsync(cancellationToken);

    /// <summary>The plans the user sees: issued in scope, or with a task led or coordinated in scope.</summary>
    public async Task<IQueryable<Plan>> VisiblePlansAsync(PlansDbContext db, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (scope.IsAll)
        {
            return db.Plans;
        }

        var ids = scope.UnitIds.ToList();
        return db.Plans.Where(p => ids.Contains(p.IssuingUnitId)
            || db.Tasks.Any(t => t.PlanId == p.Id && (ids.Contains(t.LeadUnitId) || t.Coordinators.Any(c => ids.Contains(c.UnitId)))));
    }

    /// <summary>The tasks the user sees (of any plan): of a plan issued in scope, or led or coordinated in scope.</summary>
    /// <summary>
    /// The tasks the caller sees, with their coordinators; given a unit code, only those that unit leads or
    /// coordinates (a unit within the caller's scope, else a refusal naming the code).
    /// </summary>
    public async Task<(IQueryable<PlanTask> Tasks, UnitView? Unit)> TasksOfUnitAsync(PlansDbContext db, IUnitDirectory units, string? unitCode, CancellationToken cancellationToken = default)
    {
        var query = (await VisibleTasksAsync(db, cancellationToken)).AsNoTracking().Include(t => t.Coordinators);
        if (string.IsNullOrWhiteSpace(unitCode))
        {
            return (query, null);
        }

        var unit = await units.FindByCodeAsync(unitCode.Trim().ToUpperInvariant(), cancellationToken);
        var scope = await ScopeAsync(cancellationToken);
        if (unit is null || !scope.Contains(unit.Id))
        {
            throw new DomainException("unit", "There is no unit with code {0} that you may use.", unitCode.Trim());
        }

        return (query.Where(t => t.LeadUnitId == unit.Id || t.Coordinators.Any(c => c.UnitId == unit.Id)), new UnitView(unit.Code, unit.Name));
    }

    public async Task<IQueryable<PlanTask>> VisibleTasksAsync(PlansDbContext db, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (scope.IsAll)
        {
            return db.Tasks;
        }

        var ids = scope.UnitIds.ToList();
        return db.Tasks.Where(t => ids.Contains(t.LeadUnitId) || t.Coordinators.Any(c => ids.Contains(c.UnitId))
            || db.Plans.Any(p => p.Id == t.PlanId && ids.Contains(p.IssuingUnitId)));
    }

    public bool SeesAllTasks(UnitScope scope, Plan plan) => scope.Contains(plan.IssuingUnitId);

    public static bool SeesTask(UnitScope scope, Plan plan, PlanTask task) =>
        scope.Contains(plan.IssuingUnitId) || task.UnitIds.Any(scope.Contains);

    public bool CanRun(UnitScope scope, Plan plan) => IsRunner && scope.Contains(plan.IssuingUnitId);

    public static bool CanReport(UnitScope scope, PlanTask task) => scope.Contains(task.LeadUnitId);

    /// <summary>The task's coordinating units the user may contribute for.</summary>
    public static IReadOnlyList<Guid> ContributingUnits(UnitScope scope, PlanTask task) =>
        [.. task.Coordinators.Select(c => c.UnitId).Where(scope.Contains).Distinct()];

    /// <summary>Refuses a runner's action on a plan the user sees (callers found it among the visible ones) but does not run.</summary>
    public async Task EnsureRunsAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (!CanRun(scope, plan))
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>A plan may be issued only by a unit in scope, by a reform officer, leader or system administrator.</summary>
    public async Task EnsureMayIssueAsync(Guid unitId, string unitCode, CancellationToken cancellationToken = default)
    {
        if (!IsRunner)
        {
            throw new ForbiddenException();
        }

        var scope = await ScopeAsync(cancellationToken);
        if (!scope.Contains(unitId))
        {
            throw new DomainException("issuingUnit", "There is no unit with code {0} that you may use.", unitCode);
        }
    }
}
