using System.Collections.Concurrent;

namespace Motcua.Calendar;

internal enum CalendarDayKind
{
    Holiday,
    Compensatory,
    MakeUpWorkday,
    ExtraDayOff,
}

/// <summary>A day that is not ordinary: a holiday, a compensatory day off, an extra day off or a make-up working day.</summary>
internal sealed record CalendarDay(DateOnly Date, string Name, string EnglishName, CalendarDayKind Kind);

/// <summary>One statutory holiday of a rule set: a solar date, or a lunar date with a number of days.</summary>
internal sealed record HolidayRule(string Name, string EnglishName, Func<int, IEnumerable<DateOnly>> Dates);

/// <summary>The public holidays of a period and the law that set them: rules as data with effective dates.</summary>
internal sealed record HolidayRuleSet(DateOnly ValidFrom, DateOnly ValidTo, string LegalBasis, IReadOnlyList<HolidayRule> Rules);

/// <summary>
/// Statutory public holidays of Vietnam. Each year the Prime Minister (through the Ministry of Home
/// Affairs) announces the exact Tết days, swaps and make-up Saturdays; those arrive as administrator
/// overrides, while these rules give the defaults the law fixes.
/// </summary>
internal static class StatutoryHolidays
{
    public static readonly IReadOnlyList<HolidayRuleSet> RuleSets =
    [
        new(new DateOnly(1900, 1, 1), new DateOnly(2013, 4, 30), "Bộ luật Lao động 1994, sửa đổi 2007, Điều 73", [
            Solar("Tết Dương lịch", "New Year's Day", 1, 1),
            Tet(4),
            HungKings(fromYear: 2007),
            Solar("Ngày Chiến thắng", "Reunification Day", 4, 30),
            Solar("Ngày Quốc tế Lao động", "International Labour Day", 5, 1),
            Solar("Quốc khánh", "National Day", 9, 2),
        ]),
        new(new DateOnly(2013, 5, 1), new DateOnly(2020, 12, 31), "Bộ luật Lao động 2012, Điều 115", [
            Solar("Tết Dương lịch", "New Year's Day", 1, 1),
            Tet(5),
            HungKings(fromYear: 2007),
            Solar("Ngày Chiến thắng", "Reunification Day", 4, 30),
            Solar("Ngày Quốc tế Lao động", "International Labour Day", 5, 1),
            Solar("Quốc khánh", "National Day", 9, 2),
        ]),
        new(new DateOnly(2021, 1, 1), new DateOnly(2100, 12, 31), "Bộ luật Lao động 2019, Điều 112", [
            Solar("Tết Dương lịch", "New Year's Day", 1, 1),
            Tet(5),
            HungKings(fromYear: 2007),
            Solar("Ngày Chiến thắng", "Reunification Day", 4, 30),
            Solar("Ngày Quốc tế Lao động", "International Labour Day", 5, 1),
            new("Quốc khánh", "National Day", year => [new DateOnly(year, 9, 2), NationalDayAdjacent(year)]),
        ]),
    ];

    private static readonly ConcurrentDictionary<int, IReadOnlyList<CalendarDay>> Cache = new();

    /// <summary>The statutory holidays and compensatory days off of a year, ordered by date.</summary>
    public static IReadOnlyList<CalendarDay> ForYear(int year)
    {
        if (year is < 1900 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), "Years from 1900 to 2100 are supported.");
        }

        return Cache.GetOrAdd(year, Compute);
    }

    /// <summary>
    /// The day added to 2 September by the 2019 Labour Code ("01 ngày liền kề trước hoặc sau"): the
    /// default joins the holiday to a weekend, as the announcements of 2021–2025 did.
    /// </summary>
    internal static DateOnly NationalDayAdjacent(int year)
    {
        var national = new DateOnly(year, 9, 2);
        return national.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday or DayOfWeek.Sunday
            ? national.AddDays(1)
            : national.AddDays(-1);
    }

    private static IReadOnlyList<CalendarDay> Compute(int year)
    {
        var holidays = new SortedDictionary<DateOnly, CalendarDay>();
        // Tết of lunar year Y+1 may start on the last day of solar year Y, so look at neighbours too.
        for (var y = year - 1; y <= year + 1; y++)
        {
            if (y is < 1900 or > 2100)
            {
                continue;
            }

            foreach (var set in RuleSets)
            {
                foreach (var rule in set.Rules)
                {
                    foreach (var date in SafeDates(rule, y))
                    {
                        if (date >= set.ValidFrom && date <= set.ValidTo)
                        {
                            holidays.TryAdd(date, new CalendarDay(date, rule.Name, rule.EnglishName, CalendarDayKind.Holiday));
                        }
                    }
                }
            }
        }

        var result = new List<CalendarDay>(holidays.Values);
        result.AddRange(Compensatory(holidays));
        return [.. result.Where(d => d.Date.Year == year).OrderBy(d => d.Date)];
    }

    /// <summary>
    /// Labour Code 2019 Art. 111(3): a holiday that falls on a weekly rest day gives a compensatory day
    /// off on the next working day after the run of holidays.
    /// </summary>
    private static IEnumerable<CalendarDay> Compensatory(SortedDictionary<DateOnly, CalendarDay> holidays)
    {
        var taken = new HashSet<DateOnly>(holidays.Keys);
        foreach (var holiday in holidays.Values)
        {
            if (holiday.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                continue;
            }

            var day = holiday.Date.AddDays(1);
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            yield return new CalendarDay(day, "Nghỉ bù " + holiday.Name, "Day off in lieu of " + holiday.EnglishName, CalendarDayKind.Compensatory);
        }
    }

    private static IEnumerable<DateOnly> SafeDates(HolidayRule rule, int year)
    {
        try
        {
            return [.. rule.Dates(year)];
        }
        catch (ArgumentOutOfRangeException)
        {
            // A lunar date outside the supported range (e.g. Tết 1900's eve in 1899) contributes nothing.
            return [];
        }
    }

    private static HolidayRule Solar(string name, string english, int month, int day) =>
        new(name, english, year => [new DateOnly(year, month, day)]);

    /// <summary>The last day of the old lunar year and the first days of the new one.</summary>
    private static HolidayRule Tet(int days) =>
        new("Tết Nguyên đán", "Lunar New Year (Tết)", year =>
        {
            var newYear = VietnameseLunarCalendar.NewYear(year);
            return Enumerable.Range(-1, days).Select(offset => newYear.AddDays(offset));
        });

    private static HolidayRule HungKings(int fromYear) =>
        new("Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration", year =>
            year < fromYear ? [] : [VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10, false))]);
}
