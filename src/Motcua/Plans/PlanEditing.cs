using Microsoft.EntityFrameworkCore;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;

namespace Motcua.Plans;

/// <summary>
/// Creating and changing plans and their tasks (reform officers and leaders of the issuing unit). Checks
/// every input before anything is written: a refused rule leaves nothing saved.
/// </summary>
internal sealed class PlanEditing(PlansDbContext db, PlanAccess access, IUnitDirectory units, StoredFiles files, TimeProvider time)
{
    public async Task<Plan> CreateAsync(PlanInput input, CancellationToken cancellationToken = default)
    {
        var (plan, _) = await CreateWithTasksAsync(input, [], null, cancellationToken);
        return plan;
    }

    /// <summary>A plan and its tasks in one transaction (the confirmed draft): all or nothing.</summary>
    public async Task<(Plan Plan, IReadOnlyList<PlanTask> Tasks)> CreateWithTasksAsync(
        PlanInput input, IReadOnlyList<TaskInput> taskInputs, UploadedFile? source, CancellationToken cancellationToken = default)
    {
        var fields = await PlanFieldsAsync(input, cancellationToken);
        await access.EnsureMayIssueAsync(fields.IssuingUnitId, input.IssuingUnit!.Trim(), cancellationToken);
        var now = VietnamTime.Now(time);
        var plan = Plan.Create(fields, access.Actor, now);
        await EnsureUniqueAsync(plan, cancellationToken);
        var tasks = new List<PlanTask>();
        for (var i = 0; i < taskInputs.Count; i++)
        {
            try
            {
                tasks.Add(PlanTask.Create(plan, await TaskFieldsAsync(taskInputs[i], cancellationToken), access.Actor, now, i + 1));
            }
            catch (DomainException exception)
            {
                throw new DomainException($"tasks[{i}].{exception.Field}", exception.Message, [.. exception.Arguments]);
            }
        }

        if (source is not null)
        {
            plan.AttachSource(await files.SaveSourceAsync(source.FileName, source.Content, cancellationToken), now);
        }

        db.Plans.Add(plan);
        db.Tasks.AddRange(tasks);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.DiscardUnsaved();
            throw;
        }
        return (plan, tasks);
    }

    public async Task<Plan> ChangeAsync(Guid planId, PlanInput input, CancellationToken cancellationToken = default)
    {
        var plan = await FindPlanAsync(planId, cancellationToken);
        await access.EnsureRunsAsync(plan, cancellationToken);
        var fields = await PlanFieldsAsync(input with { IssuingUnit = input.IssuingUnit ?? (await units.FindAsync(plan.IssuingUnitId, cancellationToken))?.Code }, cancellationToken);
        plan.Change(fields, VietnamTime.Now(time));
        await EnsureUniqueAsync(plan, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<Plan> AttachSourceAsync(Guid planId, UploadedFile source, CancellationToken cancellationToken = default)
    {
        var plan = await FindPlanAsync(planId, cancellationToken);
        await access.EnsureRunsAsync(plan, cancellationToken);
        plan.AttachSource(await files.SaveSourceAsync(source.FileName, source.Content, cancellationToken), VietnamTime.Now(time));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.DiscardUnsaved();
            throw;
        }
        return plan;
    }

    public async Task<(string FileName, string ContentType, Stream Content)> OpenSourceAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await (await access.VisiblePlansAsync(db, cancellationToken)).AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        var source = plan?.Source ?? throw new NotFoundException();
        return (source.FileName, source.ContentType, files.Open(source.StoredPath));
    }

    public async Task<PlanTask> AddTaskAsync(Guid planId, TaskInput input, CancellationToken cancellationToken = default)
    {
        var plan = await FindPlanAsync(planId, cancellationToken);
        await access.EnsureRunsAsync(plan, cancellationToken);
        var last = await db.Tasks.Where(t => t.PlanId == plan.Id).MaxAsync(t => (int?)t.Ordinal, cancellationToken) ?? 0;
        var task = PlanTask.Create(plan, await TaskFieldsAsync(input, cancellationToken), access.Actor, VietnamTime.Now(time), last + 1);
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    public async Task<PlanTask> ChangeTaskAsync(Guid taskId, TaskInput input, CancellationToken cancellationToken = default)
    {
        var task = await db.Tasks.Include(t => t.Coordinators).Include(t => t.Indicators).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new NotFoundException();
        var plan = await FindPlanAsync(task.PlanId, cancellationToken);
        var scope = await access.ScopeAsync(cancellationToken);
        if (!PlanAccess.SeesTask(scope, plan, task))
        {
            throw new NotFoundException();
        }

        await access.EnsureRunsAsync(plan, cancellationToken);
        task.Change(await TaskFieldsAsync(input, cancellationToken), VietnamTime.Now(time));
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    private async Task<Plan> FindPlanAsync(Guid planId, CancellationToken cancellationToken) =>
        await (await access.VisiblePlansAsync(db, cancellationToken)).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new NotFoundException();

    private async Task EnsureUniqueAsync(Plan plan, CancellationToken cancellationToken)
    {
        if (await db.Plans.AnyAsync(p => p.Id != plan.Id && p.IssuingUnitId == plan.IssuingUnitId && p.NumberAndSymbol == plan.NumberAndSymbol && p.IssuedOn == plan.IssuedOn, cancellationToken))
        {
            throw new DomainException("numberAndSymbol", "The unit already has plan {0} of that date.", plan.NumberAndSymbol);
        }
    }

    private async Task<PlanFields> PlanFieldsAsync(PlanInput input, CancellationToken cancellationToken)
    {
        var unit = await UnitAsync(input.IssuingUnit, "issuingUnit", cancellationToken);
        return new PlanFields(input.NumberAndSymbol, unit.Id, input.IssuedOn, input.Title, input.Purpose, input.Year);
    }

    private async Task<TaskFields> TaskFieldsAsync(TaskInput input, CancellationToken cancellationToken)
    {
        var lead = await UnitAsync(input.LeadUnit, "leadUnit", cancellationToken);
        var coordinators = new List<UnitRef>();
        foreach (var coordinator in input.CoordinatingUnits ?? [])
        {
            if (string.IsNullOrWhiteSpace(coordinator.Unit) && string.IsNullOrWhiteSpace(coordinator.Name))
            {
                continue;
            }

            coordinators.Add(new UnitRef((await UnitAsync(coordinator.Unit, "coordinatingUnits", cancellationToken)).Id, coordinator.Name));
        }

        var priority = string.IsNullOrWhiteSpace(input.Priority) ? TaskPriority.Normal
            : Enum.TryParse<TaskPriority>(input.Priority.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(input.Priority, out _) ? parsed
            : throw new DomainException("priority", "The priority is normal, high or urgent.");
        var deadline = input.Deadline?.ToDeadline() ?? throw new DomainException("deadline", "Give the deadline: a date, a month, recurring or after an event.");
        return new TaskFields(
            input.Number, input.Section, input.Content, new UnitRef(lead.Id, input.LeadUnitName), coordinators, input.ResponsiblePerson,
            deadline, input.RequiredEvidence, priority, input.Indicators ?? []);
    }

    private async Task<UnitSummary> UnitAsync(string? code, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException(field, "Give the unit code.");
        }

        return await units.FindByCodeAsync(code.Trim().ToUpperInvariant(), cancellationToken)
            ?? throw new DomainException(field, "There is no unit with code {0} that you may use.", code.Trim());
    }
}
