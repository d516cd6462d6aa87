using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;
using Motcua.Plans.Deadlines;

namespace Motcua.Plans.PlanDetails;

internal sealed record DeadlineView(
    DeadlineKind Kind, DateOnly? Date, int? Year, int? Month, Recurrence? Recurrence, DayOfWeek? Weekday, int? DayOfMonth,
    string? Event, int? WorkingDaysAfterEvent, string? Text)
{
    public static DeadlineView Of(TaskDeadline d) => new(d.Kind, d.Date, d.Year, d.Month, d.Recurrence, d.Weekday, d.DayOfMonth, d.Event, d.WorkingDaysAfterEvent, d.Text);
}

/// <param name="Name">The plan's words for the unit when it has them, else the unit's name.</param>
internal sealed record UnitView(string Code, string Name);

internal sealed record StatusCounts(int NotStarted, int InProgress, int AtRisk, int Overdue, int Done)
{
    public static StatusCounts Of(IEnumerable<PlanTaskStatus> statuses)
    {
        var list = statuses.ToList();
        return new(
            list.Count(s => s == PlanTaskStatus.NotStarted), list.Count(s => s == PlanTaskStatus.InProgress), list.Count(s => s == PlanTaskStatus.AtRisk),
            list.Count(s => s == PlanTaskStatus.Overdue), list.Count(s => s == PlanTaskStatus.Done));
    }
}

internal sealed record PlanSummary(
    Guid Id, string NumberAndSymbol, UnitView IssuingUnit, DateOnly IssuedOn, string Title, int Year, int Tasks, int Percent, StatusCounts Statuses);

internal sealed record TaskView(
    Guid Id,
    Guid PlanId,
    string PlanNumber,
    string Number,
    string? Section,
    string Content,
    UnitView LeadUnit,
    IReadOnlyList<UnitView> CoordinatingUnits,
    string? ResponsiblePerson,
    DeadlineView Deadline,
    DateOnly? DueOn,
    PlanTaskStatus Status,
    TaskProgress Progress,
    int Percent,
    DateOnly? LastReportedOn,
    DateOnly? EventRecordedOn,
    string? RequiredEvidence,
    TaskPriority Priority,
    IReadOnlyList<IndicatorLink> Indicators,
    bool CanReport,
    IReadOnlyList<string> CanContributeFor);

internal sealed record PlanView(
    PlanSummary Summary, string? Purpose, string? SourceFile, bool CanRun, IReadOnlyList<TaskView> Tasks);

internal sealed record FileView(Guid Id, string FileName, long Size, string Url);

internal sealed record ReportView(
    Guid Id, TaskProgress Progress, int Percent, string Text, DateOnly? ForDueOn, string PostedBy, DateTime PostedAt,
    ReviewState Review, string? ReviewedBy, DateTime? ReviewedAt, string? ReviewComment, IReadOnlyList<FileView> Evidence);

internal sealed record ContributionView(Guid Id, UnitView Unit, string Text, string PostedBy, DateTime PostedAt, IReadOnlyList<FileView> Evidence);

internal sealed record TaskDetailsView(PlanSummary Plan, bool CanRun, TaskView Task, IReadOnlyList<ReportView> Reports, IReadOnlyList<ContributionView> Contributions);

/// <summary>
/// Plans and tasks as the user may see them, with each task's due date and status today and the plan's
/// roll-up (the simple mean of its tasks' percents: plans give tasks no weights, and inventing them would
/// make the figure arguable). Due dates come from <see cref="TaskSchedule"/> on the lead unit's calendar.
/// </summary>
internal sealed class PlanReading(PlansDbContext db, PlanAccess access, IUnitDirectory units, WorkingDays workingDays, TimeProvider time)
{
    private Dictionary<Guid, UnitSummary>? _units;

    public DateOnly Today => VietnamTime.Today(time);

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(int? year, string? unitCode, CancellationToken cancellationToken = default)
    {
        var query = (await access.VisiblePlansAsync(db, cancellationToken)).AsNoTracking();
        if (year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }

        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var unit = await units.FindByCodeAsync(unitCode.Trim().ToUpperInvariant(), cancellationToken);
            var id = unit?.Id ?? Guid.Empty;
            query = query.Where(p => p.IssuingUnitId == id || db.Tasks.Any(t => t.PlanId == p.Id && (t.LeadUnitId == id || t.Coordinators.Any(c => c.UnitId == id))));
        }

