using CsCheck;
using Motcua.Plans.Deadlines;
using static Motcua.UnitTests.Plans.PlanAssertions;

namespace Motcua.UnitTests.Plans;

/// <summary>
/// Due dates on the real Vietnamese calendar: the calendar engine's statutory holidays plus the 2024
/// announcements as overrides (see <see cref="PlanAssertions.Calendar"/>).
/// </summary>
public sealed class DeadlineScheduleFacts
{
    private static string Dates(IEnumerable<DateOnly> dates) => string.Join(",", dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    // A working day is its own due date.
    [InlineData("2023-12-01", "2023-12-01")]
    // "trước ngày 10/12/2023" on a Sunday: by Friday 8 December, never after the stated day.
    [InlineData("2023-12-10", "2023-12-08")]
    [InlineData("2024-09-15", "2024-09-13")]
    // Tết 2024 is 8–14 February; Saturday 10 February moves to Wednesday 7 February.
    [InlineData("2024-02-10", "2024-02-07")]
    [InlineData("2024-02-14", "2024-02-07")]
    [InlineData("2024-02-15", "2024-02-15")]
    // 30/4 and 1/5 2024 (Tuesday, Wednesday) with Monday 29/4 swapped off → Friday 26 April.
    [InlineData("2024-05-01", "2024-04-26")]
    [InlineData("2024-04-30", "2024-04-26")]
    // Saturday 4 May 2024 was worked in exchange: a deadline on it stays.
    [InlineData("2024-05-04", "2024-05-04")]
    // National day 2024: 2 and 3 September (Monday, Tuesday) → Friday 30 August.
    [InlineData("2024-09-03", "2024-08-30")]
    [InlineData("2024-09-04", "2024-09-04")]
    public void A_date_on_a_day_off_is_due_the_working_day_before(string stated, string due) =>
        Assert.Equal(due, Dates(DeadlineSchedule.DueDates(TaskDeadline.OnDate(Day(stated)), Day("2023-01-01"), Day("2025-12-31"), null, IsWorkingDay)));

    [Theory]
    // "trong tháng 6/2024": 29 and 30 June are a weekend → Friday 28 June.
    [InlineData(2024, 6, "2024-06-28")]
    [InlineData(2024, 2, "2024-02-29")]
    [InlineData(2024, 3, "2024-03-29")]
    // 30 April 2024 is a holiday and 29 April was swapped off → Friday 26 April.
    [InlineData(2024, 4, "2024-04-26")]
    [InlineData(2023, 12, "2023-12-29")]
    // August 2025 ends on a weekend → Friday 29 August.
    [InlineData(2025, 8, "2025-08-29")]
    public void A_month_is_due_on_its_last_working_day(int year, int month, string due) =>
        Assert.Equal(due, Dates(DeadlineSchedule.DueDates(TaskDeadline.InMonth(year, month), Day("2023-01-01"), Day("2025-12-31"), null, IsWorkingDay)));

    [Theory]
    // "thứ 6 hàng tuần" in February 2024: Friday 9 February is in Tết → Wednesday 7 February.
    [InlineData("2024-02-01", "2024-02-29", "2024-02-02,2024-02-07,2024-02-16,2024-02-23")]
    // Friday 30 April 2021 was a holiday → Thursday 29 April.
    [InlineData("2021-04-26", "2021-05-09", "2021-04-29,2021-05-07")]
    // Friday 1 September 2023 was the day joined to national day → Thursday 31 August.
    [InlineData("2023-08-28", "2023-09-08", "2023-08-31,2023-09-08")]
    // The moved Friday of Tết falls before the range: nothing is due in 8–9 February 2024.
    [InlineData("2024-02-08", "2024-02-09", "")]
    // A Friday just after the range that moves back into it counts.
    [InlineData("2024-02-05", "2024-02-08", "2024-02-07")]
    public void Weekly_tasks_fall_on_the_weekday_or_the_working_day_before(string from, string to, string due) =>
        Assert.Equal(due, Dates(DeadlineSchedule.DueDates(TaskDeadline.Weekly(DayOfWeek.Friday), Day(from), Day(to), null, IsWorkingDay)));

    [Fact]
    public void The_announcements_move_due_dates_the_statutory_calendar_alone_would_not()
    {
        // Without the announcements Tết 2024 is 9–13 February with days in lieu on 14 and 15 February,
        // so "trước ngày 15/02/2024" would be due on Thursday 8 February.
        var deadline = TaskDeadline.OnDate(Day("2024-02-15"));

        Assert.Equal("2024-02-08", Dates(DeadlineSchedule.DueDates(deadline, Day("2024-01-01"), Day("2024-12-31"), null, Statutory.IsWorkingDay)));
        Assert.Equal("2024-02-15", Dates(DeadlineSchedule.DueDates(deadline, Day("2024-01-01"), Day("2024-12-31"), null, IsWorkingDay)));
    }

    [Fact]
    public void Monthly_quarterly_and_yearly_tasks_follow_their_rules()
    {
        var monthly20 = new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Monthly, DayOfMonth: 20);
        var monthly = new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Monthly);
        var quarterly = new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Quarterly);
        var yearly = new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Yearly, Date: new DateOnly(2000, 12, 15));
        var yearEnd = new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Yearly);
        var yearlyLeap = new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Yearly, Date: new DateOnly(2000, 2, 29));

        // 20 January 2024 is a Saturday → Friday 19 January.
        Assert.Equal("2024-01-19,2024-02-20,2024-03-20", Dates(DeadlineSchedule.DueDates(monthly20, Day("2024-01-01"), Day("2024-03-31"), null, IsWorkingDay)));
        Assert.Equal("2024-01-31,2024-02-29,2024-03-29", Dates(DeadlineSchedule.DueDates(monthly, Day("2024-01-01"), Day("2024-03-31"), null, IsWorkingDay)));
        Assert.Equal("2024-03-29,2024-06-28,2024-09-30,2024-12-31", Dates(DeadlineSchedule.DueDates(quarterly, Day("2024-01-01"), Day("2024-12-31"), null, IsWorkingDay)));
        // 15 December 2024 is a Sunday; 31 December 2023 a Sunday.
        Assert.Equal("2023-12-15,2024-12-13", Dates(DeadlineSchedule.DueDates(yearly, Day("2023-01-01"), Day("2024-12-31"), null, IsWorkingDay)));
        Assert.Equal("2023-12-29,2024-12-31", Dates(DeadlineSchedule.DueDates(yearEnd, Day("2023-01-01"), Day("2024-12-31"), null, IsWorkingDay)));
        // 29 February in a common year is the 28th (2025: a Friday).
        Assert.Equal("2024-02-29,2025-02-28", Dates(DeadlineSchedule.DueDates(yearlyLeap, Day("2024-01-01"), Day("2025-12-31"), null, IsWorkingDay)));
    }

    [Fact]
    public void Continuous_tasks_have_no_due_date()
    {
        Assert.Empty(DeadlineSchedule.DueDates(TaskDeadline.Continuous("Thường xuyên"), Day("2024-01-01"), Day("2024-12-31"), null, IsWorkingDay));
        Assert.Null(DeadlineSchedule.NextDue(TaskDeadline.Continuous(), Day("2024-01-01"), null, IsWorkingDay));
    }

    [Theory]
    // Not recorded yet: nothing is due.
    [InlineData(null, null, "")]
    // Recorded Wednesday 7 February 2024, the default 10 working days skip Tết (8–14 February) and two weekends.
    [InlineData("2024-02-07", null, "2024-02-28")]
    // Recorded Friday 26 April 2024, 3 working days: 29/4–1/5 are off, then 2 and 3 May and the make-up Saturday 4 May.
    [InlineData("2024-04-26", 3, "2024-05-04")]
    // Recorded on a holiday (2 September 2024), 1 working day: Wednesday 4 September.
    [InlineData("2024-09-02", 1, "2024-09-04")]
    // 0 working days on a day off: the next working day.
    [InlineData("2024-09-02", 0, "2024-09-04")]
    public void After_event_tasks_start_when_the_event_is_recorded(string? recorded, int? workingDays, string due)
    {
        var deadline = TaskDeadline.AfterEventOf("UBND tỉnh ban hành Kế hoạch", workingDays);
        DateOnly? recordedOn = recorded is null ? null : Day(recorded);

        Assert.Equal(due, Dates(DeadlineSchedule.DueDates(deadline, Day("2024-01-01"), Day("2024-12-31"), recordedOn, IsWorkingDay)));
        Assert.Equal(due, Dates(DeadlineSchedule.NextDue(deadline, Day("2024-01-01"), recordedOn, IsWorkingDay) is { } next ? [next] : []));
    }

    [Fact]
    public void The_default_after_an_event_is_ten_working_days() =>
        Assert.Equal(10, DeadlineSchedule.DefaultWorkingDaysAfterEvent);

    [Fact]
    public void A_calendar_without_working_days_gives_no_due_date_instead_of_looping()
    {
        Assert.Empty(DeadlineSchedule.DueDates(TaskDeadline.Weekly(DayOfWeek.Friday), Day("2024-01-01"), Day("2024-12-31"), null, _ => false));
        Assert.Null(DeadlineSchedule.NextDue(TaskDeadline.AfterEventOf("x"), Day("2024-01-01"), Day("2024-01-02"), _ => false));
        Assert.Empty(DeadlineSchedule.DueDates(TaskDeadline.OnDate(Day("2024-03-01")), Day("2024-03-31"), Day("2024-01-01"), null, IsWorkingDay));
    }

    private static readonly Gen<DateOnly> Days = Gen.Int[0, 365 * 10].Select(n => new DateOnly(2020, 1, 1).AddDays(n));

    private static readonly Gen<TaskDeadline> Deadlines = Gen.OneOf(
        Days.Select(d => TaskDeadline.OnDate(d)),
        Gen.Select(Gen.Int[2020, 2030], Gen.Int[1, 12], (y, m) => TaskDeadline.InMonth(y, m)),
        Gen.Enum<DayOfWeek>().Select(w => TaskDeadline.Weekly(w)),
        Gen.Int[0, 31].Select(d => new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Monthly, DayOfMonth: d == 0 ? null : d)),
        Gen.Int[0, 31].Select(d => new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Quarterly, DayOfMonth: d == 0 ? null : d)),
        Gen.Select(Gen.Bool, Days, (dated, d) => new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Yearly, Date: dated ? d : null)),
        Gen.Int[0, 30].Select(n => TaskDeadline.AfterEventOf("UBND tỉnh ban hành", n)),
        Gen.Const(TaskDeadline.Continuous()));

    private static readonly Gen<DateOnly?> Recorded = Gen.OneOf(Gen.Const(default(DateOnly?)), Days.Select(d => (DateOnly?)d));

    [Fact]
    public void Due_dates_are_working_days_in_range_and_ascending() =>
        Gen.Select(Deadlines, Days, Gen.Int[0, 800], Recorded).Sample((deadline, from, length, recorded) =>
        {
            var to = from.AddDays(length);
            var dates = DeadlineSchedule.DueDates(deadline, from, to, recorded, IsWorkingDay);
            return dates.All(IsWorkingDay) && dates.All(d => d >= from && d <= to) && dates.Zip(dates.Skip(1)).All(p => p.First < p.Second);
        });

    [Fact]
    public void Next_due_is_the_first_of_the_due_dates_from_that_day() =>
        Gen.Select(Deadlines, Days, Recorded).Sample((deadline, day, recorded) =>
        {
            var all = DeadlineSchedule.DueDates(deadline, day, new DateOnly(2045, 12, 31), recorded, IsWorkingDay);
            return DeadlineSchedule.NextDue(deadline, day, recorded, IsWorkingDay) == (all.Count == 0 ? null : all[0]);
        });

    [Fact]
    public void Splitting_the_range_splits_the_due_dates() =>
        Gen.Select(Deadlines, Days, Gen.Int[0, 400], Gen.Int[0, 400], Recorded).Sample((deadline, from, first, second, recorded) =>
        {
            var middle = from.AddDays(first);
            var to = middle.AddDays(1 + second);
            var whole = DeadlineSchedule.DueDates(deadline, from, to, recorded, IsWorkingDay);
            var parts = DeadlineSchedule.DueDates(deadline, from, middle, recorded, IsWorkingDay)
                .Concat(DeadlineSchedule.DueDates(deadline, middle.AddDays(1), to, recorded, IsWorkingDay));
            return whole.SequenceEqual(parts);
        });
}
