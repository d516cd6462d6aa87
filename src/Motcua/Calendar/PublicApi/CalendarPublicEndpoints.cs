using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;

namespace Motcua.Calendar.PublicApi;

internal sealed record LunarDateResponse(string Date, int LunarYear, int LunarMonth, int LunarDay, bool LeapMonth);

internal sealed record HolidayResponse(string Date, string Name, string Kind);

internal sealed record SkippedDayResponse(string Date, string Reason);

/// <summary>The public calendar API (no sign-in): lunar dates, holidays and deadlines.</summary>
internal static class CalendarPublicEndpoints
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-ddTHH:mm:ss";
    private static readonly string[] AcceptedDateTimeFormats = ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"];

    public static void MapCalendarPublicApi(this IEndpointRouteBuilder api)
    {
        var calendar = api.MapGroup("/calendar").AllowAnonymous();
        calendar.MapGet("/lunar", GetLunar).WithName("GetLunarDate").WithSummary("The Vietnamese lunar date (UTC+7) of a solar date.");
        calendar.MapGet("/holidays", GetHolidaysAsync).WithName("ListHolidays").WithSummary("Public holidays, compensatory days off and make-up working days of a year.");
        calendar.MapGet("/due", GetDueAsync).WithName("ComputeDueDate").WithSummary("The due moment after N working days (or N calendar days) from a local time.");
    }

    private static Results<Ok<LunarDateResponse>, ValidationProblem> GetLunar(string? date, IStringLocalizer<SharedResource> l)
    {
        if (!TryParseDate(date, out var solar))
        {
            return ApiProblems.Invalid("date", l["date must be a date in the form yyyy-MM-dd."]);
        }

        if (solar < VietnameseLunarCalendar.MinSupported || solar > VietnameseLunarCalendar.MaxSupported)
        {
            return ApiProblems.Invalid("date", l["date must be between 1900-01-01 and 2100-12-31."]);
        }

        var lunar = VietnameseLunarCalendar.FromSolar(solar);
        return TypedResults.Ok(new LunarDateResponse(solar.ToString(DateFormat, CultureInfo.InvariantCulture), lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth));
    }

    private static async Task<Results<Ok<List<HolidayResponse>>, ValidationProblem>> GetHolidaysAsync(
        string? year, string? unit, WorkingCalendars calendars, IUnitDirectory units, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 2100)
        {
            return ApiProblems.Invalid("year", l["year must be a whole number from 1900 to 2100."]);
        }

        var (unitId, problem) = await ResolveUnitAsync(unit, units, l, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (calendar, _) = await calendars.GetAsync(unitId, new DateOnly(y, 1, 1), cancellationToken);
        return TypedResults.Ok(calendar.DaysOfYear(y)
            .Select(d => new HolidayResponse(d.Date.ToString(DateFormat, CultureInfo.InvariantCulture), Cultures.Pick(d.Name, d.EnglishName), KindName(d.Kind)))
            .ToList());
    }

    private static async Task<Results<Ok<Dictionary<string, object>>, ValidationProblem>> GetDueAsync(
        string? from, string? workingDays, string? days, string? unit, WorkingCalendars calendars, IUnitDirectory units, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!DateTime.TryParseExact(from, AcceptedDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return ApiProblems.Invalid("from", l["from must be a local date and time in the form yyyy-MM-ddTHH:mm:ss."]);
        }

        if (start.Year is < 1901 or > 2099)
        {
            return ApiProblems.Invalid("from", l["from must be between 1901 and 2099."]);
        }

        if ((workingDays is null) == (days is null))
        {
            return ApiProblems.Invalid(workingDays is null ? "workingDays" : "days", l["Give exactly one of workingDays or days."]);
        }

        var (unitId, problem) = await ResolveUnitAsync(unit, units, l, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (calendar, _) = await calendars.GetAsync(unitId, DateOnly.FromDateTime(start), cancellationToken);
        var response = new Dictionary<string, object> { ["from"] = start.ToString(DateTimeFormat, CultureInfo.InvariantCulture) };
        DueResult result;
        if (workingDays is not null)
        {
            if (!decimal.TryParse(workingDays, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) || count > 3650 || count * 2 != decimal.Truncate(count * 2))
            {
                return ApiProblems.Invalid("workingDays", l["workingDays must be a number of days from 0 to 3650, in steps of 0.5."]);
            }

            result = calendar.AddWorkingDays(start, count);
            response["workingDays"] = count;
        }
        else
        {
            if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 3650)
            {
                return ApiProblems.Invalid("days", l["days must be a whole number from 0 to 3650."]);
            }

            result = calendar.AddCalendarDays(start, count);
            response["days"] = count;
        }

        response["dueAt"] = result.DueAt.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        response["skipped"] = result.Skipped
            .Select(s => new SkippedDayResponse(s.Date.ToString(DateFormat, CultureInfo.InvariantCulture), Cultures.Pick(s.Reason, s.EnglishReason)))
            .ToList();
        return TypedResults.Ok(response);
    }

    /// <summary>"holiday" | "compensatory" | "makeUpWorkday"; an administrator's extra day off is reported as a holiday.</summary>
    internal static string KindName(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Compensatory => "compensatory",
        CalendarDayKind.MakeUpWorkday => "makeUpWorkday",
        _ => "holiday",
    };

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static async Task<(Guid? UnitId, ValidationProblem? Problem)> ResolveUnitAsync(string? code, IUnitDirectory units, IStringLocalizer l, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (null, null);
        }

        var unit = await units.FindByCodeAsync(code, cancellationToken);
        return unit is null
            ? (null, ApiProblems.Invalid("unit", l["There is no unit with code {0}.", code]))
            : (unit.Id, null);
    }
}
