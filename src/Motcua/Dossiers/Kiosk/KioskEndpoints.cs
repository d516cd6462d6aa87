using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Dossiers.Kiosk;

internal sealed record KioskScreenResponse(bool Waiting, KioskDossier? Dossier);

internal sealed record KioskRatingRequest([MaxLength(60)] string? Code, Rating? Rating, List<KioskReason>? Reasons, [MaxLength(1000), MultiLine] string? Comment);

internal sealed record KioskRatingResponse(string Code, Rating Rating, bool Harassment);

/// <summary>
/// Rating at the counter: the officer invites the applicant after the return; the counter's tablet (signed in
/// as the officer) reads what to show and sends the citizen's rating. The page <c>/danh-gia/quay/{unitCode}</c>
/// uses the same service.
/// </summary>
internal static class KioskEndpoints
{
    public static void MapKioskEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/dossiers/{code}/rating-invitation", InviteAsync).WithName("InviteRatingAtKiosk")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("After the return, shows the dossier on the counter's tablet (kiosk) of the calling receiving officer so the applicant rates it there.");
        api.MapGet("/kiosk/{unitCode}", ScreenAsync).WithName("KioskScreen")
            .WithSummary("What the counter's tablet of the calling receiving officer shows: waiting, or the dossier to rate.");
        api.MapPost("/kiosk/{unitCode}/rating", RateAsync).WithName("RateAtKiosk")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The citizen's rating on the counter's tablet: {code, rating, reasons: [slow|attitude|guidance|harassment] (only with notSatisfied), comment}. Once per dossier.");
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult, ForbidHttpResult>> InviteAsync(
        string code, KioskRatings kiosk, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        await kiosk.InviteAsync(code, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<KioskScreenResponse>, NotFound, ForbidHttpResult>> ScreenAsync(string unitCode, KioskRatings kiosk, CancellationToken cancellationToken)
    {
        var current = await kiosk.CurrentAsync(unitCode, cancellationToken);
        return TypedResults.Ok(new KioskScreenResponse(current is null, current));
    }

    private static async Task<Results<Ok<KioskRatingResponse>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> RateAsync(
        string unitCode, KioskRatingRequest request, KioskRatings kiosk, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var dossier = await kiosk.RateAsync(unitCode, request.Code ?? string.Empty, request.Rating, [.. (request.Reasons ?? []).Distinct()], request.Comment, cancellationToken);
        return TypedResults.Ok(new KioskRatingResponse(dossier.Code, dossier.Rating!.Value, dossier.RatedHarassment));
    }
}
