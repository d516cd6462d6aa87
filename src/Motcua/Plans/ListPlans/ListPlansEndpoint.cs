using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.ListPlans;

internal static class ListPlansEndpoint
{
    public static void MapListPlans(this IEndpointRouteBuilder plans) =>
        plans.MapGet(string.Empty, (int? year, string? unit, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                PlanResults.OkAsync(() => reading.ListAsync(year, unit, cancellationToken)))
            .WithName("ListPlans")
            .WithSummary("The plans the user sees (issued in their scope, or with tasks led or coordinated there), with the roll-up: percent done and tasks by status.");
}
