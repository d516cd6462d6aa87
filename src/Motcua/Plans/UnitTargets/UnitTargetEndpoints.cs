using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;

namespace Motcua.Plans.UnitTargets;

internal sealed record TargetsImported(int Imported);

/// <summary>
/// Unit targets: <c>GET /api/v1/plans/targets/indicators</c>, <c>GET /api/v1/plans/targets?indicator=&amp;period=</c>,
/// <c>PUT …/targets</c> (a target), <c>PUT …/targets/figures</c> (a figure with evidence), <c>POST …/targets/import</c>
/// (.csv/.xlsx: unit, indicator, period, target, value, evidence), <c>GET …/targets/below?indicator=&amp;period=</c>
/// and the evidence file of a figure (<c>POST|GET …/targets/figures/{id}/evidence</c>).
/// </summary>
internal static class UnitTargetEndpoints
{
    public static void MapUnitTargets(this IEndpointRouteBuilder api)
    {
        api.MapGet("/plans/targets/indicators", () => TypedResults.Ok(UnitTargetService.Indicators()))
            .WithName("ListReformIndicators").WithSummary("The reform indicators units get targets for, with their kind and source (manual or a dossier index).");
        api.MapGet("/plans/targets", ListAsync)
            .WithName("ListUnitTargets").WithSummary("Each unit in scope with a target for the indicator and period (2025, 2025-Q1, 2025-03): target, figure (entered or live), met.");
        api.MapGet("/plans/targets/below", BelowAsync)
            .WithName("UnitsBelowTarget").WithSummary("The units below target, worst first, with the sentence a directive quotes.");
        api.MapPut("/plans/targets", SetTargetAsync)
            .WithName("SetUnitTarget").WithSummary("Set a unit's target for an indicator and period (reform officers, leaders).");
        api.MapPut("/plans/targets/figures", SetFigureAsync)
            .WithName("SetUnitFigure").WithSummary("Enter a unit's figure for a manual indicator and period, with the evidence.");
        api.MapPost("/plans/targets/import", ImportAsync)
            .WithName("ImportUnitTargets").WithSummary("Import targets and figures from .csv or .xlsx (unit, indicator, period, target, value, evidence); all or nothing.")
            .DisableAntiforgery();
        api.MapPost("/plans/targets/figures/{id:guid}/evidence", AttachAsync)
            .WithName("AttachUnitFigureEvidence").WithSummary("Attach an evidence file (PDF, JPEG, PNG, DOCX, XLSX; at most 20 MB) to a figure.")
            .DisableAntiforgery();
        api.MapGet("/plans/targets/figures/{id:guid}/evidence", DownloadAsync)
            .WithName("DownloadUnitFigureEvidence").WithSummary("The evidence file of a figure.");
    }

    private static async Task<Results<Ok<IReadOnlyList<StandingView>>, ValidationProblem>> ListAsync(
        string? indicator, string? period, UnitTargetService targets, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await targets.StandingsAsync(indicator, period, cancellationToken));
    }

    private static async Task<Results<Ok<BelowTargetView>, ValidationProblem>> BelowAsync(
        string? indicator, string? period, UnitTargetService targets, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await targets.BelowTargetAsync(indicator, period, cancellationToken));
    }

    private static async Task<Results<Ok<StandingView>, ValidationProblem, ForbidHttpResult>> SetTargetAsync(
        TargetInput input, UnitTargetService targets, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await targets.SetTargetAsync(input, cancellationToken));
    }

    private static async Task<Results<Ok<StandingView>, ValidationProblem>> SetFigureAsync(
        FigureInput input, UnitTargetService targets, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await targets.SetFigureAsync(input, cancellationToken));
    }

    private static async Task<Results<Ok<TargetsImported>, ValidationProblem>> ImportAsync(
        IFormFile? file, UnitTargetService targets, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(new TargetsImported(await targets.ImportAsync(TabularFile.ReadUpload(file), cancellationToken)));
    }

    private static async Task<Results<Ok<StandingView>, NotFound, ValidationProblem>> AttachAsync(
        Guid id, IFormFile? file, UnitTargetService targets, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw new DomainException("file", "Choose a file.");
        }

        await using var content = file.OpenReadStream();
        return TypedResults.Ok(await targets.AttachEvidenceAsync(id, file.FileName, content, cancellationToken));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(Guid id, UnitTargetService targets, CancellationToken cancellationToken)
    {
        var (name, contentType, content) = await targets.OpenEvidenceAsync(id, cancellationToken);
        return TypedResults.File(content, contentType, name);
    }
}
