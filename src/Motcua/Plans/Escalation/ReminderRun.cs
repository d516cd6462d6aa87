using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Motcua.Common;
using Motcua.Plans.Data;
using Motcua.Plans.Scheduling;

namespace Motcua.Plans.Escalation;

/// <summary>
/// The daily job: for the latest reminders slot not yet done, walks every open task with a due date up
/// the escalation ladder (<see cref="EscalationLadder"/>, the lead unit's calendar) and sends each step
/// reached once: the step is recorded per (task, due date, step) and every message has a deduplication key.
/// </summary>
internal sealed class ReminderRun(PlansDbContext db, OpenTasks tasks, PlanRecipients recipients, TimeProvider time, IConfiguration configuration, ILogger<ReminderRun> logger)
    : IScheduledPlansWork
{
    public const string Job = "reminders";

    public async Task<string> RunDueAsync(CancellationToken cancellationToken)
    {
        var schedule = PlansSchedule.FromConfiguration(configuration);
        if (PlansSchedule.LastSlot(schedule.RemindersCron, time.GetUtcNow(), TimeSpan.FromDays(2)) is not { } slot)
        {
            return "no reminders slot in the last 2 days";
        }

        var day = PlansSchedule.LocalDate(slot);
        var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (await db.JobRuns.AnyAsync(r => r.Job == Job && r.Slot == key, cancellationToken))
        {
            return $"reminders of {key} already done";
        }

        var outcome = await RunAsync(day, cancellationToken);
        db.JobRuns.Add(PlanJobRun.Record(Job, key, VietnamTime.ToLocal(slot.UtcDateTime), VietnamTime.Now(time), outcome));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return $"reminders of {key} done by another run";
        }

        return $"{key}: {outcome}";
    }

    public async Task<string> RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var ladder = EscalationLadder.FromConfiguration(configuration);
        var sent = 0;
        var people = 0;
        foreach (var task in (await tasks.OnAsync(today, ct: cancellationToken)).Where(t => t.Status != PlanTaskStatus.Done && t.Due is not null))
        {
            var due = task.Due!.Value;
            var isWorkingDay = await tasks.CalendarAsync(task.Task.LeadUnitId, cancellationToken);
            foreach (var step in EscalationLadder.StepsDue(ladder, due, today, isWorkingDay))
            {
                if (await db.Escalations.AnyAsync(e => e.TaskId == task.Task.Id && e.DueOn == due && e.Step == step.Key, cancellationToken))
                {
                    continue;
                }

                var to = new List<Access.Contracts.UserContact>();
                foreach (var audience in step.To)
                {
                    to.AddRange(audience switch
                    {
                        EscalationAudience.Responsible => await recipients.ResponsibleAsync(task.Task.LeadUnitId, task.Task.ResponsiblePerson, cancellationToken),
                        EscalationAudience.UnitHead => await recipients.LeadersAsync(task.Task.LeadUnitId, cancellationToken),
                        EscalationAudience.ReformOfficer => await recipients.ReformOfficersAsync(task.Plan.IssuingUnitId, cancellationToken),
                        _ => await recipients.LeadersAsync(task.Plan.IssuingUnitId, cancellationToken),
                    });
                }

                var (subject, body) = Message(step, task, due, today);
                var told = await recipients.SendAsync(
                    to, subject, body, "/ke-hoach", $"plans:task:{task.Task.Id:N}", $"plans:task:{task.Task.Id:N}:due:{due:yyyyMMdd}:{step.Key}", task.Task.LeadUnitId, cancellationToken);
                db.Escalations.Add(EscalationSent.Record(task.Task.Id, task.Task.LeadUnitId, due, step.Key, VietnamTime.Now(time), told));
                await db.SaveChangesAsync(cancellationToken);
                sent++;
                people += told;
            }
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Plan reminders of {Day}: {Steps} steps to {People} people", today, sent, people);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{sent} steps sent to {people} people");
    }

    /// <summary>The Vietnamese message of a step (messages to officers are Vietnamese, like the documents).</summary>
    public static (string Subject, string Body) Message(EscalationStep step, TaskOnDay task, DateOnly due, DateOnly today)
    {
        var what = $"nhiệm vụ {task.Task.Number} của Kế hoạch số {task.Plan.NumberAndSymbol}";
        var content = task.Task.Content.Length > 300 ? task.Task.Content[..300] + "…" : task.Task.Content;
        return step.WorkingDays switch
        {
            < 0 => ($"Nhắc việc: {what} đến hạn ngày {due:dd/MM/yyyy}", $"Nhiệm vụ \"{content}\" đến hạn ngày {due:dd/MM/yyyy}. Đề nghị hoàn thành và báo cáo kết quả đúng hạn."),
            0 => ($"Đến hạn hôm nay: {what}", $"Nhiệm vụ \"{content}\" đến hạn hôm nay ({due:dd/MM/yyyy}). Đề nghị báo cáo kết quả thực hiện."),
            _ => ($"Quá hạn: {what} (hạn {due:dd/MM/yyyy})", $"Nhiệm vụ \"{content}\" đã quá hạn {step.WorkingDays} ngày làm việc (hạn {due:dd/MM/yyyy}, tính đến ngày {today:dd/MM/yyyy}). Đề nghị Thủ trưởng đơn vị chỉ đạo hoàn thành và báo cáo."),
        };
    }
}
