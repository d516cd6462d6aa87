using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;

namespace Motcua.Plans.TaskBoard;

internal static class TaskBoardEndpoint
{
    public static void MapTaskBoard(this IEndpointRouteBuilder plans) =>
        plans.MapGet("/board", (string? unit, string? by, TaskBoard board, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                PlanResults.OkAsync(() => board.GetAsync(unit, ParseGrouping(by), cancellationToken)))
            .WithName("TaskBoard")
            .WithSummary("The task board of a unit (the tasks it leads or coordinates), by=deadline (overdue, thisWeek, thisMonth, later, noDueDate) or by=status.");

    public static BoardGrouping ParseGrouping(string? by) => by?.Trim().ToLowerInvariant() switch
    {
        null or "" or "deadline" => BoardGrouping.Deadline,
        "status" => BoardGrouping.Status,
        _ => throw new DomainException("by", "Group the board by deadline or by status."),
    };
}
