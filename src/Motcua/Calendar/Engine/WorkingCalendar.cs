namespace Motcua.Calendar;

internal enum OverrideKind
{
    /// <summary>An extra day off (or the day-off side of a swap); also cancels a make-up day.</summary>
    DayOff,

    /// <summary>A make-up working day (e.g. a Saturday worked); also cancels a holiday on that date.</summary>
    WorkingDay,
}

/// <summary>An administrator's dated exception to the statutory calendar.</summary>
internal sealed record CalendarOverride(DateOnly Date, OverrideKind Kind, string Name);

internal sealed record SkippedDay(DateOnly Date, string Reason, string EnglishReason, CalendarDayKind? Kind);

/// <summary>A computed deadline: from the (given) start, the due moment, and the non-working days skipped on the way.</summary>
internal sealed record DueResult(DateTime From, DateTime DueAt, IReadOnlyList<SkippedDay> Skipped);

/// <summary>
/// The legal clock of one unit: statutory holidays, the overrides that apply to it, and its office
/// hours. A deadline of N working days is N × (office minutes per day) of office time from the
/// moment of receipt; receipt outside office hours starts at the next opening. Immutable and
/// thread-safe; build a new one when the calendar changes.
/// </summary>
internal sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarOverride> _overrides;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, CalendarDay>> _years = new();

    public WorkingCalendar(OfficeHours hours, IEnumerable<CalendarOverride> overrides)
    {
        Hours = hours;
        _overrides = [];
        foreach (var entry in overrides)
        {
            // The last entry for a date wins: callers pass them from the widest scope to the narrowest.
            _overrides[entry.Date] = entry;
        }
    }

    public OfficeHours Hours { get; }

    /// <summary>The status of a date after overrides, or null for an ordinary day.</summary>
    public CalendarDay? Describe(DateOnly date) => Year(date.Year).GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date)
    {
        var special = Describe(date);
        if (special is not null)
        {
            return special.Kind == CalendarDayKind.MakeUpWorkday;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The holidays, compensatory days, extra days off and make-up working days of a year, ordered.</summary>
    public IReadOnlyList<CalendarDay> DaysOfYear(int year) => [.. Year(year).Values.OrderBy(d => d.Date)];

    public DueResult AddWorkingDays(DateTime from, decimal workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        return AddWorkingMinutes(from, (long)Math.Round(workingDays * Hours.MinutesPerDay, MidpointRounding.AwayFromZero));
    }

    /// <summary>The moment <paramref name="minutes"/> of office time after <paramref name="from"/> (from the next opening if outside office hours).</summary>
    public DueResult AddWorkingMinutes(DateTime from, long minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        var remaining = minutes;
        var (date, minute) = Normalise(from);
        var startDate = date;
        while (true)
        {
            var left = MinutesLeft(minute);
            if (remaining <= left)
            {
                var due = date.ToDateTime(TimeAfter(minute, remaining));
                return new DueResult(from, due, Skipped(startDate, date));
            }

            remaining -= left;
            date = NextWorkingDay(date);
            // Whole days are skipped in one step so long deadlines stay cheap.
            while (remaining > Hours.MinutesPerDay)
            {
                remaining -= Hours.MinutesPerDay;
                date = NextWorkingDay(date);
            }

            minute = Hours.Sessions[0].Start.Hour * 60 + Hours.Sessions[0].Start.Minute;
        }
    }

    /// <summary>
    /// The office minutes from <paramref name="from"/> to <paramref name="to"/> (0 when <paramref name="to"/> is not later):
    /// what is left of a deadline when its clock is paused, e.g. for a supplement request.
    /// </summary>
    public long WorkingMinutesBetween(DateTime from, DateTime to)
    {
        if (to <= from)
        {
            return 0;
        }

        var (date, minute) = Normalise(from);
        var (endDate, endMinute) = Normalise(to);
        if (date > endDate || (date == endDate && minute >= endMinute))
        {
            return 0;
        }

        if (date == endDate)
        {
            return MinutesLeft(minute) - MinutesLeft(endMinute);
        }

        var total = MinutesLeft(minute);
        for (var day = NextWorkingDay(date); day < endDate; day = NextWorkingDay(day))
        {
            total += Hours.MinutesPerDay;
        }

        return total + Hours.MinutesPerDay - MinutesLeft(endMinute);
    }

    /// <summary>
    /// For procedures counted in calendar days: the same clock time N days later. Civil Code 2015
    /// Art. 148: when the last day is a day off, the period ends on the next working day; a time outside
    /// office hours moves to the next opening, or to closing time if the office has already closed that day.
    /// </summary>
    public DueResult AddCalendarDays(DateTime from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var target = from.AddDays(days);
        var date = DateOnly.FromDateTime(target);
        var time = TimeOnly.FromDateTime(target);
        var startDate = DateOnly.FromDateTime(from);
        if (!IsWorkingDay(date))
        {
            date = NextWorkingDay(date);
        }

        var first = Hours.Sessions[0].Start;
        var last = Hours.Sessions[^1].End;
        if (time > last)
        {
            time = last;
        }
        else if (time < first)
        {
            time = first;
        }
        else
        {
            // Inside the day but in a break (lunch): the next session opening.
            foreach (var session in Hours.Sessions)
            {
                if (time < session.Start)
                {
                    time = session.Start;
                    break;
                }

                if (time <= session.End)
                {
                    break;
                }
            }
        }

        return new DueResult(from, date.ToDateTime(time), Skipped(startDate, date));
    }

    /// <summary>The first office moment at or after <paramref name="from"/>; a session's end counts as inside.</summary>
    private (DateOnly Date, int Minute) Normalise(DateTime from)
    {
        var date = DateOnly.FromDateTime(from);
        var minute = (from.Hour * 60) + from.Minute + (from.Second > 0 || from.Millisecond > 0 ? 1 : 0);
        if (IsWorkingDay(date))
        {
            foreach (var session in Hours.Sessions)
            {
                var start = ToMinute(session.Start);
                var end = ToMinute(session.End);
                if (minute < start)
                {
                    return (date, start);
                }

                if (minute <= end)
                {
                    return (date, minute);
                }
            }
        }

        return (NextWorkingDay(date), ToMinute(Hours.Sessions[0].Start));
    }

    private long MinutesLeft(int minute)
    {
        long left = 0;
        foreach (var session in Hours.Sessions)
        {
            var start = ToMinute(session.Start);
            var end = ToMinute(session.End);
            if (minute < end)
            {
                left += end - Math.Max(start, minute);
            }
        }

        return left;
    }

    /// <summary>The moment <paramref name="minutes"/> of office time after <paramref name="minute"/> on the same day (the caller ensures it fits).</summary>
    private TimeOnly TimeAfter(int minute, long minutes)
    {
        foreach (var session in Hours.Sessions)
        {
            var start = ToMinute(session.Start);
            var end = ToMinute(session.End);
            if (minute >= end)
            {
                continue;
            }

            var from = Math.Max(start, minute);
            if (minutes <= end - from)
            {
                return TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(from + minutes));
            }

            minutes -= end - from;
        }

        return Hours.Sessions[^1].End;
    }

    private DateOnly NextWorkingDay(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
            if (date.Year > 2100)
            {
                throw new ArgumentOutOfRangeException(nameof(date), "Deadlines beyond 2100 are not supported.");
            }
        }
        while (!IsWorkingDay(date));

        return date;
    }

    private List<SkippedDay> Skipped(DateOnly start, DateOnly end)
    {
        var skipped = new List<SkippedDay>();
        for (var date = start.AddDays(1); date < end; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                continue;
            }

            var special = Describe(date);
            skipped.Add(special is not null
                ? new SkippedDay(date, special.Name, special.EnglishName, special.Kind)
                : date.DayOfWeek == DayOfWeek.Saturday
                    ? new SkippedDay(date, "Thứ Bảy", "Saturday", null)
                    : new SkippedDay(date, "Chủ nhật", "Sunday", null));
        }

        return skipped;
    }

    private IReadOnlyDictionary<DateOnly, CalendarDay> Year(int year) => _years.GetOrAdd(year, y =>
    {
        var days = new Dictionary<DateOnly, CalendarDay>();
        if (y is >= 1900 and <= 2100)
        {
            foreach (var day in StatutoryHolidays.ForYear(y))
            {
                days[day.Date] = day;
            }
        }

        foreach (var entry in _overrides.Values.Where(o => o.Date.Year == y))
        {
            var weekend = entry.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (entry.Kind == OverrideKind.WorkingDay)
            {
                days.Remove(entry.Date);
                if (weekend)
                {
                    days[entry.Date] = new CalendarDay(entry.Date, entry.Name, entry.Name, CalendarDayKind.MakeUpWorkday);
                }
            }
            else
            {
                days.Remove(entry.Date);
                if (!weekend)
                {
                    days[entry.Date] = new CalendarDay(entry.Date, entry.Name, entry.Name, CalendarDayKind.ExtraDayOff);
                }
            }
        }

        return days;
    });

    private static int ToMinute(TimeOnly time) => (time.Hour * 60) + time.Minute;
}
