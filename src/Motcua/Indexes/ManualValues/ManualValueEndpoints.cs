using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Indexes.Targets;

namespace Motcua.Indexes.ManualValues;

/// <summary>
/// Manual figures with evidence: <c>GET /api/v1/indexes/manual-values?unit=&amp;year=</c>, <c>PUT …</c> (one
/// figure), <c>POST …/import</c> (.csv/.xlsx: unit, indicator, month, numerator, denominator, evidence),
/// <c>POST …/{id}/evidence</c> (a file) and <c>GET …/{id}/evidence</c>.
/// </summary>
internal static class ManualValueEndpoints
{
    public static void MapManualValues(this IEndpointRouteBuilder api)
    {
        api.MapGet("/indexes/manual-values", ListAsync)
            .WithName("ListManualValues")
            .WithSummary("Manual figures of a unit and the units under it for a year, with their evidence.");
        api.MapPut("/indexes/manual-values", SetAsync)
            .WithName("SetManualValue")
            .WithSummary("Enter a manual figure (numerator, denominator, evidence) for a unit, a manual indicator and a month (YYYY-MM).")
            .RequireAuthorization(policy => policy.RequireRole(TargetService.Editors));
        api.MapPost("/indexes/manual-values/import", ImportAsync)
            .WithName("ImportManualValues")
            .WithSummary("Import manual figures from .csv or .xlsx (unit, indicator, month, numerator, denominator, evidence); all or nothing.")
            .RequireAuthorization(policy => policy.RequireRole(TargetService.Editors))
            .DisableAntiforgery();
        api.MapPost("/indexes/manual-values/{id:guid}/evidence", AttachAsync)
            .WithName("AttachManualValueEvidence")
            .WithSummary("Attach an evidence file (PDF, JPEG, PNG, DOCX, XLSX; at most 20 MB) to a manual figure.")
            .RequireAuthorization(policy => policy.RequireRole(TargetService.Editors))
            .DisableAntiforgery();
        api.MapGet("/indexes/manual-values/{id:guid}/evidence", DownloadAsync)
            .WithName("DownloadManualValueEvidence")
            .WithSummary("The evidence file of a manual figure.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ManualValueView>>, ValidationProblem>> ListAsync(
        string? unit, int? year, ManualValueService values, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await values.ListAsync(unit, year, cancellationToken));
    }

    private static async Task<Results<Ok<ManualValueView>, ValidationProblem, ForbidHttpResult>> SetAsync(
        ManualValueInput input, ManualValueService values, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await values.SetAsync(input, cancellationToken));
    }

    private static async Task<Results<Ok<ImportedCount>, ValidationProblem, ForbidHttpResult>> ImportAsync(
        IFormFile? file, ManualValueService values, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(new ImportedCount(await values.ImportAsync(TabularFile.ReadUpload(file), cancellationToken)));
    }

    private static async Task<Results<Ok<ManualValueView>, NotFound, ValidationProblem, ForbidHttpResult>> AttachAsync(
        Guid id, IFormFile? file, ManualValueService values, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw new DomainException("file", "Choose a file.");
        }

        await using var content = file.OpenReadStream();
        return TypedResults.Ok(await values.AttachEvidenceAsync(id, file.FileName, content, file.Length, cancellationToken));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(Guid id, ManualValueService values, CancellationToken cancellationToken)
    {
        var (name, contentType, content) = await values.OpenEvidenceAsync(id, cancellationToken);
        return TypedResults.File(content, contentType, name);
    }
}
