using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;

namespace Motcua.Plans.PlanDetails;

internal static class PlanDetailsEndpoint
{
    public static void MapPlanDetails(this IEndpointRouteBuilder plans)
    {
        plans.MapGet("/{id:guid}", (Guid id, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                PlanResults.OkAsync(() => reading.GetAsync(id, cancellationToken)))
            .WithName("GetPlan")
            .WithSummary("A plan with its tasks (due date and status today) and the roll-up.");
        plans.MapGet("/tasks/{taskId:guid}", (Guid taskId, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                PlanResults.OkAsync(() => reading.GetTaskAsync(taskId, cancellationToken)))
            .WithName("GetPlanTask")
            .WithSummary("A task with its reports (and their review) and the coordinating units' contributions.");
    }
}
