using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Dossiers.Lookup;

namespace Motcua.Dossiers.Files;

internal sealed record DossierFileResponse(Guid Id, string? DocumentName, bool IsResult, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string UploadedBy)
{
    public static DossierFileResponse From(DossierFile f) => new(f.Id, f.DocumentName, f.IsResult, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.UploadedBy);
}

/// <summary>Scans and results of a dossier: upload (multipart <c>file</c>, <c>documentName</c> or <c>result=true</c>), list, download.</summary>
internal static class FileEndpoints
{
    public static void MapFileEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/dossiers/{code}/files", UploadAsync).WithName("AttachDossierFile").DisableAntiforgery()
            .WithSummary("Attaches a scanned component (documentName = a checklist line) or the result (result=true): PDF, JPEG, PNG, DOCX or XLSX up to 20 MB.");
        api.MapGet("/dossiers/{code}/files", ListAsync).WithName("ListDossierFiles");
        api.MapGet("/dossiers/{code}/files/{id:guid}", DownloadAsync).WithName("DownloadDossierFile");
        api.MapPost("/public/dossiers/{code}/files", UploadAsApplicantAsync).WithName("AttachDossierFileAsApplicant").AllowAnonymous()
            .RequireRateLimiting(PublicDossierEndpoints.RateLimitPolicy).DisableAntiforgery()
            .WithSummary("The applicant uploads a component (code and secret) while the dossier waits for documents.");
    }

    private static async Task<Results<Created<DossierFileResponse>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> UploadAsync(
        string code, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm, System.ComponentModel.DataAnnotations.MaxLength(1000)] string? documentName, [Microsoft.AspNetCore.Mvc.FromForm] bool? result,
        DossierService dossiers, DossierFileStore store, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await RunAsync(code, localizer, async () =>
        {
            await using var stream = (file ?? throw new DomainException("file", "Choose a file.")).OpenReadStream();
            return await dossiers.AttachAsync(code.Trim().ToUpperInvariant(), new FileUpload(file.FileName, stream, file.Length, documentName, result ?? false), store, cancellationToken);
        });

    private static async Task<Results<Created<DossierFileResponse>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> UploadAsApplicantAsync(
        string code, string? secret, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm, System.ComponentModel.DataAnnotations.MaxLength(1000)] string? documentName,
        DossierService dossiers, DossierFileStore store, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await RunAsync(code, localizer, async () =>
        {
            await using var stream = (file ?? throw new DomainException("file", "Choose a file.")).OpenReadStream();
            return await dossiers.AttachAsApplicantAsync(code, secret, new FileUpload(file.FileName, stream, file.Length, documentName, false), store, cancellationToken);
        });

    private static async Task<Results<Ok<List<DossierFileResponse>>, NotFound>> ListAsync(string code, DossierService dossiers, DossierFileStore store, CancellationToken cancellationToken)
    {
        var dossier = await dossiers.FindAsync(code.Trim().ToUpperInvariant(), cancellationToken);
        return TypedResults.Ok((await store.ListAsync(dossier.Id, cancellationToken)).Select(DossierFileResponse.From).ToList());
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(string code, Guid id, DossierService dossiers, DossierFileStore store, CancellationToken cancellationToken)
    {
        var dossier = await dossiers.FindAsync(code.Trim().ToUpperInvariant(), cancellationToken);
        return await store.OpenAsync(dossier.Id, id, cancellationToken) is { } found
            ? TypedResults.File(found.Content, found.File.ContentType, found.File.FileName)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Created<DossierFileResponse>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> RunAsync(
        string code, IStringLocalizer localizer, Func<Task<DossierFile>> action)
    {
        var saved = await action();
        return TypedResults.Created($"/api/v1/dossiers/{code}/files/{saved.Id}", DossierFileResponse.From(saved));
    }
}
