using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Organisation.Contracts;

namespace Motcua.Calendar.Pages;

internal sealed record MonthCell(DateOnly Date, LunarDate Lunar, CalendarDay? Special, bool IsWorking);

/// <summary>A month of the signed-in user's unit calendar: holidays, overrides and lunar dates.</summary>
internal sealed class MonthModel(WorkingCalendars calendars, ICurrentUser user, IUnitDirectory units, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public DateOnly FirstDay { get; private set; }

    public IReadOnlyList<MonthCell> Cells { get; private set; } = [];

    public string Hours { get; private set; } = string.Empty;

    public string? UnitName { get; private set; }

    public long Revision { get; private set; }

    public async Task OnGetAsync(string? month)
    {
        Today = VietnamTime.Today(clock);
        FirstDay = DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) && chosen.Year is > 1900 and < 2100
            ? chosen
            : new DateOnly(Today.Year, Today.Month, 1);
        var unitId = user.UnitId;
        UnitName = unitId is { } id ? (await units.FindAsync(id, HttpContext.RequestAborted))?.Name : null;
        var (calendar, revision) = await calendars.GetAsync(unitId, FirstDay, HttpContext.RequestAborted);
        Revision = revision;
        Hours = calendar.Hours.ToString();
        var start = FirstDay.AddDays(-(((int)FirstDay.DayOfWeek + 6) % 7));
        var cells = new List<MonthCell>();
        for (var date = start; cells.Count < 42; date = date.AddDays(1))
        {
            cells.Add(new MonthCell(date, VietnameseLunarCalendar.FromSolar(date), calendar.Describe(date), calendar.IsWorkingDay(date)));
        }

        Cells = cells;
    }
}
