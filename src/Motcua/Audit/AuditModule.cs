using Motcua.Audit.Contracts;
using Motcua.Audit.Data;
using Motcua.Audit.Verify;
using Motcua.Common.Persistence;
using Quartz;

namespace Motcua.Audit;

internal static class AuditModule
{
    public const string DefaultVerifyCron = "0 30 1 * * ?";

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("Motcua/UTC+07", Common.VietnamTime.Offset, "Vietnam (UTC+07:00)", "Vietnam (UTC+07:00)");

    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, DatabaseProvider provider, string connectionString)
    {
        services.AddAreaDbContext<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(provider, connectionString);
        services.AddSingleton<IAuditTrail, AuditTrail>();
        services.AddScoped<AuditVerification>();
        if (!configuration.GetValue("Motcua:Audit:RunSchedule", !environment.IsEnvironment("Testing")))
        {
            return services;
        }

        // The same in-memory Quartz as the plans' jobs (ADR 0013): daily at 01:30 Vietnam time and once at start.
        var cron = configuration["Motcua:Audit:VerifyCron"] ?? DefaultVerifyCron;
        services.AddQuartz(quartz =>
        {
            const string name = "audit-verify";
            quartz.AddJob<AuditVerificationJob>(job => job.WithIdentity(name));
            quartz.AddTrigger(trigger => trigger.ForJob(name).WithIdentity(name + "-daily").WithCronSchedule(cron, c => c.InTimeZone(Vietnam)));
            quartz.AddTrigger(trigger => trigger.ForJob(name).WithIdentity(name + "-start").StartNow());
        });
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "QuartzHostedService"))
        {
            services.AddQuartzHostedService(options =>
            {
                options.AwaitApplicationStarted = true;
                options.WaitForJobsToComplete = true;
            });
        }

        return services;
    }

    public static IApplicationBuilder UseAudit(this IApplicationBuilder app) => app.UseMiddleware<AuditedRequests>();
}
