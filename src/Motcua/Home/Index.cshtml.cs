using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access;
using Motcua.Access.Contracts;
using Motcua.Calendar;
using Motcua.Calendar.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Organisation.Contracts;

namespace Motcua.Home;

/// <summary>The home page of every role: today in the legal calendar, a deadline calculator and the role's entry points.</summary>
internal sealed class IndexModel(ICurrentUser user, IUnitDirectory units, WorkingCalendars calendars, IWorkingTime workingTime, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public string FullName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? UnitName { get; private set; }

    public DateTime Now { get; private set; }

    public DateOnly Today { get; private set; }

    public LunarDate Lunar { get; private set; }

    public bool TodayIsWorking { get; private set; }

    public CalendarDay? TodaySpecial { get; private set; }

    public IReadOnlyList<CalendarDay> Upcoming { get; private set; } = [];

    public bool IsAdministrator { get; private set; }

    public int UnitCount { get; private set; }

    public int UserCount { get; private set; }

    public string? DueText { get; private set; }

    public async Task OnGetAsync([FromServices] Access.ManageUsers.UserAdministration users)
    {
        var ct = HttpContext.RequestAborted;
        FullName = User.FindFirstValue(MotcuaClaims.FullName) is { Length: > 0 } name ? name : User.Identity?.Name ?? string.Empty;
        Roles = [.. Access.Contracts.Roles.All.Where(user.IsInRole)];
        UnitName = user.UnitId is { } unitId ? (await units.FindAsync(unitId, ct))?.Name : null;
        Now = VietnamTime.Now(clock);
        Today = DateOnly.FromDateTime(Now);
        Lunar = VietnameseLunarCalendar.FromSolar(Today);
        var (calendar, _) = await calendars.GetAsync(user.UnitId, Today, ct);
        TodayIsWorking = calendar.IsWorkingDay(Today);
        TodaySpecial = calendar.Describe(Today);
        Upcoming = [.. calendar.DaysOfYear(Today.Year).Concat(calendar.DaysOfYear(Today.Year + 1))
            .Where(d => d.Date > Today && d.Kind != CalendarDayKind.MakeUpWorkday)
            .Take(5)];
        IsAdministrator = user.IsInRole(Access.Contracts.Roles.SystemAdmin) || user.IsInRole(Access.Contracts.Roles.UnitAdmin);
        if (IsAdministrator)
        {
            var scope = await user.GetScopeAsync(ct);
            UnitCount = (await units.ListAsync(ct)).Count(u => scope.Contains(u.Id) && u.ValidTo is null);
            UserCount = (await users.ListAsync(ct)).Count;
        }
    }

    public async Task<IActionResult> OnPostDueAsync(string? from, decimal? workingDays)
    {
        string text;
        if (!DateTime.TryParseExact(from, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || start.Year is < 1901 or > 2099)
        {
            text = l["Enter the date and time of receipt."];
        }
        else if (workingDays is not { } days || days < 0 || days > 3650 || days * 2 != decimal.Truncate(days * 2))
        {
            text = l["workingDays must be a number of days from 0 to 3650, in steps of 0.5."];
        }
        else
        {
            var deadline = await workingTime.AddWorkingDaysAsync(user.UnitId, start, days, HttpContext.RequestAborted);
            text = l["Due at {0} (days skipped: {1}).", deadline.DueAt.ToString(Cultures.DateTimeFormat, CultureInfo.InvariantCulture), deadline.Skipped.Count];
        }

        if (Request.Headers["HX-Request"] == "true")
        {
            return Content($"<p><strong>{System.Net.WebUtility.HtmlEncode(text)}</strong></p>", "text/html; charset=utf-8");
        }

        DueText = text;
        await OnGetAsync(HttpContext.RequestServices.GetRequiredService<Access.ManageUsers.UserAdministration>());
        return Page();
    }
}
