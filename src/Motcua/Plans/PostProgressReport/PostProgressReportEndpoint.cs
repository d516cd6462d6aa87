using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.PostProgressReport;

internal static class PostProgressReportEndpoint
{
    public static void MapPostProgressReport(this IEndpointRouteBuilder plans)
    {
        plans.MapPost("/tasks/{taskId:guid}/reports", PostAsync)
            .WithName("PostProgressReport")
            .WithSummary("The lead unit reports on a task: status (notStarted, inProgress, done), percent (0–100), text, and for a recurring task the due date it answers.");
        plans.MapPost("/reports/{reportId:guid}/evidence", AttachAsync)
            .WithName("AttachReportEvidence")
            .WithSummary("Attach an evidence file (PDF, JPEG, PNG, DOCX, XLSX; at most 20 MB) to a report not yet reviewed.")
            .DisableAntiforgery();
        plans.MapGet("/evidence/{evidenceId:guid}", (Guid evidenceId, TaskWork work, CancellationToken cancellationToken) => PlanResults.FileAsync(() => work.OpenEvidenceAsync(evidenceId, cancellationToken)))
            .WithName("DownloadPlanEvidence")
            .WithSummary("An evidence file of a report or a contribution.");
    }

    private static Task<Results<Created<ReportView>, NotFound, ValidationProblem, ForbidHttpResult>> PostAsync(
        Guid taskId, ReportInput input, TaskWork work, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.CreatedAsync(async () =>
        {
            var report = await work.PostReportAsync(taskId, input, [], cancellationToken);
            return ($"/api/v1/plans/tasks/{taskId}", (await reading.GetTaskAsync(taskId, cancellationToken)).Reports.Single(r => r.Id == report.Id));
        });

    private static Task<Results<Ok<FileView>, NotFound, ValidationProblem, ForbidHttpResult>> AttachAsync(
        Guid reportId, IFormFile? file, TaskWork work, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.OkAsync(async () =>
        {
            if (file is not { Length: > 0 })
            {
                throw new DomainException("file", "Choose a file.");
            }

            await using var content = file.OpenReadStream();
            var evidence = await work.AttachReportEvidenceAsync(reportId, new UploadedFile(file.FileName, content), cancellationToken);
            return new FileView(evidence.Id, evidence.FileName, evidence.Size, $"/api/v1/plans/evidence/{evidence.Id}");
        });
}
