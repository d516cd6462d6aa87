using System.Globalization;
using CsCheck;
using Motcua.Calendar;

namespace Motcua.UnitTests.Calendar;

public sealed class DeadlineFacts
{
    private static readonly WorkingCalendar Calendar = new(OfficeHours.Default, []);

    private static readonly WorkingCalendar WithOverrides = new(OfficeHours.Default, [
        new CalendarOverride(new DateOnly(2026, 11, 24), OverrideKind.DayOff, "Ngày Văn hóa Việt Nam"),
        new CalendarOverride(new DateOnly(2026, 2, 28), OverrideKind.WorkingDay, "Làm bù Tết"),
    ]);

    [Theory]
    // The example of the API: Monday 09:00 + 3 working days = Thursday 09:00.
    [InlineData("2026-03-02T09:00:00", 3, "2026-03-05T09:00:00")]
    // Before opening: counts from 07:30, so a whole day ends at closing time the same day.
    [InlineData("2026-03-02T06:00:00", 1, "2026-03-02T17:00:00")]
    // During lunch: counts from 13:30; 210 minutes that afternoon, 15 the next morning.
    [InlineData("2026-03-02T12:00:00", 0.5, "2026-03-03T07:45:00")]
    // After closing and on a Saturday: the next opening.
    [InlineData("2026-03-02T18:00:00", 1, "2026-03-03T17:00:00")]
    [InlineData("2026-03-07T10:00:00", 1, "2026-03-09T17:00:00")]
    // Half a day from opening: 225 minutes of 450.
    [InlineData("2026-03-02T07:30:00", 0.5, "2026-03-02T11:15:00")]
    // The eve of Tết 2026 (16–20 February off): Friday 13th + 3 days.
    [InlineData("2026-02-13T09:00:00", 3, "2026-02-25T09:00:00")]
    // Across 30/4 and 1/5 (Thursday, Friday).
    [InlineData("2026-04-29T09:00:00", 2, "2026-05-05T09:00:00")]
    // Across 1–2 September.
    [InlineData("2026-08-31T09:00:00", 1, "2026-09-03T09:00:00")]
    // Zero days: the normalised start.
    [InlineData("2026-03-01T10:00:00", 0, "2026-03-02T07:30:00")]
    public void Working_day_deadlines_match_the_legal_clock(string from, double days, string expected)
    {
        var result = Calendar.AddWorkingDays(Parse(from), (decimal)days);

        Assert.Equal(Parse(expected), result.DueAt);
    }

    [Fact]
    public void Skipped_days_name_the_weekend_and_the_holidays()
    {
        var result = Calendar.AddWorkingDays(Parse("2026-02-13T09:00:00"), 3);

        Assert.Equal(
            ["2026-02-14 Thứ Bảy", "2026-02-15 Chủ nhật", "2026-02-16 Tết Nguyên đán", "2026-02-17 Tết Nguyên đán", "2026-02-18 Tết Nguyên đán", "2026-02-19 Tết Nguyên đán", "2026-02-20 Tết Nguyên đán", "2026-02-21 Thứ Bảy", "2026-02-22 Chủ nhật"],
            result.Skipped.Select(s => $"{s.Date:yyyy-MM-dd} {s.Reason}"));
    }

