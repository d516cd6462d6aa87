using Motcua.Calendar;

namespace Motcua.UnitTests.Calendar;

public sealed class HolidayFacts
{
    [Fact]
    public void The_2026_statutory_holidays_follow_the_2019_Labour_Code()
    {
        var days = StatutoryHolidays.ForYear(2026).Select(d => (d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Kind)).ToList();

        Assert.Equal(
            [
                ("2026-01-01", CalendarDayKind.Holiday),
                ("2026-02-16", CalendarDayKind.Holiday),
                ("2026-02-17", CalendarDayKind.Holiday),
                ("2026-02-18", CalendarDayKind.Holiday),
                ("2026-02-19", CalendarDayKind.Holiday),
                ("2026-02-20", CalendarDayKind.Holiday),
                ("2026-04-26", CalendarDayKind.Holiday),
                ("2026-04-27", CalendarDayKind.Compensatory),
                ("2026-04-30", CalendarDayKind.Holiday),
                ("2026-05-01", CalendarDayKind.Holiday),
                ("2026-09-01", CalendarDayKind.Holiday),
                ("2026-09-02", CalendarDayKind.Holiday),
            ],
            days);
    }

    /// <summary>The day joined to 2 September in the announcements of 2021–2025.</summary>
    [Theory]
    [InlineData(2021, "2021-09-03")]
    [InlineData(2022, "2022-09-01")]
    [InlineData(2023, "2023-09-01")]
    [InlineData(2024, "2024-09-03")]
    [InlineData(2025, "2025-09-01")]
    public void National_day_gets_the_adjacent_day_the_announcements_chose(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StatutoryHolidays.NationalDayAdjacent(year));

    [Fact]
    public void A_holiday_on_a_Saturday_gives_a_compensatory_day_on_the_next_working_day()
    {
        // 2 September 2023 was a Saturday: 1 September (Friday) was the adjacent day, Monday 4 September the day in lieu.
        var days = StatutoryHolidays.ForYear(2023);

        Assert.Contains(days, d => d.Date == new DateOnly(2023, 9, 1) && d.Kind == CalendarDayKind.Holiday);
        Assert.Contains(days, d => d.Date == new DateOnly(2023, 9, 4) && d.Kind == CalendarDayKind.Compensatory);
    }

    [Fact]
    public void Before_2021_national_day_was_one_day_and_before_mid_2013_Tet_was_four()
    {
        Assert.DoesNotContain(StatutoryHolidays.ForYear(2019), d => d.Date.Month == 9 && d.Date.Day != 2 && d.Kind == CalendarDayKind.Holiday);
        Assert.Equal(4, StatutoryHolidays.ForYear(2012).Count(d => d.Name == "Tết Nguyên đán"));
        Assert.Equal(5, StatutoryHolidays.ForYear(2014).Count(d => d.Name == "Tết Nguyên đán"));
    }

    [Fact]
    public void Hung_Kings_day_is_a_holiday_only_from_2007()
    {
        Assert.DoesNotContain(StatutoryHolidays.ForYear(2006), d => d.Name == "Giỗ Tổ Hùng Vương");
        Assert.Contains(StatutoryHolidays.ForYear(2007), d => d.Name == "Giỗ Tổ Hùng Vương" && d.Date == new DateOnly(2007, 4, 26));
    }

    [Fact]
    public void Overrides_add_cancel_and_make_up_days()
    {
        var calendar = new WorkingCalendar(OfficeHours.Default, [
            new CalendarOverride(new DateOnly(2026, 11, 24), OverrideKind.DayOff, "Ngày Văn hóa Việt Nam"),
            new CalendarOverride(new DateOnly(2026, 1, 10), OverrideKind.WorkingDay, "Làm bù"),
            new CalendarOverride(new DateOnly(2026, 4, 27), OverrideKind.WorkingDay, "Không nghỉ bù"),
        ]);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 24)));
        Assert.Equal(CalendarDayKind.ExtraDayOff, calendar.Describe(new DateOnly(2026, 11, 24))!.Kind);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.Equal(CalendarDayKind.MakeUpWorkday, calendar.Describe(new DateOnly(2026, 1, 10))!.Kind);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 4, 27)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 4, 26)));
        Assert.Contains(calendar.DaysOfYear(2026), d => d.Date == new DateOnly(2026, 1, 10) && d.Kind == CalendarDayKind.MakeUpWorkday);
    }
}
