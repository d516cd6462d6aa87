using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Documents;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Indexes.Reports;

/// <summary><c>GET /api/v1/indexes/reports/service?unit=&amp;period=2025-03|2025-Q1&amp;format=xlsx|docx[&amp;set=]</c>.</summary>
internal static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder api) =>
        api.MapGet("/indexes/reports/service", HandleAsync)
            .WithName("ServiceQualityReport")
            .WithSummary("Monthly (period=2025-03) or quarterly (period=2025-Q1) service-quality report of a unit as xlsx or docx (Decree 30/2020 layout): indicators, targets, variance, points by group, ranking of the units under it.");

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> HandleAsync(
        string? unit, string? period, string? format, string? set, ServiceReports reports, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(unit))
        {
            errors["unit"] = [localizer["Give the unit code."]];
        }

        if (!ReportPeriod.TryParse(period, out var reportPeriod))
        {
            errors["period"] = [localizer["The period {0} must be a month (2025-03) or a quarter (2025-Q1).", period ?? string.Empty]];
        }

        var kind = format?.Trim().ToLowerInvariant() ?? "xlsx";
        if (kind is not ("xlsx" or "docx"))
        {
            errors["format"] = [localizer["The format must be xlsx or docx."]];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var report = await reports.BuildAsync(unit!, reportPeriod, set, cancellationToken);
        return kind == "xlsx"
            ? TypedResults.File(ServiceReports.Xlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ServiceReports.FileName(report, "xlsx"))
            : TypedResults.File(DocxRenderer.Render(ServiceReports.Document(report)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ServiceReports.FileName(report, "docx"));
    }
}
