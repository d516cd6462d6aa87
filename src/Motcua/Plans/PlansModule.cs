using Motcua.Common.Persistence;
using Motcua.Plans.AddContribution;
using Motcua.Plans.AddTask;
using Motcua.Plans.CalendarView;
using Motcua.Plans.ChangePlan;
using Motcua.Plans.ChangeTask;
using Motcua.Plans.CreatePlan;
using Motcua.Plans.Data;
using Motcua.Plans.DraftFromText;
using Motcua.Plans.ListPlans;
using Motcua.Plans.PlanDetails;
using Motcua.Plans.PostProgressReport;
using Motcua.Plans.RecordEvent;
using Motcua.Plans.ReviewReport;
using Motcua.Plans.TaskBoard;
using Motcua.Plans.Timeline;

namespace Motcua.Plans;

/// <summary>Reform plans (kế hoạch) and directives: tasks, progress reports, contributions; pages under /ke-hoach, API under /api/v1/plans.</summary>
internal static class PlansModule
{
    public static IServiceCollection AddPlans(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddAreaDbContext<PlansDbContext, SqlitePlansDbContext, PostgresPlansDbContext>(provider, connectionString);
        services.AddScoped<PlanAccess>();
        services.AddScoped<StoredFiles>();
        services.AddScoped<WorkingDays>();
        services.AddScoped<PlanEditing>();
        services.AddScoped<TaskWork>();
        services.AddScoped<PlanReading>();
        services.AddScoped<TaskBoard.TaskBoard>();
        services.AddScoped<TaskCalendar>();
        services.AddScoped<DraftReading>();
        services.AddScoped<Pages.PlanFormUnits>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapListPlans();
        plans.MapCreatePlan();
        plans.MapPlanDetails();
        plans.MapChangePlan();
        plans.MapAddTask();
        plans.MapChangeTask();
        plans.MapRecordEvent();
        plans.MapPostProgressReport();
        plans.MapAddContribution();
        plans.MapReviewReport();
        plans.MapTaskBoard();
        plans.MapCalendarView();
        plans.MapTimeline();
        plans.MapDraftFromText();
        return api;
    }
}
