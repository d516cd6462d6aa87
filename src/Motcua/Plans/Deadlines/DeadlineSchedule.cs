namespace Motcua.Plans.Deadlines;

/// <summary>
/// The due dates a <see cref="TaskDeadline"/> produces on the working-day calendar (pure). The rules
/// follow Vietnamese office practice (see docs/plans.md, "Deadlines"):
/// <list type="bullet">
/// <item>a date ("trước ngày X") is due by X; X off → the previous working day, because "before X"
/// must not slide past X;</item>
/// <item>a month ("trong tháng 6/2024") → the last working day of that month;</item>
/// <item>weekly ("thứ 6 hàng tuần") → every such weekday, a day off → the previous working day;</item>
/// <item>monthly → <see cref="TaskDeadline.DayOfMonth"/> (clamped to the month's length) or the last
/// working day of the month; quarterly → <see cref="TaskDeadline.DayOfMonth"/> of the quarter's last
/// month or its last working day; yearly → <see cref="TaskDeadline.Date"/>'s day and month or 31
/// December; each moved back to a working day like a date;</item>
/// <item>continuous ("thường xuyên") → no due date: such tasks are reported on at every weekly report;</item>
/// <item>after an event → nothing until the event is recorded, then the event day plus
/// <see cref="TaskDeadline.WorkingDaysAfterEvent"/> (default <see cref="DefaultWorkingDaysAfterEvent"/>) working days.</item>
/// </list>
/// </summary>
internal static class DeadlineSchedule
{
    /// <summary>
    /// Working days an after-event task gets when the plan names none. Ten working days (two office
    /// weeks) is the period Vietnamese bodies most often give themselves to turn a superior's newly
    /// issued document into their own plan or instruction; the officer can change it on review.
    /// </summary>
    public const int DefaultWorkingDaysAfterEvent = 10;

    // A calendar with no working day for this long is taken as "no working day at all" so a broken
    // isWorkingDay function cannot loop forever; the longest real break (Tết) is 9 days.
    private const int MaxSearchDays = 62;

    /// <summary>
    /// The due dates of a task that fall in [<paramref name="from"/>, <paramref name="to"/>] (inclusive).
    /// <paramref name="eventRecordedOn"/> is the day an after-event task's event was recorded (null: not
    /// yet, so no due date). <paramref name="isWorkingDay"/> is the unit's calendar.
    /// </summary>
    public static IReadOnlyList<DateOnly> DueDates(TaskDeadline deadline, DateOnly from, DateOnly to, DateOnly? eventRecordedOn, Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(isWorkingDay);
        if (to < from)
        {
            return [];
        }

        var dates = new SortedSet<DateOnly>();
        foreach (var nominal in NominalDates(deadline, from, to, eventRecordedOn, isWorkingDay))
        {
            var due = deadline.Kind == DeadlineKind.AfterEvent ? nominal : OnOrBefore(nominal, isWorkingDay);
            if (due is { } day && day >= from && day <= to)
            {
                dates.Add(day);
            }
        }

        return [.. dates];
    }

    /// <summary>The first due date on or after <paramref name="day"/>, or null when there is none.</summary>
    public static DateOnly? NextDue(TaskDeadline deadline, DateOnly day, DateOnly? eventRecordedOn, Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        // One-off kinds are computed directly, so any end will do; a recurring task has an occurrence
        // within a year, so two years always reach the next one.
        var to = deadline.Kind == DeadlineKind.Recurring ? AddDaysCapped(day, 2 * 366) : DateOnly.MaxValue;
        var dates = DueDates(deadline, day, to, eventRecordedOn, isWorkingDay);
        return dates.Count == 0 ? null : dates[0];
    }

