using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Indexes.ServiceIndex;

namespace Motcua.Indexes.Explain;

/// <summary>
/// <c>GET /api/v1/indexes/service/{indicator}/dossiers?unit=&amp;from=&amp;to=</c>: the dossiers behind a number
/// (the denominator, each marked in or out of the numerator; <c>part=numerator</c> lists only those),
/// paged; <c>format=xlsx</c> downloads all of them with the formula and the calendar used.
/// </summary>
internal static class ExplainEndpoint
{
    /// <summary>An export is for reading, not for moving a whole province's history.</summary>
    public const int MaxExportRows = 200_000;

    public static void MapExplain(this IEndpointRouteBuilder api) =>
        api.MapGet("/indexes/service/{indicator}/dossiers", HandleAsync)
            .WithName("ExplainIndicator")
            .WithSummary("The dossiers behind an indicator: its denominator, each marked in or out of the numerator; format=xlsx to download.");

    private static async Task<Results<Ok<Explanation>, FileContentHttpResult, NotFound, ValidationProblem, ForbidHttpResult>> HandleAsync(
        string indicator, string? unit, string? from, string? to, string? part, int? page, int? pageSize, string? format,
        ExplainService service, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (Period.Parse(unit, from, to, localizer) is { Problem: { } problem })
        {
            return problem;
        }

        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = await ExportAsync(service, indicator, unit!, Period.Date(from), Period.Date(to), localizer, cancellationToken);
            var name = string.Create(CultureInfo.InvariantCulture, $"{indicator}-{unit!.Trim().ToUpperInvariant()}-{from}-{to}.xlsx");
            return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        }

        return TypedResults.Ok(await service.ExplainAsync(
            indicator, unit!, Period.Date(from), Period.Date(to), string.Equals(part, "numerator", StringComparison.OrdinalIgnoreCase), page ?? 1, pageSize ?? 50, cancellationToken));
    }

    /// <summary>The sheet: one row per dossier, then the formula and the calendar, so the file explains itself.</summary>
    public static async Task<byte[]> ExportAsync(ExplainService service, string indicator, string unit, DateOnly from, DateOnly to, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        static string? Time(DateTime? value) => value?.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        string YesNo(bool value) => value ? localizer["Yes"] : localizer["No"];
        var rows = new List<IReadOnlyList<string?>>();
        long numerator = 0;
        await foreach (var d in service.AllAsync(indicator, unit, from, to, cancellationToken))
        {
            if (rows.Count >= MaxExportRows)
            {
                throw new DomainException("to", "More than {0} dossiers: choose a shorter period or a smaller unit.", MaxExportRows);
            }

            numerator += d.InNumerator ? 1 : 0;
            rows.Add([
                d.Code, d.ProcedureCode, localizer[d.Channel.ToString()], Time(d.ReceivedAt), Time(d.DueAt), Time(d.CompletedAt), Time(d.ReturnedAt),
                d.SupplementRequests.ToString(CultureInfo.InvariantCulture), d.Apologies.ToString(CultureInfo.InvariantCulture),
                d.CompletedOnTime is { } onTime ? YesNo(onTime) : null, YesNo(d.InNumerator)]);
        }

        var denominator = rows.Count;
        rows.Add([]);
        rows.Add([localizer["Indicator"], localizer["indicator:" + indicator]]);
        rows.Add([localizer["Formula"], localizer[ExplainService.Formulas[indicator]]]);
        rows.Add([localizer["Numerator"], numerator.ToString(CultureInfo.InvariantCulture), localizer["Denominator"], denominator.ToString(CultureInfo.InvariantCulture)]);
        rows.Add([localizer["Calendar"], localizer[ExplainService.Calendar]]);
        string[] columns =
        [
            localizer["Dossier code"], localizer["Procedure"], localizer["Channel"], localizer["Received at"], localizer["Appointment"], localizer["Completed at"],
            localizer["Returned at"], localizer["Supplement requests"], localizer["Apologies"], localizer["Completed on time"], localizer["In the numerator"],
        ];
        return TabularWriter.Xlsx(columns, rows);
    }
}
