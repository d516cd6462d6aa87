using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Dossiers.DossierActions;

namespace Motcua.Dossiers.Lookup;

/// <summary>What an applicant sees: no officer names, no other applicant's data.</summary>
internal sealed record PublicDossierResponse(
    string Code,
    string ProcedureName,
    DossierStatus Status,
    string StatusText,
    string ExpectedFromApplicant,
    DateTime SubmittedAt,
    DateTime? ReceivedAt,
    DateTime? DueAt,
    bool NewAppointmentGiven,
    DateTime? CompletedAt,
    DateTime? ReturnedAt,
    long FeeDue,
    bool CanRate,
    Rating? Rating)
{
    public static PublicDossierResponse From(Dossier d, IStringLocalizer localizer) => new(
        d.Code,
        d.ProcedureName,
        d.Status,
        localizer[StatusTexts.Of(d.Status)],
        localizer[StatusTexts.Expected(d)],
        d.SubmittedAt,
        d.ReceivedAt,
        d.DueAt,
        d.HasApology,
        d.CompletedAt,
        d.ReturnedAt,
        d.FeeDue,
        d.CompletedAt is not null && d.Status != DossierStatus.Stopped && d.Rating is null,
        d.Rating);
}

internal sealed record RatingRequest(Rating? Rating, bool Harassment, [MaxLength(1000), MultiLine] string? Comment);

internal sealed record OnlineSubmissionResponse(string Code, string Secret, string LookupUrl);

/// <summary>
/// The citizen side: status lookup by code and secret, rating, and online submission without an account.
/// Rate limited per client address; an unknown code and a wrong secret look the same.
/// </summary>
internal static class PublicDossierEndpoints
{
    public const string RateLimitPolicy = "public-dossiers";

    public static void MapPublicDossierEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/public/dossiers").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        group.MapGet("/{code}", LookupAsync).WithName("LookupDossier").WithSummary("Status of a dossier for its applicant: code and secret (from the receipt or its QR code).");
        group.MapPost("/{code}/rating", RateAsync).WithName("RateDossier").ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The applicant rates the service once, after the result is ready.");
        api.MapPost("/public/dossiers", SubmitAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy).DisableAntiforgery()
            .WithName("SubmitDossierOnline").WithSummary("An online submission without an account; returns the code and the lookup secret.");
    }

    private static async Task<Results<Ok<PublicDossierResponse>, NotFound>> LookupAsync(
        string code, string? secret, DossierService dossiers, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await dossiers.LookupAsync(code, secret, cancellationToken) is { } dossier
            ? TypedResults.Ok(PublicDossierResponse.From(dossier, localizer))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PublicDossierResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RateAsync(
        string code, string? secret, RatingRequest request, DossierService dossiers, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var rating = request.Rating ?? throw new DomainException("rating", "Choose very satisfied, satisfied or not satisfied.");
        var dossier = await dossiers.RateAsync(code, secret, rating, request.Harassment, request.Comment, cancellationToken);
        return TypedResults.Ok(PublicDossierResponse.From(dossier, localizer));
    }

    private static async Task<Results<Created<OnlineSubmissionResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        SubmitDossierRequest request, DossierService dossiers, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var dossier = await dossiers.SubmitOnlineAsync(DossierEndpoints.ToNewDossier(request), cancellationToken);
        var url = $"/tra-cuu?code={Uri.EscapeDataString(dossier.Code)}&secret={Uri.EscapeDataString(dossier.Secret)}";
        return TypedResults.Created(url, new OnlineSubmissionResponse(dossier.Code, dossier.Secret, url));
    }
}

/// <summary>The status names and the next step for the applicant, in plain words (keys of the translation file).</summary>
internal static class StatusTexts
{
    public static string Of(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "Submitted, waiting for the completeness check",
        DossierStatus.IntakeSupplementRequested => "Incomplete: documents to add before receipt",
        DossierStatus.IntakeRefused => "Not accepted at intake",
        DossierStatus.Received => "Received",
        DossierStatus.InProcessing => "Being processed",
        DossierStatus.AtOtherAgency => "Being processed by another agency",
        DossierStatus.SupplementRequested => "Waiting for your supplement",
        DossierStatus.AwaitingApproval => "Waiting for approval",
        DossierStatus.Approved => "Approved, result being prepared",
        DossierStatus.Refused => "Refused",
        DossierStatus.ResultReady => "Result ready",
        DossierStatus.Returned => "Result returned",
        DossierStatus.Withdrawn => "Withdrawn",
        DossierStatus.Cancelled => "Cancelled",
        DossierStatus.Stopped => "Processing stopped",
        _ => status.ToString(),
    };

    private const string BringSupplement = "Bring or send the documents listed in the supplement request.";
    private const string PayAndCollect = "Pay the fee and collect your result.";
    private const string Collect = "Collect your result.";
    private const string CollectRefusal = "Collect the refusal notice with its reasons.";
    private const string Nothing = "Nothing is needed from you now.";

    /// <summary>Every text this class can give, for the translation coverage test.</summary>
    public static IEnumerable<string> All => Enum.GetValues<DossierStatus>().Select(Of).Concat([BringSupplement, PayAndCollect, Collect, CollectRefusal, Nothing]);

    public static string Expected(Dossier d) => d.Status switch
    {
        DossierStatus.IntakeSupplementRequested or DossierStatus.SupplementRequested => BringSupplement,
        DossierStatus.ResultReady when d.Fee > d.FeePaid => PayAndCollect,
        DossierStatus.ResultReady => Collect,
        DossierStatus.Refused when d.ReturnedAt is null => CollectRefusal,
        _ => Nothing,
    };
}
