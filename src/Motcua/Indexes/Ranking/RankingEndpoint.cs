using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Indexes.ServiceIndex;

namespace Motcua.Indexes.Ranking;

/// <summary>
/// <c>GET /api/v1/indexes/service/ranking?unit=CODE&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD[&amp;by=points|onTimeRate]</c>:
/// the units directly under a unit, ranked; those with fewer dossiers than
/// <c>Motcua:Indexes:RankingMinimumDossiers</c> are listed without a rank.
/// </summary>
internal static class RankingEndpoint
{
    public static void MapRanking(this IEndpointRouteBuilder api) =>
        api.MapGet("/indexes/service/ranking", HandleAsync)
            .WithName("ServiceIndexRanking")
            .WithSummary("Ranking of the units directly under a unit by total points or on-time rate, with a minimum number of dossiers.");

    private static async Task<Results<Ok<RankingResult>, ValidationProblem, ForbidHttpResult>> HandleAsync(
        string? unit, string? from, string? to, string? by, RankingService service, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (Period.Parse(unit, from, to, localizer) is { Problem: { } problem })
        {
            return problem;
        }

        if (!TryMetric(by, out var metric))
        {
            return ApiProblems.Invalid("by", localizer["by must be one of: {0}.", "points, onTimeRate"]);
        }

        return TypedResults.Ok(await service.RankAsync(unit!, Period.Date(from), Period.Date(to), metric, cancellationToken));
    }

    public static bool TryMetric(string? value, out RankingMetric metric)
    {
        metric = RankingMetric.Points;
        return string.IsNullOrWhiteSpace(value) || (Enum.TryParse(value.Trim(), ignoreCase: true, out metric) && Enum.IsDefined(metric) && !int.TryParse(value, out _));
    }
}