    /// <summary>
    /// The dates the plan names, before moving off days off. Recurring occurrences are generated a
    /// little past <paramref name="to"/> because one that falls on a day off just after it can move
    /// back into the range.
    /// </summary>
    private static IEnumerable<DateOnly> NominalDates(TaskDeadline deadline, DateOnly from, DateOnly to, DateOnly? eventRecordedOn, Func<DateOnly, bool> isWorkingDay)
    {
        var until = AddDaysCapped(to, MaxSearchDays);
        switch (deadline.Kind)
        {
            case DeadlineKind.Date when deadline.Date is { } date:
                yield return date;
                break;
            case DeadlineKind.Month when deadline.Year is { } year && deadline.Month is { } month && IsMonth(year, month):
                yield return LastDayOfMonth(year, month);
                break;
            case DeadlineKind.AfterEvent when eventRecordedOn is { } recorded:
                if (AddWorkingDays(recorded, deadline.WorkingDaysAfterEvent ?? DefaultWorkingDaysAfterEvent, isWorkingDay) is { } due)
                {
                    yield return due;
                }

                break;
            case DeadlineKind.Recurring:
                foreach (var occurrence in Occurrences(deadline, from, until))
                {
                    yield return occurrence;
                }

                break;
            default:
                break;
        }
    }

    private static IEnumerable<DateOnly> Occurrences(TaskDeadline deadline, DateOnly from, DateOnly until)
    {
        switch (deadline.Recurrence)
        {
            case Recurrence.Weekly when deadline.Weekday is { } weekday:
                var first = from.AddDays(((int)weekday - (int)from.DayOfWeek + 7) % 7);
                for (var day = first; day <= until; day = AddDaysCapped(day, 7))
                {
                    yield return day;
                    if (day == DateOnly.MaxValue || day.DayNumber > DateOnly.MaxValue.DayNumber - 7)
                    {
                        yield break;
                    }
                }

                break;
            case Recurrence.Monthly:
                foreach (var (year, month) in Months(from, until))
                {
                    yield return DayInMonth(year, month, deadline.DayOfMonth);
                }

                break;
            case Recurrence.Quarterly:
                foreach (var (year, month) in Months(from, until).Where(m => m.Month % 3 == 0))
                {
                    yield return DayInMonth(year, month, deadline.DayOfMonth);
                }

                break;
            case Recurrence.Yearly:
                for (var year = from.Year; year <= until.Year; year++)
                {
                    yield return deadline.Date is { } date ? DayInMonth(year, date.Month, date.Day) : new DateOnly(year, 12, 31);
                }

                break;
            default:
                // Continuous: reported on at each weekly report, never due on a date of its own.
                break;
        }
    }

    private static IEnumerable<(int Year, int Month)> Months(DateOnly from, DateOnly until)
    {
        for (var (year, month) = (from.Year, from.Month); year < until.Year || (year == until.Year && month <= until.Month);)
        {
            yield return (year, month);
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1);
        }
    }

    private static DateOnly DayInMonth(int year, int month, int? day) =>
        day is { } d ? new DateOnly(year, month, Math.Clamp(d, 1, DateTime.DaysInMonth(year, month))) : LastDayOfMonth(year, month);

    private static DateOnly LastDayOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static bool IsMonth(int year, int month) => year is >= 1 and <= 9999 && month is >= 1 and <= 12;

    /// <summary>The day itself when it is a working day, else the closest working day before it.</summary>
    private static DateOnly? OnOrBefore(DateOnly day, Func<DateOnly, bool> isWorkingDay)
    {
        for (var i = 0; i < MaxSearchDays && day.DayNumber - i >= DateOnly.MinValue.DayNumber; i++)
        {
            var candidate = DateOnly.FromDayNumber(day.DayNumber - i);
            if (isWorkingDay(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/> (the event day itself does not count).</summary>
    private static DateOnly? AddWorkingDays(DateOnly day, int count, Func<DateOnly, bool> isWorkingDay)
    {
        var current = day;
        var left = Math.Max(count, 0);
        var idle = 0;
        while (left > 0)
        {
            if (current == DateOnly.MaxValue || idle >= MaxSearchDays)
            {
                return null;
            }

            current = current.AddDays(1);
            if (isWorkingDay(current))
            {
                left--;
                idle = 0;
            }
            else
            {
                idle++;
            }
        }

        // "0 working days" means the event day, moved forward to a working day if it is off.
        while (!isWorkingDay(current))
        {
            if (current == DateOnly.MaxValue || idle++ >= MaxSearchDays)
            {
                return null;
            }

            current = current.AddDays(1);
        }

        return current;
    }

    private static DateOnly AddDaysCapped(DateOnly day, int days) =>
        day.DayNumber > DateOnly.MaxValue.DayNumber - days ? DateOnly.MaxValue : day.AddDays(days);
}
