namespace Motcua.Plans.Accountability;

/// <summary><c>GET /api/v1/plans/accountability?year=</c>: each lead unit's record for the year, most missed first.</summary>
internal static class AccountabilityEndpoint
{
    public static void MapAccountability(this IEndpointRouteBuilder api) =>
        api.MapGet("/plans/accountability", async (int? year, AccountabilityService accountability, CancellationToken ct) => TypedResults.Ok(await accountability.ForYearAsync(year, ct)))
            .WithName("PlanAccountability")
            .WithSummary("Per lead unit and its heads, for a year: tasks done on time, done late, overdue, not reported, escalations received.");
}
