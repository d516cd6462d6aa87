using BenchmarkDotNet.Attributes;
using Motcua.Calendar;

namespace Motcua.Bench;

/// <summary>
/// The legal clock runs on every dossier received and every task created. Baseline: the obvious
/// implementation that walks minute by minute through office time; the engine skips whole days.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private static readonly DateTime From = new(2026, 2, 10, 9, 0, 0);
    private WorkingCalendar _calendar = null!;

    [Params(3, 30, 250)]
    public int WorkingDays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _calendar = new WorkingCalendar(OfficeHours.Default, [new CalendarOverride(new DateOnly(2026, 11, 24), OverrideKind.DayOff, "Ngày Văn hóa Việt Nam")]);
        // Warm the holiday cache so both methods measure the walk, not the first lunar computation.
        _ = _calendar.AddWorkingDays(From, 300);
    }

    [Benchmark(Baseline = true)]
    public DateTime MinuteByMinute()
    {
        var remaining = WorkingDays * OfficeHours.Default.MinutesPerDay;
        var t = From;
        while (true)
        {
            var time = TimeOnly.FromDateTime(t);
            var inside = _calendar.IsWorkingDay(DateOnly.FromDateTime(t)) && OfficeHours.Default.Sessions.Any(s => s.Start <= time && time < s.End);
            if (inside)
            {
                if (remaining == 0)
                {
                    return t;
                }

                remaining--;
            }
            else if (remaining == 0)
            {
                return t;
            }

            t = t.AddMinutes(1);
        }
    }

    [Benchmark]
    public DateTime Engine() => _calendar.AddWorkingDays(From, WorkingDays).DueAt;
}

/// <summary>Lunar conversion for a whole month view: cached per lunar year versus a cold computation.</summary>
[MemoryDiagnoser]
public class LunarBenchmarks
{
    private static readonly DateOnly First = new(2026, 11, 1);

    [Benchmark(Baseline = true)]
    public int ChineseLunisolarCalendarMonth()
    {
        // The .NET calendar (wrong for Vietnam in some years) as a speed reference.
        var calendar = new System.Globalization.ChineseLunisolarCalendar();
        var sum = 0;
        for (var i = 0; i < 42; i++)
        {
            sum += calendar.GetDayOfMonth(First.AddDays(i).ToDateTime(TimeOnly.MinValue));
        }

        return sum;
    }

    [Benchmark]
    public int VietnameseLunarCalendarMonth()
    {
        var sum = 0;
        for (var i = 0; i < 42; i++)
        {
            sum += VietnameseLunarCalendar.FromSolar(First.AddDays(i)).Day;
        }

        return sum;
    }
}
