using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Indexes.Closing;

internal sealed record ClosePeriodRequest([MaxLength(20)] string? Unit, DateOnly? From, DateOnly? To, [MaxLength(40)] string? Set, [MaxLength(500), MultiLine] string? Note);

/// <summary>
/// <c>POST /api/v1/indexes/periods/close</c> (publish a unit's figures for a period), <c>GET
/// /api/v1/indexes/periods[?unit=]</c> (closed periods) and <c>GET …/{id}/adjustments</c>.
/// </summary>
internal static class ClosingEndpoints
{
    public static void MapClosing(this IEndpointRouteBuilder api)
    {
        api.MapPost("/indexes/periods/close", CloseAsync)
            .WithName("ClosePeriod")
            .WithSummary("Close a unit's period: its service-index figures are frozen and published; later corrections are listed as adjustments.")
            .RequireAuthorization(policy => policy.RequireRole(PeriodClosing.Closers));
        api.MapGet("/indexes/periods", ListAsync)
            .WithName("ListClosedPeriods")
            .WithSummary("Closed periods of the units the caller may see (or of one unit), with their published total and number of adjustments.");
        api.MapGet("/indexes/periods/{id:guid}/adjustments", AdjustmentsAsync)
            .WithName("ListAdjustments")
            .WithSummary("Changes made after a period was closed that would have moved its figures: dossier, indicators before/after, who, when and why.");
    }

    private static async Task<Results<Created<ClosedPeriodSummary>, ValidationProblem, ForbidHttpResult>> CloseAsync(
        ClosePeriodRequest request, PeriodClosing closing, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var closed = await closing.CloseAsync(request.Unit, request.From, request.To, request.Set, request.Note, cancellationToken);
        return TypedResults.Created($"/api/v1/indexes/periods/{closed.Id}/adjustments", closed);
    }

    private static async Task<Results<Ok<IReadOnlyList<ClosedPeriodSummary>>, ValidationProblem>> ListAsync(
        string? unit, PeriodClosing closing, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await closing.ListAsync(unit, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<AdjustmentView>>, NotFound>> AdjustmentsAsync(Guid id, PeriodClosing closing, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await closing.AdjustmentsOfAsync(id, cancellationToken));
    }
}
