using Motcua.Plans.Escalation;
using Motcua.Plans.WeeklyReports;
using Quartz;

namespace Motcua.Plans.Scheduling;

internal sealed class WeeklyReportJob(IServiceScopeFactory scopes, ILogger<WeeklyReportJob> logger) : PlansJob<WeeklyReportRun>(scopes, logger);

internal sealed class RemindersJob(IServiceScopeFactory scopes, ILogger<RemindersJob> logger) : PlansJob<ReminderRun>(scopes, logger);

/// <summary>
/// Quartz (in memory) fires the weekly report and the daily reminders on their cron in Vietnam time,
/// and each once at start: a run does the latest slot that is due unless it was recorded as done, so the
/// start-up firing catches up a slot missed while the server was down and otherwise does nothing (ADR 0013).
/// </summary>
internal static class PlansScheduling
{
    public static IServiceCollection AddPlansScheduling(this IServiceCollection services, IConfiguration configuration, bool defaultRun)
    {
        services.AddScoped<OpenTasks>();
        services.AddScoped<PlanRecipients>();
        services.AddScoped<WeeklyReportRun>();
        services.AddScoped<ReminderRun>();
        var schedule = PlansSchedule.FromConfiguration(configuration);
        if (!configuration.GetValue("Motcua:Plans:RunSchedule", defaultRun))
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            Schedule<WeeklyReportJob>(quartz, "plans-weekly-report", schedule.WeeklyReportCron);
            Schedule<RemindersJob>(quartz, "plans-reminders", schedule.RemindersCron);
        });
        services.AddQuartzHostedService(options =>
        {
            // After the app started, i.e. after the migrations ran.
            options.AwaitApplicationStarted = true;
            options.WaitForJobsToComplete = true;
        });
        return services;
    }

    private static void Schedule<TJob>(IQuartzBuilder quartz, string name, string cron)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(name));
        quartz.AddTrigger(trigger => trigger.ForJob(name).WithIdentity(name + "-cron").WithCronSchedule(cron, cron => cron.InTimeZone(PlansSchedule.Vietnam)));
        quartz.AddTrigger(trigger => trigger.ForJob(name).WithIdentity(name + "-catch-up").StartNow());
    }
}
