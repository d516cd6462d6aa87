using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Indexes.IndicatorSets;

/// <summary>
/// <c>GET /api/v1/indexes/indicator-sets</c> (every version, which is in force), <c>GET …/{id}</c> (one
/// version with its definition), <c>POST …</c> (a new version; system administrators only).
/// </summary>
internal static class IndicatorSetEndpoints
{
    public static void MapIndicatorSets(this IEndpointRouteBuilder api)
    {
        api.MapGet("/indexes/indicator-sets", async (IndicatorSetAdministration sets, CancellationToken ct) => TypedResults.Ok(await sets.ListAsync(ct)))
            .WithName("ListIndicatorSets")
            .WithSummary("Every version of every indicator set (Decision 766 and province sets), with its effective dates and whether it is in force today.");
        api.MapGet("/indexes/indicator-sets/{id:guid}", GetAsync)
            .WithName("GetIndicatorSet")
            .WithSummary("One version of an indicator set with its definition (groups, scored items, default targets, rating bands).");
        api.MapPost("/indexes/indicator-sets", AddAsync)
            .WithName("AddIndicatorSetVersion")
            .WithSummary("Add a version of an indicator set taking effect on a date after its latest version; past versions are never edited.")
            .RequireAuthorization(Policies.SystemAdministration);
    }

    private static async Task<Results<Ok<IndicatorSetVersionDetail>, NotFound>> GetAsync(Guid id, IndicatorSetAdministration sets, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await sets.FindAsync(id, cancellationToken));
    }

    private static async Task<Results<Created<IndicatorSetVersion>, ValidationProblem, ForbidHttpResult>> AddAsync(
        NewIndicatorSetVersion request, IndicatorSetAdministration sets, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var json = request.Definition is { } definition ? definition.GetRawText() : null;
        var problems = IndicatorSetAdministration.Check(request.Code, json);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                problems.GroupBy(p => p.Field ?? "definition").ToDictionary(g => g.Key, g => g.Select(p => p.Localize(localizer)).Distinct().ToArray()),
                title: localizer["The request was not accepted."]);
        }

        var version = await sets.AddAsync(request.Code, request.EffectiveFrom, json, cancellationToken);
        return TypedResults.Created($"/api/v1/indexes/indicator-sets/{version.Id}", version);
    }
}
