using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.Timeline;

internal static class TimelineEndpoint
{
    public static void MapTimeline(this IEndpointRouteBuilder plans) =>
        plans.MapGet("/{id:guid}/timeline", (Guid id, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                PlanResults.OkAsync(async () => PlanTimeline.Of(await reading.GetAsync(id, cancellationToken), reading.Today)))
            .WithName("PlanTimeline")
            .WithSummary("The plan's tasks on a timeline: start, due date, status and percent, positions in percent of the span.");
}
