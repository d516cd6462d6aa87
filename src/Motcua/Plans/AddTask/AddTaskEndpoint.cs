using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.AddTask;

internal static class AddTaskEndpoint
{
    public static void MapAddTask(this IEndpointRouteBuilder plans) =>
        plans.MapPost("/{id:guid}/tasks", HandleAsync)
            .WithName("AddPlanTask")
            .WithSummary("Add a task by hand: content, lead unit code, coordinating units, responsible person, deadline (date, month, recurring or afterEvent), required evidence, priority, indicators.");

    private static Task<Results<Created<TaskView>, NotFound, ValidationProblem, ForbidHttpResult>> HandleAsync(
        Guid id, TaskInput input, PlanEditing editing, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.CreatedAsync(async () =>
        {
            var task = await editing.AddTaskAsync(id, input, cancellationToken);
            return ($"/api/v1/plans/tasks/{task.Id}", (await reading.GetTaskAsync(task.Id, cancellationToken)).Task);
        });
}