        var plans = await query.OrderByDescending(p => p.IssuedOn).ThenBy(p => p.NumberAndSymbol).ToListAsync(cancellationToken);
        var ids = plans.Select(p => p.Id).ToList();
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Coordinators).Where(t => ids.Contains(t.PlanId)).ToListAsync(cancellationToken);
        var scope = await access.ScopeAsync(cancellationToken);
        var list = new List<PlanSummary>(plans.Count);
        foreach (var plan in plans)
        {
            var visible = tasks.Where(t => t.PlanId == plan.Id && PlanAccess.SeesTask(scope, plan, t)).ToList();
            list.Add(await SummaryOfTasksAsync(plan, visible, cancellationToken));
        }

        return list;
    }

    public async Task<PlanView> GetAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await (await access.VisiblePlansAsync(db, cancellationToken)).AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new NotFoundException();
        var scope = await access.ScopeAsync(cancellationToken);
        var tasks = (await db.Tasks.AsNoTracking().Include(t => t.Coordinators).Include(t => t.Indicators).Where(t => t.PlanId == planId).ToListAsync(cancellationToken))
            .Where(t => PlanAccess.SeesTask(scope, plan, t))
            .OrderBy(t => t.Ordinal).ThenBy(t => t.Number, TaskNumberComparer.Instance).ToList();
        var views = new List<TaskView>(tasks.Count);
        foreach (var task in tasks)
        {
            views.Add(await ViewAsync(plan, task, scope, cancellationToken));
        }

        return new PlanView(await SummaryAsync(plan, views), plan.Purpose, plan.Source?.FileName, access.CanRun(scope, plan), views);
    }

    public async Task<TaskDetailsView> GetTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        var task = await db.Tasks.AsNoTracking().Include(t => t.Coordinators).Include(t => t.Indicators).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new NotFoundException();
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == task.PlanId, cancellationToken);
        var scope = await access.ScopeAsync(cancellationToken);
        if (!PlanAccess.SeesTask(scope, plan, task))
        {
            throw new NotFoundException();
        }

        var view = await ViewAsync(plan, task, scope, cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => r.TaskId == taskId).ToListAsync(cancellationToken);
        var contributions = await db.Contributions.AsNoTracking().Where(c => c.TaskId == taskId).ToListAsync(cancellationToken);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.TaskId == taskId).ToListAsync(cancellationToken);
        var byUnit = await UnitsAsync(cancellationToken);
        return new TaskDetailsView(
            await SummaryAsync(plan, [view]),
            access.CanRun(scope, plan),
            view,
            [.. reports.OrderByDescending(r => r.PostedAt).Select(r => new ReportView(
                r.Id, r.Progress, r.Percent, r.Text, r.ForDueOn, r.PostedBy, r.PostedAt, r.Review, r.ReviewedBy, r.ReviewedAt, r.ReviewComment,
                Files(evidence.Where(e => e.ReportId == r.Id))))],
            [.. contributions.OrderByDescending(c => c.PostedAt).Select(c => new ContributionView(
                c.Id, Unit(byUnit, c.UnitId, null), c.Text, c.PostedBy, c.PostedAt, Files(evidence.Where(e => e.ContributionId == c.Id))))]);
    }

    /// <summary>A task's view today: its due date on the lead unit's calendar and its status.</summary>
    public async Task<TaskView> ViewAsync(Plan plan, PlanTask task, UnitScope scope, CancellationToken cancellationToken = default)
    {
        var byUnit = await UnitsAsync(cancellationToken);
        var isWorkingDay = await workingDays.ForAsync(task.LeadUnitId, cancellationToken);
        var due = TaskSchedule.OwedDue(task, plan.IssuedOn, isWorkingDay);
        return new TaskView(
            task.Id, plan.Id, plan.NumberAndSymbol, task.Number, task.Section, task.Content,
            Unit(byUnit, task.LeadUnitId, task.LeadUnitName),
            [.. task.Coordinators.OrderBy(c => c.Position).Select(c => Unit(byUnit, c.UnitId, c.Name))],
            task.ResponsiblePerson, DeadlineView.Of(task.Deadline), due, TaskSchedule.StatusOf(task, due, Today), task.Progress, task.PercentDone,
            task.LastReportedOn, task.EventRecordedOn, task.RequiredEvidence, task.Priority,
            [.. task.Indicators.OrderBy(i => i.Position).Select(i => new IndicatorLink(i.Indicator, i.Target))],
            PlanAccess.CanReport(scope, task),
            [.. PlanAccess.ContributingUnits(scope, task).Select(id => byUnit.TryGetValue(id, out var u) ? u.Code : id.ToString())]);
    }

    public async Task<UnitView> UnitAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        Unit(await UnitsAsync(cancellationToken), unitId, null);

    private async Task<PlanSummary> SummaryOfTasksAsync(Plan plan, List<PlanTask> tasks, CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(cancellationToken);
        var views = new List<TaskView>(tasks.Count);
        foreach (var task in tasks)
        {
            views.Add(await ViewAsync(plan, task, scope, cancellationToken));
        }

        return await SummaryAsync(plan, views);
    }

    private async Task<PlanSummary> SummaryAsync(Plan plan, List<TaskView> tasks) => new(
        plan.Id, plan.NumberAndSymbol, Unit(await UnitsAsync(CancellationToken.None), plan.IssuingUnitId, null), plan.IssuedOn, plan.Title, plan.Year,
        tasks.Count, TaskStatusRules.RollUp(tasks.Select(t => (t.Progress, t.Percent))), StatusCounts.Of(tasks.Select(t => t.Status)));

    private async Task<Dictionary<Guid, UnitSummary>> UnitsAsync(CancellationToken cancellationToken) =>
        _units ??= (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id);

    private static UnitView Unit(Dictionary<Guid, UnitSummary> byUnit, Guid id, string? words) =>
        byUnit.TryGetValue(id, out var unit) ? new UnitView(unit.Code, words ?? unit.Name) : new UnitView("?", words ?? "?");

    private static IReadOnlyList<FileView> Files(IEnumerable<EvidenceFile> files) =>
        [.. files.OrderBy(f => f.UploadedAt).Select(f => new FileView(f.Id, f.FileName, f.Size, $"/api/v1/plans/evidence/{f.Id}"))];
}

/// <summary>Orders "1", "2", "2.1", "10", "a" as a reader of the plan would.</summary>
internal sealed class TaskNumberComparer : IComparer<string>
{
    public static readonly TaskNumberComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var b = (y ?? string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
