using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Motcua.Calendar.Contracts;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;
using Motcua.Plans.Scheduling;

namespace Motcua.Plans.WeeklyReports;

/// <summary>
/// The Friday job. For the latest weekly slot that is due (on time, late, or caught up at start) and
/// not yet done: asks every lead unit with open tasks for its weekly report (in the app and by e-mail),
/// then produces and stores the consolidated report of each issuing unit and tells its chairman and
/// reform officers. Idempotent: the (job, week) run is recorded, and every message has a deduplication key.
/// A Friday that is a holiday still runs on the Friday (nobody needs to be at work to send it); the units'
/// reports are then due on the next working day.
/// </summary>
internal sealed class WeeklyReportRun(
    PlansDbContext db, OpenTasks tasks, PlanRecipients recipients, IUnitDirectory units, IWorkingTime workingTime, TimeProvider time, IConfiguration configuration, ILogger<WeeklyReportRun> logger)
    : IScheduledPlansWork
{
    public const string Job = "weekly-report";

    public async Task<string> RunDueAsync(CancellationToken cancellationToken)
    {
        var schedule = PlansSchedule.FromConfiguration(configuration);
        if (PlansSchedule.LastSlot(schedule.WeeklyReportCron, time.GetUtcNow(), TimeSpan.FromDays(8)) is not { } slot)
        {
            return "no weekly slot in the last 8 days";
        }

        var day = PlansSchedule.LocalDate(slot);
        var week = PlansSchedule.WeekKey(day);
        if (await db.JobRuns.AnyAsync(r => r.Job == Job && r.Slot == week, cancellationToken))
        {
            return $"week {week} already done";
        }

        var outcome = await RunAsync(day, cancellationToken);
        db.JobRuns.Add(PlanJobRun.Record(Job, week, VietnamTime.ToLocal(slot.UtcDateTime), VietnamTime.Now(time), outcome));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node ran the same week at the same moment; its messages and reports had the same keys.
            return $"week {week} done by another run";
        }

        return $"week {week}: {outcome}";
    }

    /// <summary>
    /// The work of one week, as of <paramref name="day"/> (the report day). Safe to repeat: nothing is sent
    /// twice. The scheduled run keeps a report already stored for the week; <paramref name="refresh"/> (a
    /// reform officer producing it now) replaces it with today's figures.
    /// </summary>
    public async Task<string> RunAsync(DateOnly day, CancellationToken cancellationToken, bool refresh = false)
    {
        var week = PlansSchedule.WeekKey(day);
        var weekStart = PlansSchedule.WeekStart(day);
        var national = await workingTime.WorkingDaysAsync(null, cancellationToken);
        var answerBy = day;
        while (!national(answerBy))
        {
            answerBy = answerBy.AddDays(1);
        }

        var all = await tasks.OnAsync(day, ct: cancellationToken);
        var openPlans = all.Where(t => t.Status != PlanTaskStatus.Done).Select(t => t.Plan.Id).ToHashSet();
        var inReport = all.Where(t => openPlans.Contains(t.Plan.Id)).ToList();
        var asked = 0;
        foreach (var unit in inReport.Where(t => t.Status != PlanTaskStatus.Done).GroupBy(t => t.Task.LeadUnitId))
        {
            var open = unit.Count();
            var notReported = unit.Count(t => WeeklyStatusRule.Classify(t.Status, t.Task.LastReportedOn, weekStart, day) == WeeklyTaskStatus.NotReported);
            var subject = $"Báo cáo tiến độ tuần {WeekNumber(week)}: {open} nhiệm vụ cải cách hành chính";
            var body = $"Đề nghị đơn vị báo cáo tiến độ {open} nhiệm vụ đang thực hiện (trong đó {notReported} nhiệm vụ chưa báo cáo trong tuần) trước ngày {answerBy:dd/MM/yyyy} tại mục Kế hoạch của hệ thống Một cửa.";
            asked += await recipients.SendAsync(
                await recipients.UnitContactsAsync(unit.Key, cancellationToken), subject, body, "/ke-hoach", $"plans:{week}", $"plans:weekly:{week}:unit:{unit.Key:N}", unit.Key, cancellationToken);
        }

        var produced = 0;
        foreach (var issuer in inReport.GroupBy(t => t.Plan.IssuingUnitId))
        {
            var existing = await db.WeeklyReports.FirstOrDefaultAsync(r => r.IssuingUnitId == issuer.Key && r.Week == week, cancellationToken);
            if (existing is not null && !refresh)
            {
                continue;
            }

            var report = await BuildAsync(issuer.Key, issuer.ToList(), week, weekStart, day, cancellationToken);
            if (existing is null)
            {
                db.WeeklyReports.Add(StoredWeeklyReport.Create(issuer.Key, report, VietnamTime.Now(time)));
            }
            else
            {
                existing.Refresh(report, VietnamTime.Now(time));
            }

            await db.SaveChangesAsync(cancellationToken);
            produced++;
            var to = (await recipients.LeadersAsync(issuer.Key, cancellationToken)).Concat(await recipients.ReformOfficersAsync(issuer.Key, cancellationToken));
            await recipients.SendAsync(
                to, $"Báo cáo tổng hợp tiến độ tuần {WeekNumber(week)}", WeeklyReportRenderer.Conclusion(report), "/ke-hoach/bao-cao-tuan", $"plans:{week}", $"plans:weekly:{week}:report:{issuer.Key:N}", issuer.Key, cancellationToken);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Weekly plans report {Week}: {Asked} people asked, {Produced} consolidated reports", week, asked, produced);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{asked} people asked, {produced} reports produced");
    }

    private async Task<WeeklyReport> BuildAsync(Guid issuerId, List<TaskOnDay> list, string week, DateOnly weekStart, DateOnly day, CancellationToken cancellationToken)
    {
        var issuer = await units.FindAsync(issuerId, cancellationToken);
        var ancestors = await units.GetAncestorsAsync(issuerId, cancellationToken);
        var province = ancestors.Count > 0 ? await units.FindAsync(ancestors[^1], cancellationToken) : null;
        // The latest report that still counts, per task: the chairman reads what the unit said.
        var taskIds = list.Select(t => t.Task.Id).ToList();
        var latest = (await db.Reports.AsNoTracking()
                .Where(r => taskIds.Contains(r.TaskId) && r.Review != ReviewState.Returned)
                .Select(r => new { r.TaskId, r.PostedAt, r.Text })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.PostedAt)!.Text);
        var summaries = new List<WeeklyUnitSummary>();
        foreach (var unit in list.GroupBy(t => t.Task.LeadUnitId))
        {
            var lead = await units.FindAsync(unit.Key, cancellationToken);
            var name = lead?.Name ?? unit.First().Task.LeadUnitName ?? unit.Key.ToString();
            summaries.Add(new WeeklyUnitSummary(lead?.Code ?? string.Empty, name, [.. unit.Select(t => new WeeklyTaskLine(
                t.Plan.NumberAndSymbol, $"{t.Task.Number}. {t.Task.Content}", WeeklyStatusRule.Classify(t.Status, t.Task.LastReportedOn, weekStart, day), t.Due, t.Task.LastReportedOn, latest.GetValueOrDefault(t.Task.Id)))]));
        }

        return new WeeklyReport(
            week, weekStart, day, issuer?.Code ?? string.Empty, issuer?.Name ?? string.Empty, province?.Name, issuer?.Kind == UnitKind.Province, day,
            [.. summaries.OrderByDescending(s => s.Overdue + s.NotReported).ThenBy(s => s.UnitName, StringComparer.Ordinal)]);
    }

    private static string WeekNumber(string week) => week[(week.IndexOf('W', StringComparison.Ordinal) + 1)..] + "/" + week[..4];
}
