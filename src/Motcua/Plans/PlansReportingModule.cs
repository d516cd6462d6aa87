using Motcua.Plans.Accountability;
using Motcua.Plans.Scheduling;
using Motcua.Plans.UnitTargets;
using Motcua.Plans.WeeklyReports;

namespace Motcua.Plans;

/// <summary>The plans' reporting side: weekly reports, reminders and escalation, accountability, unit targets.</summary>
internal static class PlansReportingModule
{
    public static IServiceCollection AddPlansReporting(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Tests run the jobs themselves with a fake clock; a scheduler firing behind their back would race them.
        services.AddPlansScheduling(configuration, defaultRun: !environment.IsEnvironment("Testing"));
        services.AddScoped<WeeklyReportService>();
        services.AddScoped<AccountabilityService>();
        services.AddScoped<UnitTargetService>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlansReporting(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Plans");
        group.MapWeeklyReports();
        group.MapAccountability();
        group.MapUnitTargets();
        return api;
    }
}
