using System.Collections.Concurrent;

namespace Motcua.Calendar;

internal readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth);

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for UTC+7 (Hồ Ngọc Đức's method: new
/// moons by Meeus' series, month 11 holds the winter solstice, the leap month is the first month of a
/// 13-month year without a major solar term). .NET's ChineseLunisolarCalendar uses UTC+8 and gives the
/// wrong Tết in some years (1985, 2007), so it must not be used for Vietnam.
/// </summary>
internal static class VietnameseLunarCalendar
{
    public static readonly DateOnly MinSupported = new(1900, 1, 1);
    public static readonly DateOnly MaxSupported = new(2100, 12, 31);

    private const double TimeZone = 7.0;

    /// <summary>Month starts of lunar year Y: from month 11 of Y-1 to month 11 of Y (inclusive), with leap flag and month number.</summary>
    private static readonly ConcurrentDictionary<int, LunarYear> Years = new();

    public static LunarDate FromSolar(DateOnly date)
    {
        RequireSupported(date);
        var dayNumber = JulianDay(date);
        var year = date.Year;
        var table = YearOf(year);
        if (dayNumber >= table.MonthStarts[^1])
        {
            table = YearOf(year + 1);
        }
        else if (dayNumber < table.MonthStarts[0])
        {
            table = YearOf(year - 1);
        }

        // Find the month that contains the day.
        var index = table.MonthStarts.Length - 1;
        while (table.MonthStarts[index] > dayNumber)
        {
            index--;
        }

        var (month, leap) = table.Months[index];
        // Months 11 and 12 (and a leap after them) belong to the previous lunar year.
        var lunarYear = month >= 11 && index < 4 ? table.Year - 1 : table.Year;
        return new LunarDate(lunarYear, month, dayNumber - table.MonthStarts[index] + 1, leap);
    }

    public static DateOnly ToSolar(LunarDate lunar)
    {
        if (lunar.Month is < 1 or > 12 || lunar.Day is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(lunar), "No such lunar date.");
        }

        // Month 11 and 12 of lunar year Y are in the table of year Y+1.
        var table = YearOf(lunar.Month >= 11 ? lunar.Year + 1 : lunar.Year);
        for (var i = 0; i < table.Months.Length - 1; i++)
        {
            var (month, leap) = table.Months[i];
            var belongsToPrevious = month >= 11 && i < 4;
            if (month == lunar.Month && leap == lunar.IsLeapMonth && belongsToPrevious == (lunar.Month >= 11))
            {
                var length = table.MonthStarts[i + 1] - table.MonthStarts[i];
                if (lunar.Day > length)
                {
                    throw new ArgumentOutOfRangeException(nameof(lunar), "No such lunar date.");
                }

                var result = FromJulianDay(table.MonthStarts[i] + lunar.Day - 1);
                RequireSupported(result);
                return result;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(lunar), "No such lunar date.");
    }

    /// <summary>The solar date of lunar new year (Tết) of a lunar year.</summary>
    public static DateOnly NewYear(int lunarYear) => ToSolar(new LunarDate(lunarYear, 1, 1, false));

    private static void RequireSupported(DateOnly date)
    {
        if (date < MinSupported || date > MaxSupported)
        {
            throw new ArgumentOutOfRangeException(nameof(date), "Dates from 1900-01-01 to 2100-12-31 are supported.");
        }
    }

    private static LunarYear YearOf(int year) => Years.GetOrAdd(year, ComputeYear);

    /// <summary>The months from the start of month 11 of the previous lunar year to the start of month 11 of this one.</summary>
    private static LunarYear ComputeYear(int year)
    {
        var start = Month11(year - 1);
        var end = Month11(year);
        var k = (int)Math.Floor(((start - 2415021.076998695) / 29.530588853) + 0.5);
        var starts = new List<int> { start };
        var count = (int)Math.Round((end - start) / 29.530588853);
        for (var i = 1; i <= count; i++)
        {
            starts.Add(NewMoonDay(k + i));
        }

        starts[^1] = end;
        var months = new (int Month, bool Leap)[starts.Count];
        var leapIndex = -1;
        if (count == 13)
        {
            // The leap month is the first month (after month 11) without a major solar term.
            for (var i = 1; i < count; i++)
            {
                if (SunSector(starts[i]) == SunSector(starts[i + 1]))
                {
                    leapIndex = i;
                    break;
                }
            }
        }

        var monthNumber = 11;
        for (var i = 0; i < starts.Count; i++)
        {
            if (i == leapIndex)
            {
                months[i] = (months[i - 1].Month, true);
                continue;
            }

            months[i] = (monthNumber, false);
            monthNumber = monthNumber == 12 ? 1 : monthNumber + 1;
        }

        return new LunarYear(year, [.. starts], months);
    }

    /// <summary>Julian day number of the new moon starting month 11 (the one before the winter solstice) of a solar year.</summary>
    private static int Month11(int year)
    {
        var off = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(off / 29.530588853);
        var newMoon = NewMoonDay(k);
        // Sun longitude at local midnight, in 30° sectors; 9 means past the winter solstice.
        return SunSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (TimeZone / 24));

    private static int SunSector(int dayNumber) => (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (TimeZone / 24)) / Math.PI * 6);

    /// <summary>Julian day (with fraction) of the k-th new moon since 1900-01-01 (Meeus, Astronomical Algorithms).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin(((166.56 + (132.87 * t)) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>Sun's apparent longitude in radians, normalised to [0, 2π), at a Julian day (UT).</summary>
    private static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        l -= Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
        return l;
    }

    private static int JulianDay(DateOnly date) => date.DayNumber + 1721426;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - 1721426);

    private sealed record LunarYear(int Year, int[] MonthStarts, (int Month, bool Leap)[] Months);
}
