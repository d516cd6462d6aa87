using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Indexes.EarlyWarning;

/// <summary>
/// <c>GET /api/v1/indexes/service/early-warning?unit=CODE[&amp;days=2][&amp;limit=200]</c>: open dossiers that
/// become late within the next <c>days</c> working days (soonest first, at most <c>limit</c> listed, all
/// counted), and the projection of this month's on-time rate if nothing changes.
/// </summary>
internal static class EarlyWarningEndpoint
{
    public static void MapEarlyWarning(this IEndpointRouteBuilder api) =>
        api.MapGet("/indexes/service/early-warning", HandleAsync)
            .WithName("ServiceIndexEarlyWarning")
            .WithSummary("Open dossiers about to become late within N working days, and this month's on-time rate if nothing changes.");

    private static async Task<Results<Ok<EarlyWarningResult>, ValidationProblem, ForbidHttpResult>> HandleAsync(
        string? unit, int? days, int? limit, EarlyWarningService service, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return ApiProblems.Invalid("unit", localizer["Give the unit code."]);
        }

        return TypedResults.Ok(await service.WarnAsync(unit, days ?? EarlyWarningService.DefaultDays, limit ?? EarlyWarningService.DefaultLimit, cancellationToken));
    }
}
