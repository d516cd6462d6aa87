using Motcua.Calendar.Contracts;
using Motcua.Calendar.Data;
using Motcua.Calendar.ImportOverrides;
using Motcua.Calendar.ManageOverrides;
using Motcua.Calendar.PublicApi;
using Motcua.Common.Persistence;

namespace Motcua.Calendar;

internal static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddAreaDbContext<CalendarDbContext, SqliteCalendarDbContext, PostgresCalendarDbContext>(provider, connectionString);
        services.AddSingleton<WorkingCalendars>();
        services.AddScoped<IWorkingTime, WorkingTime>();
        services.AddScoped<CalendarAdministration>();
        services.AddScoped<OverrideImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Calendar");
        group.MapCalendarPublicApi();
        group.MapCalendarAdministration();
        return api;
    }
}
