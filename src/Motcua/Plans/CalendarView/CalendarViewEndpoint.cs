using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;

namespace Motcua.Plans.CalendarView;

internal static class CalendarViewEndpoint
{
    public static void MapCalendarView(this IEndpointRouteBuilder plans) =>
        plans.MapGet("/calendar", (string? unit, string? month, TaskCalendar calendar, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                PlanResults.OkAsync(() => calendar.GetAsync(unit, month, cancellationToken)))
            .WithName("PlanCalendar")
            .WithSummary("A month (YYYY-MM) of task due dates, recurring occurrences included, Monday-first weeks.");
}
