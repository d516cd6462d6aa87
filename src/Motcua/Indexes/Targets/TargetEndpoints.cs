using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;

namespace Motcua.Indexes.Targets;

internal sealed record ImportedCount(int Imported);

/// <summary>
/// <c>GET /api/v1/indexes/targets?unit=&amp;year=</c> (in force, with the variance so far),
/// <c>PUT /api/v1/indexes/targets</c> (one target), <c>POST /api/v1/indexes/targets/import</c> (.csv/.xlsx,
/// columns unit, indicator, year, value, note; all or nothing).
/// </summary>
internal static class TargetEndpoints
{
    public static void MapTargets(this IEndpointRouteBuilder api)
    {
        api.MapGet("/indexes/targets", ListAsync)
            .WithName("ListTargets")
            .WithSummary("The targets in force for a unit and year (its own, inherited or the set's default), with the year's figure so far and the variance.");
        api.MapPut("/indexes/targets", SetAsync)
            .WithName("SetTarget")
            .WithSummary("Set a unit's target for an indicator and year (a share from 0 to 1, or a number of dossiers).")
            .RequireAuthorization(policy => policy.RequireRole(TargetService.Editors));
        api.MapPost("/indexes/targets/import", ImportAsync)
            .WithName("ImportTargets")
            .WithSummary("Import targets from .csv or .xlsx (unit, indicator, year, value, note); one bad row rejects the whole file.")
            .RequireAuthorization(policy => policy.RequireRole(TargetService.Editors))
            .DisableAntiforgery();
    }

    private static async Task<Results<Ok<TargetList>, ValidationProblem>> ListAsync(
        string? unit, int? year, TargetService targets, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await targets.ListAsync(unit, year, cancellationToken));
    }

    private static async Task<NoContent> SetAsync(TargetInput input, TargetService targets, CancellationToken cancellationToken)
    {
        await targets.SetAsync(input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ImportedCount>, ValidationProblem, ForbidHttpResult>> ImportAsync(
        IFormFile? file, TargetService targets, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(new ImportedCount(await targets.ImportAsync(TabularFile.ReadUpload(file), cancellationToken)));
    }
}
