using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.AddContribution;

/// <param name="Unit">The coordinating unit's code, when the user may speak for several.</param>
internal sealed record ContributionRequest([MaxLength(20)] string? Unit, [MaxLength(ProgressReport.MaxText), MultiLine] string? Text);

internal static class AddContributionEndpoint
{
    public static void MapAddContribution(this IEndpointRouteBuilder plans) =>
        plans.MapPost("/tasks/{taskId:guid}/contributions", HandleAsync)
            .WithName("AddContribution")
            .WithSummary("A coordinating unit says what it contributed to a task.");

    private static Task<Results<Created<ContributionView>, NotFound, ValidationProblem, ForbidHttpResult>> HandleAsync(
        Guid taskId, ContributionRequest request, TaskWork work, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.CreatedAsync(async () =>
        {
            var contribution = await work.AddContributionAsync(taskId, request.Unit, request.Text, [], cancellationToken);
            return ($"/api/v1/plans/tasks/{taskId}", (await reading.GetTaskAsync(taskId, cancellationToken)).Contributions.Single(c => c.Id == contribution.Id));
        });
}
