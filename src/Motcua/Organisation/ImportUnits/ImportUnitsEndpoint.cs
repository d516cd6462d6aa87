using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;

namespace Motcua.Organisation.ImportUnits;

internal static class ImportUnitsEndpoint
{
    public static void MapImportUnits(this IEndpointRouteBuilder api) =>
        api.MapPost("/units/import", HandleAsync)
            .WithName("ImportUnits")
            .WithSummary("Imports units from a .csv or .xlsx file (multipart field 'file'); all or nothing.")
            .RequireAuthorization(Policies.Administration)
            .DisableAntiforgery();

    private static async Task<Results<Ok<UnitImportResult>, ValidationProblem>> HandleAsync(
        IFormFile? file, UnitImporter importer, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await importer.ImportAsync(TabularFile.ReadUpload(file), cancellationToken));
    }
}
