using System.Text.Json;

namespace Motcua.Plans.WeeklyReports;

/// <summary>
/// The consolidated weekly report of an issuing unit as produced on its day: the figures are kept (as
/// the report model in JSON) so the chairman downloads what was true on Friday, not what is true now.
/// </summary>
internal sealed class StoredWeeklyReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private StoredWeeklyReport()
    {
        Week = Content = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid IssuingUnitId { get; private set; }

    /// <summary>"2026-W48".</summary>
    public string Week { get; private set; }

    public DateOnly WeekStart { get; private set; }

    public DateOnly ReportDay { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Tasks { get; private set; }

    public int Overdue { get; private set; }

    public int NotReported { get; private set; }

    public string Content { get; private set; }

    public WeeklyReport Report => JsonSerializer.Deserialize<WeeklyReport>(Content, Json)!;

    public static StoredWeeklyReport Create(Guid issuingUnitId, WeeklyReport report, DateTime now)
    {
        var stored = new StoredWeeklyReport { Id = Guid.CreateVersion7(), IssuingUnitId = issuingUnitId, Week = report.Week };
        stored.Refresh(report, now);
        return stored;
    }

    /// <summary>
    /// This week's report produced again on request (units reported after Friday's run and the chairman wants
    /// the current picture): same unit and week, new figures and time. A past week is never rewritten.
    /// </summary>
    public void Refresh(WeeklyReport report, DateTime now)
    {
        if (!string.Equals(report.Week, Week, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A weekly report is refreshed only with the same week.");
        }

        WeekStart = report.WeekStart;
        ReportDay = report.ReportDay;
        CreatedAt = now;
        Tasks = report.Units.Sum(u => u.Tasks.Count);
        Overdue = report.Total(WeeklyTaskStatus.Overdue);
        NotReported = report.Total(WeeklyTaskStatus.NotReported);
        Content = JsonSerializer.Serialize(report, Json);
    }
}
