using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;

namespace Motcua.Procedures.ImportProcedures;

internal static class ImportProceduresEndpoints
{
    public static void MapImportProcedures(this IEndpointRouteBuilder api)
    {
        // The catalogue is shared by every unit: only a system administrator replaces it.
        api.MapPost("/procedures/import", ImportAsync)
            .WithName("ImportProcedures")
            .WithSummary("Imports the procedure catalogue from a .csv or .xlsx file (multipart field 'file'); all or nothing.")
            .RequireAuthorization(Policies.SystemAdministration)
            .DisableAntiforgery();
        api.MapGet("/procedures/export", ExportAsync)
            .WithName("ExportProcedures")
            .WithSummary("The catalogue in the import format: format=xlsx (default) or csv.")
            .RequireAuthorization(Policies.Administration);
    }

    private static async Task<Results<Ok<ProcedureImportResult>, ValidationProblem>> ImportAsync(
        IFormFile? file, ProcedureImporter importer, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await importer.ImportAsync(TabularFile.ReadUpload(file), cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        string? format, ProcedureCatalogue catalogue, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var rows = ProcedureExporter.Rows(await catalogue.ListAsync(cancellationToken));
        return format?.ToUpperInvariant() switch
        {
            null or "XLSX" => TypedResults.File(TabularWriter.Xlsx(ProcedureImporter.Columns, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "thu-tuc-hanh-chinh.xlsx"),
            "CSV" => TypedResults.File(TabularWriter.Csv(ProcedureImporter.Columns, rows), "text/csv; charset=utf-8", "thu-tuc-hanh-chinh.csv"),
            _ => ApiProblems.Invalid("format", localizer["The format must be xlsx or csv."]),
        };
    }
}
