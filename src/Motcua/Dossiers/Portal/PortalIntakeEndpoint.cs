using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Dossiers.Portal;

internal sealed record PortalIntakeResponse(string Reference, string Code, string Outcome);

/// <summary>A file of a demo submission, given inline (the local portal keeps it and names it by an address).</summary>
internal sealed record LocalPortalFile([MaxLength(1000)] string DocumentName, [MaxLength(255)] string FileName, [MaxLength(28_000_000)] string ContentBase64);

internal sealed record LocalPortalSubmission(
    [MaxLength(100)] string Reference, [MaxLength(20)] string UnitCode, [MaxLength(30)] string ProcedureCode, [MaxLength(20)] string? VariantCode, [MaxLength(20)] string? OnlineLevel, PortalApplicant Applicant, List<LocalPortalFile>? Files);

/// <summary>
/// <c>POST /api/v1/integrations/national-portal/dossiers</c>: the portal pushes a submission, signed with the
/// shared secret (<c>X-Portal-Signature: sha256=</c> the HMAC-SHA256 of the body in hex). 201 with our code,
/// 200 with the same code for a repeated delivery, 422 with the reason when refused (also acknowledged to the
/// portal), 502 when its files cannot be downloaded now (deliver again), 401 for a bad signature, 404 when no
/// secret is configured.
/// </summary>
internal static class PortalIntakeEndpoint
{
    public const string Path = "/integrations/national-portal/dossiers";

    public const string SignatureHeader = "X-Portal-Signature";

    private const int MaxBodyBytes = 1024 * 1024;

    public static void MapPortalIntake(this IEndpointRouteBuilder api)
    {
        // Anonymous to the sign-in schemes: the signature is the authentication, checked before anything is read.
        // The body is read raw (the signature covers its bytes), so no content-type metadata restricts the route.
        api.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery()
            .WithName("ReceiveFromNationalPortal")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("A dossier submitted on the National Public Service Portal, pushed by the portal and signed with the shared secret (X-Portal-Signature: sha256=HMAC-SHA256 of the body). Idempotent on the portal's reference.");

        // For demos: a citizen "submits on the portal" when the local portal stands in for it. The next
        // round of the background loop fetches the submission like one from the real portal.
        api.MapPost("/integrations/national-portal/local/submissions", QueueOnLocalPortal)
            .RequireAuthorization(Access.Contracts.Policies.SystemAdministration)
            .WithName("QueueOnLocalPortal")
            .WithSummary("Demos only, when no portal address is configured: queues a submission on the local portal (files inline in base64); it is fetched on the next round.");
    }

    private static Results<Accepted, NotFound, ValidationProblem> QueueOnLocalPortal(
        LocalPortalSubmission request, IOptions<NationalPortalOptions> options, LocalNationalPortal portal, TimeProvider time, IStringLocalizer<SharedResource> localizer)
    {
        if (!string.IsNullOrEmpty(options.Value.Url))
        {
            return TypedResults.NotFound();
        }

        // A body without these fields binds with nulls; queued as is, it failed later with a 500.
        foreach (var (field, missing) in new[]
        {
            ("reference", string.IsNullOrWhiteSpace(request.Reference)),
            ("unitCode", string.IsNullOrWhiteSpace(request.UnitCode)),
            ("procedureCode", string.IsNullOrWhiteSpace(request.ProcedureCode)),
        })
        {
            if (missing)
            {
                return ApiProblems.Invalid(field, localizer["{0} is required.", field]);
            }
        }

        if (request.Applicant is not { } applicant)
        {
            return ApiProblems.Invalid("applicant", localizer["{0} is required.", "applicant"]);
        }

        var documents = new List<PortalDocument>();
        foreach (var file in request.Files ?? [])
        {
            var content = new byte[file.ContentBase64.Length];
            if (!Convert.TryFromBase64String(file.ContentBase64, content, out var length))
            {
                return ApiProblems.Invalid("files", localizer["{0} is not valid base64.", file.FileName]);
            }

            documents.Add(new PortalDocument(file.DocumentName, file.FileName, portal.AddFile(content[..length])));
        }

        portal.Queue(new PortalSubmission(request.Reference, request.UnitCode, request.ProcedureCode, request.VariantCode, request.OnlineLevel, VietnamTime.Now(time), applicant, documents));
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Created<PortalIntakeResponse>, Ok<PortalIntakeResponse>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult, NotFound>> ReceiveAsync(
        HttpContext context, PortalIntake intake, IOptions<NationalPortalOptions> options, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (options.Value.InboundSecret is not { Length: > 0 } secret)
        {
            return TypedResults.NotFound();
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes || !PortalIntake.SignatureMatches(secret, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), context.Request.Headers[SignatureHeader]))
        {
            return TypedResults.Unauthorized();
        }

        PortalSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<PortalSubmission>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), PortalJson.Options);
        }
        catch (JsonException)
        {
            submission = null;
        }

        if (submission?.Applicant is null)
        {
            return ApiProblems.Invalid("request", localizer["The submission is not in the portal's format."]);
        }

        try
        {
            var result = await intake.ReceiveAsync(submission, cancellationToken);
            return result.Outcome switch
            {
                PortalIntakeOutcome.Accepted => TypedResults.Created((string?)null, new PortalIntakeResponse(result.Reference, result.DossierCode!, "accepted")),
                PortalIntakeOutcome.AlreadyAccepted => TypedResults.Ok(new PortalIntakeResponse(result.Reference, result.DossierCode!, "accepted")),
                _ => TypedResults.Problem(
                    detail: Cultures.IsEnglish ? result.ReasonEn : result.ReasonVi,
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: localizer["The submission was refused."],
                    extensions: new Dictionary<string, object?> { ["reference"] = result.Reference, ["field"] = result.Field, ["vi"] = result.ReasonVi, ["en"] = result.ReasonEn }),
            };
        }
        catch (HttpRequestException)
        {
            return TypedResults.Problem(
                detail: localizer["The submission's files could not be downloaded from the portal now; nothing was recorded. Deliver it again later."],
                statusCode: StatusCodes.Status502BadGateway,
                title: localizer["The portal could not be reached."]);
        }
    }
}
