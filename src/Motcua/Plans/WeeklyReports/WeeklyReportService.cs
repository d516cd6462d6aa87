using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Documents;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;

namespace Motcua.Plans.WeeklyReports;

internal sealed record WeeklyReportSummary(Guid Id, string Unit, string UnitName, string Week, DateOnly WeekStart, DateOnly ReportDay, int Tasks, int Overdue, int NotReported, DateTime CreatedAt);

/// <summary>The stored weekly reports a user may see (issuing unit in scope) and their files.</summary>
internal sealed class WeeklyReportService(PlansDbContext db, ICurrentUser user, IUnitDirectory units, WeeklyReportRun run, TimeProvider time)
{
    public static readonly string[] Producers = [Roles.SystemAdmin, Roles.ReformOfficer];

    public bool CanProduce => Producers.Any(user.IsInRole);

    public async Task<IReadOnlyList<WeeklyReportSummary>> ListAsync(int take = 60, CancellationToken cancellationToken = default)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var query = db.WeeklyReports.AsNoTracking();
        if (!scope.IsAll)
        {
            var ids = scope.UnitIds.ToList();
            query = query.Where(r => ids.Contains(r.IssuingUnitId));
        }

        var rows = await query.OrderByDescending(r => r.WeekStart).ThenBy(r => r.IssuingUnitId).Take(take)
            .Select(r => new { r.Id, r.IssuingUnitId, r.Week, r.WeekStart, r.ReportDay, r.Tasks, r.Overdue, r.NotReported, r.CreatedAt }).ToListAsync(cancellationToken);
        var list = new List<WeeklyReportSummary>(rows.Count);
        foreach (var r in rows)
        {
            var unit = await units.FindAsync(r.IssuingUnitId, cancellationToken);
            list.Add(new WeeklyReportSummary(r.Id, unit?.Code ?? string.Empty, unit?.Name ?? string.Empty, r.Week, r.WeekStart, r.ReportDay, r.Tasks, r.Overdue, r.NotReported, r.CreatedAt));
        }

        return list;
    }

    public async Task<WeeklyReport> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var stored = await db.WeeklyReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException();
        var scope = await user.GetScopeAsync(cancellationToken);
        return scope.Contains(stored.IssuingUnitId) ? stored.Report : throw new NotFoundException();
    }

    /// <summary>The report as a file: <c>xlsx</c> or <c>docx</c>.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)> FileAsync(Guid id, string? format, CancellationToken cancellationToken = default)
    {
        var kind = format?.Trim().ToLowerInvariant() ?? "docx";
        if (kind is not ("xlsx" or "docx"))
        {
            throw new DomainException("format", "The format must be xlsx or docx.");
        }

        var report = await GetAsync(id, cancellationToken);
        return kind == "xlsx"
            ? (WeeklyReportRenderer.Xlsx(report), WeeklyReportRenderer.XlsxContentType, WeeklyReportRenderer.FileName(report, "xlsx"))
            : (DocxRenderer.Render(WeeklyReportRenderer.Document(report)), WeeklyReportRenderer.DocxContentType, WeeklyReportRenderer.FileName(report, "docx"));
    }

    /// <summary>
    /// Produces this week's report now (as of today), for an officer who does not want to wait for Friday:
    /// the same work as the job, with the same keys, so Friday's run adds only what changed hands since.
    /// </summary>
    public async Task<string> ProduceNowAsync(CancellationToken cancellationToken = default)
    {
        if (!CanProduce)
        {
            throw new ForbiddenException();
        }

        return await run.RunAsync(VietnamTime.Today(time), cancellationToken, refresh: true);
    }
}
