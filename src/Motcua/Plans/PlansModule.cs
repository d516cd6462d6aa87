using Motcua.Common.Persistence;
using Motcua.Plans.Data;

namespace Motcua.Plans;

internal static class PlansModule
{
    public static IServiceCollection AddPlans(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddAreaDbContext<PlansDbContext, SqlitePlansDbContext, PostgresPlansDbContext>(provider, connectionString);
        services.AddScoped<PlanAccess>();
        services.AddScoped<StoredFiles>();
        services.AddScoped<WorkingDays>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder api)
    {
        _ = api.MapGroup("/plans").WithTags("Plans");
        return api;
    }
}
