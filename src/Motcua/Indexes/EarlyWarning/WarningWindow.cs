namespace Motcua.Indexes.EarlyWarning;

/// <summary>
/// "The next N working days": the rest of today and the next <c>N</c> working days of the unit's calendar
/// (today itself is not counted, so N = 0 means "by tonight" and, on a Friday, N = 1 reaches Monday
/// night). Pure apart from the calendar it is given.
/// </summary>
internal static class WarningWindow
{
    public const int MaxDays = 30;

    /// <summary>Beyond a year with no working day the calendar is broken; stop instead of looping.</summary>
    private const int SearchLimit = 370;

    /// <summary>The working days after <paramref name="today"/> that the window covers, in order (N of them).</summary>
    public static async Task<IReadOnlyList<DateOnly>> WorkingDaysAsync(DateOnly today, int days, Func<DateOnly, Task<bool>> isWorkingDay)
    {
        var result = new List<DateOnly>(days);
        for (var day = today.AddDays(1); result.Count < days && day.DayNumber - today.DayNumber <= SearchLimit; day = day.AddDays(1))
        {
            if (await isWorkingDay(day))
            {
                result.Add(day);
            }
        }

        return result;
    }

    /// <summary>The end of the window (exclusive): midnight after its last day.</summary>
    public static DateTime End(DateOnly today, IReadOnlyList<DateOnly> workingDays) =>
        (workingDays.Count > 0 ? workingDays[^1] : today).AddDays(1).ToDateTime(TimeOnly.MinValue);

    /// <summary>Working days left before a moment: 0 when it falls today, 1 on the next working day, …</summary>
    public static int WorkingDaysLeft(DateOnly today, DateTime at, IReadOnlyList<DateOnly> workingDays)
    {
        var day = DateOnly.FromDateTime(at);
        return day <= today ? 0 : workingDays.Count(d => d <= day);
    }
}
