using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.RecordEvent;

/// <param name="On">The day the event happened (today when omitted).</param>
internal sealed record RecordEventRequest(DateOnly? On, [MaxLength(500), MultiLine] string? Note);

internal static class RecordEventEndpoint
{
    public static void MapRecordEvent(this IEndpointRouteBuilder plans) =>
        plans.MapPost("/tasks/{taskId:guid}/event", HandleAsync)
            .WithName("RecordTaskEvent")
            .WithSummary("Record that the event an after-event task waits for happened: the task starts and its due date counts from that day.");

    private static Task<Results<Ok<TaskView>, NotFound, ValidationProblem, ForbidHttpResult>> HandleAsync(
        Guid taskId, RecordEventRequest request, TaskWork work, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.OkAsync(async () =>
        {
            await work.RecordEventAsync(taskId, request.On, request.Note, cancellationToken);
            return (await reading.GetTaskAsync(taskId, cancellationToken)).Task;
        });
}
