using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.ChangeTask;

internal static class ChangeTaskEndpoint
{
    public static void MapChangeTask(this IEndpointRouteBuilder plans) =>
        plans.MapPut("/tasks/{taskId:guid}", HandleAsync)
            .WithName("ChangePlanTask")
            .WithSummary("Change a task (all its fields, as when adding it).");

    private static Task<Results<Ok<TaskView>, NotFound, ValidationProblem, ForbidHttpResult>> HandleAsync(
        Guid taskId, TaskInput input, PlanEditing editing, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.OkAsync(async () =>
        {
            await editing.ChangeTaskAsync(taskId, input, cancellationToken);
            return (await reading.GetTaskAsync(taskId, cancellationToken)).Task;
        });
}
