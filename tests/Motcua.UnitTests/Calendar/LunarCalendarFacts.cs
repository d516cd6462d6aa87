using Motcua.Calendar;

namespace Motcua.UnitTests.Calendar;

public sealed class LunarCalendarFacts
{
    /// <summary>Published Tết dates in Vietnam; 1968, 1985, 2007 and 2030 differ from China's (UTC+8) calendar.</summary>
    [Theory]
    [InlineData(1900, "1900-01-31")]
    [InlineData(1968, "1968-01-29")]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2000, "2000-02-05")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    // The new moon is at 23:07 on 2 February in Vietnam, 00:07 on 3 February in China.
    [InlineData(2030, "2030-02-02")]
    [InlineData(2050, "2050-01-23")]
    public void Tet_falls_on_the_published_date(int lunarYear, string solar)
    {
        var date = DateOnly.Parse(solar, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(date, VietnameseLunarCalendar.NewYear(lunarYear));
        Assert.Equal(new LunarDate(lunarYear, 1, 1, false), VietnameseLunarCalendar.FromSolar(date));
    }

    [Fact]
    public void Vietnamese_Tet_differs_from_the_Chinese_calendar_where_the_time_zone_matters()
    {
        var chinese = new System.Globalization.ChineseLunisolarCalendar();
        var vietnamese1985 = VietnameseLunarCalendar.NewYear(1985);
        var chinese1985 = DateOnly.FromDateTime(chinese.ToDateTime(1985, 1, 1, 0, 0, 0, 0));

        Assert.Equal(new DateOnly(1985, 1, 21), vietnamese1985);
        Assert.NotEqual(chinese1985, vietnamese1985);
    }

    /// <summary>Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month, as published each year.</summary>
    [Theory]
    [InlineData("2019-04-14")]
    [InlineData("2020-04-02")]
    [InlineData("2021-04-21")]
    [InlineData("2022-04-10")]
    [InlineData("2023-04-29")]
    [InlineData("2024-04-18")]
    [InlineData("2025-04-07")]
    [InlineData("2026-04-26")]
    public void Hung_Kings_day_falls_on_the_published_date(string solar)
    {
        var date = DateOnly.Parse(solar, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(new LunarDate(date.Year, 3, 10, false), VietnameseLunarCalendar.FromSolar(date));
    }

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    public void Leap_months_are_where_the_almanac_puts_them(int year, int leapMonth)
    {
        var firstOfLeap = VietnameseLunarCalendar.ToSolar(new LunarDate(year, leapMonth, 1, true));
        var firstOfRegular = VietnameseLunarCalendar.ToSolar(new LunarDate(year, leapMonth, 1, false));

        Assert.True(firstOfLeap > firstOfRegular);
        Assert.Equal(new LunarDate(year, leapMonth, 1, true), VietnameseLunarCalendar.FromSolar(firstOfLeap));
    }

    [Fact]
    public void A_leap_flag_on_a_month_that_is_not_leap_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 5, 1, true)));
    }

    [Fact]
    public void Day_30_of_a_29_day_month_is_rejected()
    {
        // Month 12 of lunar 2024 (Giáp Thìn) had 29 days: Tết 2025 followed its 29th.
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 12, 30, false)));
    }

    [Fact]
    public void Dates_outside_1900_to_2100_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(new DateOnly(2101, 1, 1)));
    }

    /// <summary>Exhaustive over 1900–2100: round trip, consecutive days, and month lengths of 29 or 30.</summary>
    [Fact]
    public void Every_day_from_1900_to_2100_round_trips_and_months_have_29_or_30_days()
    {
        var previous = VietnameseLunarCalendar.FromSolar(VietnameseLunarCalendar.MinSupported);
        var monthLength = previous.Day;
        for (var date = VietnameseLunarCalendar.MinSupported.AddDays(1); date <= VietnameseLunarCalendar.MaxSupported; date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(date);
            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar));
            if (lunar.Day == 1)
            {
                Assert.True(monthLength is 29 or 30 || previous.Year == 1899, $"{date}: previous month had {monthLength} days");
                Assert.True(lunar.Month == previous.Month || lunar.Month == (previous.Month % 12) + 1, $"{date}: month {previous.Month} → {lunar.Month}");
                monthLength = 1;
            }
            else
            {
                Assert.Equal(previous.Day + 1, lunar.Day);
                Assert.Equal(previous.Month, lunar.Month);
                monthLength++;
            }

            previous = lunar;
        }
    }
}
