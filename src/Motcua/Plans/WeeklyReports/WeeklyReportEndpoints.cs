using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Plans.WeeklyReports;

internal sealed record ProduceResult(string Outcome);

/// <summary>
/// Weekly reports: <c>GET /api/v1/plans/weekly-reports</c> (stored, newest first), <c>GET …/{id}?format=docx|xlsx</c>
/// (the file) and <c>POST …/produce</c> (this week's now, reform officers).
/// </summary>
internal static class WeeklyReportEndpoints
{
    public static void MapWeeklyReports(this IEndpointRouteBuilder api)
    {
        api.MapGet("/plans/weekly-reports", async (WeeklyReportService reports, CancellationToken ct) => TypedResults.Ok(await reports.ListAsync(cancellationToken: ct)))
            .WithName("ListWeeklyReports").WithSummary("The consolidated weekly reports of the issuing units in scope, newest first.");
        api.MapGet("/plans/weekly-reports/{id:guid}", DownloadAsync)
            .WithName("DownloadWeeklyReport").WithSummary("A weekly report as docx (Decree 30/2020 layout, default) or xlsx: done, on track, at risk, overdue, not reported per unit.");
        api.MapPost("/plans/weekly-reports/produce", ProduceAsync)
            .WithName("ProduceWeeklyReport").WithSummary("Produce this week's report now and ask the units (the Friday job's work; nothing is sent twice).");
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> DownloadAsync(
        Guid id, string? format, WeeklyReportService reports, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (content, contentType, name) = await reports.FileAsync(id, format, cancellationToken);
        return TypedResults.File(content, contentType, name);
    }

    private static async Task<Results<Ok<ProduceResult>, ForbidHttpResult>> ProduceAsync(WeeklyReportService reports, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(new ProduceResult(await reports.ProduceNowAsync(cancellationToken)));
    }
}
