using Microsoft.EntityFrameworkCore;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;

namespace Motcua.Plans;

/// <summary>
/// Work on a task once the plan runs: the awaited event recorded, the lead unit's progress reports with
/// evidence, the coordinating units' contributions, and the reform officer's review of each report.
/// </summary>
internal sealed class TaskWork(PlansDbContext db, PlanAccess access, IUnitDirectory units, StoredFiles files, TimeProvider time)
{
    /// <summary>Records the event an after-event task waits for; a runner of the plan does it.</summary>
    public async Task<PlanTask> RecordEventAsync(Guid taskId, DateOnly? on, string? note, CancellationToken cancellationToken = default)
    {
        var (task, plan, _) = await FindTaskAsync(taskId, cancellationToken);
        await access.EnsureRunsAsync(plan, cancellationToken);
        var today = VietnamTime.Today(time);
        task.RecordEvent(on ?? today, note, access.Actor, today);
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    /// <summary>The lead unit's report, with its evidence files, saved together.</summary>
    public async Task<ProgressReport> PostReportAsync(Guid taskId, ReportInput input, IReadOnlyList<UploadedFile> evidence, CancellationToken cancellationToken = default)
    {
        var (task, _, scope) = await FindTaskAsync(taskId, cancellationToken);
        if (!PlanAccess.CanReport(scope, task))
        {
            throw new ForbiddenException();
        }

        var now = VietnamTime.Now(time);
        var report = task.Report(input.ToFields(), access.Actor, now);
        db.Reports.Add(report);
        try
        {
            foreach (var file in evidence)
            {
                db.Evidence.Add(EvidenceFile.ForReport(report, await files.SaveEvidenceAsync(file.FileName, file.Content, cancellationToken), access.Actor, now));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.DiscardUnsaved();
            throw;
        }
        return report;
    }

    /// <summary>A coordinating unit's contribution; <paramref name="unitCode"/> picks the unit when the user may speak for several.</summary>
    public async Task<Contribution> AddContributionAsync(Guid taskId, string? unitCode, string? text, IReadOnlyList<UploadedFile> evidence, CancellationToken cancellationToken = default)
    {
        var (task, _, scope) = await FindTaskAsync(taskId, cancellationToken);
        var mine = PlanAccess.ContributingUnits(scope, task);
        if (mine.Count == 0)
        {
            throw new ForbiddenException();
        }

        var unitId = mine[0];
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var unit = await units.FindByCodeAsync(unitCode.Trim().ToUpperInvariant(), cancellationToken);
            unitId = unit is not null && mine.Contains(unit.Id) ? unit.Id
                : throw new DomainException("unit", "Only a coordinating unit of the task may add a contribution.");
        }

        var now = VietnamTime.Now(time);
        var contribution = task.Contribute(unitId, text, access.Actor, now);
        db.Contributions.Add(contribution);
        try
        {
            foreach (var file in evidence)
            {
                db.Evidence.Add(EvidenceFile.ForContribution(contribution, await files.SaveEvidenceAsync(file.FileName, file.Content, cancellationToken), access.Actor, now));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.DiscardUnsaved();
            throw;
        }
        return contribution;
    }

    /// <summary>Adds an evidence file to a report not yet reviewed; the lead unit's users do it.</summary>
    public async Task<EvidenceFile> AttachReportEvidenceAsync(Guid reportId, UploadedFile file, CancellationToken cancellationToken = default)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken) ?? throw new NotFoundException();
        var (task, _, scope) = await FindTaskAsync(report.TaskId, cancellationToken);
        if (!PlanAccess.CanReport(scope, task))
        {
            throw new ForbiddenException();
        }

        if (report.Review != ReviewState.Pending)
        {
            throw new DomainException("file", "This report was already reviewed.");
        }

        var evidence = EvidenceFile.ForReport(report, await files.SaveEvidenceAsync(file.FileName, file.Content, cancellationToken), access.Actor, VietnamTime.Now(time));
        db.Evidence.Add(evidence);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.DiscardUnsaved();
            throw;
        }
        return evidence;
    }

    public async Task<ProgressReport> AcknowledgeAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        var (report, _) = await FindReportForReviewAsync(reportId, cancellationToken);
        report.Acknowledge(access.Actor, VietnamTime.Now(time));
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Returns a report with a comment; the task's progress goes back to the latest report still standing.</summary>
    public async Task<ProgressReport> ReturnAsync(Guid reportId, string? comment, CancellationToken cancellationToken = default)
    {
        var (report, task) = await FindReportForReviewAsync(reportId, cancellationToken);
        report.Return(comment, access.Actor, VietnamTime.Now(time));
        var reports = await db.Reports.Where(r => r.TaskId == task.Id).ToListAsync(cancellationToken);
        task.RefreshProgress(reports);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    public async Task<(string FileName, string ContentType, Stream Content)> OpenEvidenceAsync(Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var evidence = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId, cancellationToken) ?? throw new NotFoundException();
        await FindTaskAsync(evidence.TaskId, cancellationToken);
        return (evidence.FileName, evidence.ContentType, files.Open(evidence.StoredPath));
    }

    private async Task<(ProgressReport Report, PlanTask Task)> FindReportForReviewAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken) ?? throw new NotFoundException();
        var (task, plan, _) = await FindTaskAsync(report.TaskId, cancellationToken);
        await access.EnsureRunsAsync(plan, cancellationToken);
        return (report, task);
    }

    private async Task<(PlanTask Task, Plan Plan, Access.Contracts.UnitScope Scope)> FindTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.Include(t => t.Coordinators).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw new NotFoundException();
        var plan = await db.Plans.FirstAsync(p => p.Id == task.PlanId, cancellationToken);
        var scope = await access.ScopeAsync(cancellationToken);
        return PlanAccess.SeesTask(scope, plan, task) ? (task, plan, scope) : throw new NotFoundException();
    }
}
