using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.ReviewReport;

internal sealed record ReturnRequest([MaxLength(2000), MultiLine] string? Comment);

internal static class ReviewReportEndpoint
{
    public static void MapReviewReport(this IEndpointRouteBuilder plans)
    {
        plans.MapPost("/reports/{reportId:guid}/acknowledge", (Guid reportId, TaskWork work, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                ReviewAsync(localizer, reading, () => work.AcknowledgeAsync(reportId, cancellationToken), cancellationToken))
            .WithName("AcknowledgeReport")
            .WithSummary("The reform officer (or a leader) of the issuing unit acknowledges a report.");
        plans.MapPost("/reports/{reportId:guid}/return", (Guid reportId, ReturnRequest request, TaskWork work, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                ReviewAsync(localizer, reading, () => work.ReturnAsync(reportId, request.Comment, cancellationToken), cancellationToken))
            .WithName("ReturnReport")
            .WithSummary("Return a report with a comment: it no longer counts for the task's progress.");
    }

    private static Task<Results<Ok<ReportView>, NotFound, ValidationProblem, ForbidHttpResult>> ReviewAsync(
        IStringLocalizer localizer, PlanReading reading, Func<Task<ProgressReport>> review, CancellationToken cancellationToken) =>
        PlanResults.OkAsync(async () =>
        {
            var report = await review();
            return (await reading.GetTaskAsync(report.TaskId, cancellationToken)).Reports.Single(r => r.Id == report.Id);
        });
}
