using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.CreatePlan;

internal static class CreatePlanEndpoint
{
    public static void MapCreatePlan(this IEndpointRouteBuilder plans) =>
        plans.MapPost(string.Empty, HandleAsync)
            .WithName("CreatePlan")
            .WithSummary("Create a plan (number and symbol, issuing unit code, date, title, purpose, year); reform officers and leaders of the issuing unit.");

    private static Task<Results<Created<PlanView>, NotFound, ValidationProblem, ForbidHttpResult>> HandleAsync(
        PlanInput input, PlanEditing editing, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.CreatedAsync(async () =>
        {
            var plan = await editing.CreateAsync(input, cancellationToken);
            return ($"/api/v1/plans/{plan.Id}", await reading.GetAsync(plan.Id, cancellationToken));
        });
}
