using System.Globalization;
using Quartz;

namespace Motcua.Plans.Scheduling;

/// <summary>
/// The schedule of the plans' background work, from <c>Motcua:Plans</c>: <c>WeeklyReportCron</c>
/// (default Friday 08:00), <c>RemindersCron</c> (default every day 07:00), both Quartz cron expressions
/// (with seconds) in Vietnam time. <c>Motcua:Plans:RunSchedule</c> turns the scheduler on or off (default: on,
/// except in the Testing environment, where tests run the jobs themselves with a fake clock).
/// </summary>
internal sealed record PlansSchedule(string WeeklyReportCron, string RemindersCron)
{
    public const string DefaultWeeklyReportCron = "0 0 8 ? * FRI";

    public const string DefaultRemindersCron = "0 0 7 * * ?";

    /// <summary>UTC+7 without daylight saving (see <c>Common.VietnamTime</c>); built here so the host needs no time-zone database.</summary>
    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("Motcua/UTC+07", TimeSpan.FromHours(7), "Vietnam (UTC+07:00)", "Vietnam (UTC+07:00)");

    public static PlansSchedule FromConfiguration(IConfiguration configuration)
    {
        var schedule = new PlansSchedule(
            configuration["Motcua:Plans:WeeklyReportCron"] ?? DefaultWeeklyReportCron,
            configuration["Motcua:Plans:RemindersCron"] ?? DefaultRemindersCron);
        foreach (var (key, cron) in new[] { ("WeeklyReportCron", schedule.WeeklyReportCron), ("RemindersCron", schedule.RemindersCron) })
        {
            if (!CronExpression.TryParse(cron, out _))
            {
                throw new InvalidOperationException($"Motcua:Plans:{key}: '{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week).");
            }
        }

        return schedule;
    }

    /// <summary>
    /// The latest time the cron fired at or before <paramref name="now"/>, looking back at most
    /// <paramref name="lookBack"/>; null when it did not fire in that window. This is the slot a run
    /// (on time, late, or caught up at start) works for.
    /// </summary>
    public static DateTimeOffset? LastSlot(string cron, DateTimeOffset now, TimeSpan lookBack)
    {
        var expression = new CronExpression(cron, Vietnam);
        DateTimeOffset? last = null;
        var next = expression.GetNextValidTimeAfter(now - lookBack);
        while (next is { } at && at <= now)
        {
            last = at;
            next = expression.GetNextValidTimeAfter(at);
        }

        return last;
    }

    /// <summary>The Vietnam date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>"2026-W48": the ISO week of a Vietnam date (Monday to Sunday), the key of a weekly run.</summary>
    public static string WeekKey(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}");

    /// <summary>The Monday of the ISO week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