    [Fact]
    public void An_extra_day_off_is_skipped_and_a_make_up_Saturday_counts()
    {
        Assert.Equal(Parse("2026-11-25T09:00:00"), WithOverrides.AddWorkingDays(Parse("2026-11-23T09:00:00"), 1).DueAt);
        Assert.Equal(Parse("2026-02-28T09:00:00"), WithOverrides.AddWorkingDays(Parse("2026-02-27T09:00:00"), 1).DueAt);
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00", 10, "2026-03-12T09:00:00")]
    // Falls on Sunday 15 February → next working day (Tết ends 20th; Monday 23rd).
    [InlineData("2026-02-05T10:00:00", 10, "2026-02-23T10:00:00")]
    // After closing: clamped to closing time.
    [InlineData("2026-03-02T19:00:00", 1, "2026-03-03T17:00:00")]
    // During lunch: the afternoon opening.
    [InlineData("2026-03-02T12:00:00", 1, "2026-03-03T13:30:00")]
    public void Calendar_day_deadlines_move_off_days_off(string from, int days, string expected) =>
        Assert.Equal(Parse(expected), Calendar.AddCalendarDays(Parse(from), days).DueAt);

    [Fact]
    public void Office_hours_parse_and_print()
    {
        Assert.True(OfficeHours.TryParse("07:00-11:30, 13:30-17:00", out var hours));
        Assert.Equal("07:00-11:30,13:30-17:00", hours!.ToString());
        Assert.Equal(480, hours.MinutesPerDay);
        Assert.False(OfficeHours.TryParse("13:30-17:00,07:00-11:30", out _));
        Assert.False(OfficeHours.TryParse("07:00-07:00", out _));
        Assert.False(OfficeHours.TryParse("seven to five", out _));
    }

    private static readonly Gen<DateTime> Start =
        Gen.Select(Gen.Int[0, 365 * 20], Gen.Int[0, 24 * 60 - 1], (day, minute) => new DateTime(2020, 1, 1).AddDays(day).AddMinutes(minute));

    private static readonly Gen<decimal> HalfDays = Gen.Int[0, 120].Select(n => n / 2m);

    [Fact]
    public void The_due_moment_is_inside_office_hours_on_a_working_day() =>
        Gen.Select(Start, HalfDays).Sample((from, days) =>
        {
            var due = WithOverrides.AddWorkingDays(from, days).DueAt;
            var time = TimeOnly.FromDateTime(due);
            return WithOverrides.IsWorkingDay(DateOnly.FromDateTime(due))
                && OfficeHours.Default.Sessions.Any(s => s.Start <= time && time <= s.End)
                && due >= from.AddSeconds(-from.Second);
        });

    [Fact]
    public void Adding_a_then_b_working_days_equals_adding_a_plus_b() =>
        Gen.Select(Start, HalfDays, HalfDays).Sample((from, a, b) =>
        {
            var first = WithOverrides.AddWorkingDays(from, a).DueAt;
            return WithOverrides.AddWorkingDays(first, b).DueAt == WithOverrides.AddWorkingDays(from, a + b).DueAt;
        });

    [Fact]
    public void More_days_never_give_an_earlier_deadline() =>
        Gen.Select(Start, HalfDays, HalfDays).Sample((from, a, b) =>
            WithOverrides.AddWorkingDays(from, a).DueAt <= WithOverrides.AddWorkingDays(from, a + b).DueAt);

    private static readonly Gen<long> Minutes = Gen.Long[0, 60 * 480];

    [Fact]
    public void The_office_time_between_a_start_and_its_deadline_is_the_time_added() =>
        Gen.Select(Start, Minutes).Sample((from, minutes) =>
            WithOverrides.WorkingMinutesBetween(from, WithOverrides.AddWorkingMinutes(from, minutes).DueAt) == minutes);

    [Fact]
    public void A_paused_clock_resumed_at_once_keeps_its_deadline() =>
        Gen.Select(Start, Minutes, Minutes).Sample((from, total, elapsed) =>
        {
            // Pausing part-way and resuming at the same moment must not move the deadline by any office time
            // (a deadline at a session's end and one at the next opening are the same office moment).
            var due = WithOverrides.AddWorkingMinutes(from, total).DueAt;
            var pausedAt = WithOverrides.AddWorkingMinutes(from, Math.Min(elapsed, total)).DueAt;
            var resumed = WithOverrides.AddWorkingMinutes(pausedAt, WithOverrides.WorkingMinutesBetween(pausedAt, due)).DueAt;
            return WithOverrides.WorkingMinutesBetween(resumed, due) == 0 && WithOverrides.WorkingMinutesBetween(due, resumed) == 0
                && (elapsed >= total || resumed == due);
        });

    [Theory]
    [InlineData("2026-03-02T09:00:00", "2026-03-02T09:00:00", 0)]
    [InlineData("2026-03-02T09:00:00", "2026-03-02T08:00:00", 0)]
    [InlineData("2026-03-02T09:00:00", "2026-03-02T11:00:00", 120)]
    [InlineData("2026-03-02T11:00:00", "2026-03-02T14:00:00", 60)]      // lunch does not count
    [InlineData("2026-03-06T16:00:00", "2026-03-09T08:30:00", 120)]     // Friday 16:00 to Monday 08:30
    [InlineData("2026-02-13T09:00:00", "2026-02-23T09:00:00", 450)]     // across Tết 2026 (16-20/02 off)
    [InlineData("2026-03-07T10:00:00", "2026-03-08T10:00:00", 0)]       // a weekend
    public void Office_time_between_two_moments(string from, string to, long minutes) =>
        Assert.Equal(minutes, Calendar.WorkingMinutesBetween(Parse(from), Parse(to)));

    [Fact]
    public void Long_deadlines_are_computed_exactly()
    {
        // 1,000 working days from 2026: compare with a day-by-day count.
        var from = Parse("2026-01-05T07:30:00");
        var expected = DateOnly.FromDateTime(from);
        var counted = 1;
        while (counted < 1000)
        {
            expected = expected.AddDays(1);
            if (Calendar.IsWorkingDay(expected))
            {
                counted++;
            }
        }

        Assert.Equal(expected.ToDateTime(new TimeOnly(17, 0)), Calendar.AddWorkingDays(from, 1000).DueAt);
    }

    private static DateTime Parse(string text) => DateTime.ParseExact(text, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
