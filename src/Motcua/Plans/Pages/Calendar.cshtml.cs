using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;
using Motcua.Plans.CalendarView;

namespace Motcua.Plans.Pages;

/// <summary>A month of task due dates, recurring occurrences included.</summary>
internal sealed class CalendarModel(TaskCalendar calendar, PlanFormUnits formUnits) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];

    public CalendarMonth? Calendar { get; private set; }

    public string Shift(int months) =>
        (TaskCalendar.ParseMonth(Calendar?.Month) ?? DateOnly.FromDateTime(DateTime.Today)).AddMonths(months).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync()
    {
        Units = await formUnits.ListAsync(HttpContext.RequestAborted);
        Calendar = await calendar.GetAsync(Unit, Month, HttpContext.RequestAborted);
    }
}
