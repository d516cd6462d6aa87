using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common.Localization;

namespace Motcua.Indexes.ImportDossiers;

/// <summary>
/// <c>POST /api/v1/dossiers/import[?dryRun=true][&amp;skipInvalid=true]</c>: a JSON Lines file (as the request
/// body, or a multipart field <c>file</c>) of historical dossiers. All or nothing unless
/// <c>skipInvalid</c>; every problem names its line.
/// </summary>
internal static class ImportDossiersEndpoint
{
    public static void MapImportDossiers(this IEndpointRouteBuilder api) =>
        api.MapPost("/dossiers/import", HandleAsync)
            .WithName("ImportDossiers")
            .WithTags("Indexes")
            .WithSummary("Import historical dossiers (JSON Lines) for the indexes; all or nothing unless skipInvalid.")
            .RequireAuthorization(Policies.Administration)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitMetadata(2L * 1024 * 1024 * 1024));

    internal sealed record ImportedProblem(long Line, string Message);

    internal sealed record ImportResponse(long Lines, long Valid, long Created, long Updated, long Skipped, bool DryRun, bool Imported, IReadOnlyList<ImportedProblem> Problems);

    private static async Task<Results<Ok<ImportResponse>, BadRequest<ImportResponse>>> HandleAsync(
        HttpRequest request, bool? dryRun, bool? skipInvalid, DossierImporter importer, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        // Read twice (validate, then write): keep the upload in a temporary file, not in memory.
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(path))
            {
                if (request.HasFormContentType && (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") is { } upload)
                {
                    await upload.CopyToAsync(file, cancellationToken);
                }
                else
                {
                    await request.Body.CopyToAsync(file, cancellationToken);
                }
            }

            var report = await importer.ImportAsync(() => File.OpenRead(path), new ImportOptions(dryRun == true, skipInvalid == true), cancellationToken);
            var response = new ImportResponse(
                report.Lines, report.Valid, report.Created, report.Updated, report.Skipped, report.DryRun, report.Imported,
                [.. report.Problems.Select(p => new ImportedProblem(p.Line, localizer[p.Message, p.Arguments].Value))]);
            return !report.Imported && !report.DryRun ? TypedResults.BadRequest(response) : TypedResults.Ok(response);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class RequestSizeLimitMetadata(long limit) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
