using System.Globalization;

namespace Motcua.Plans.Escalation;

/// <summary>Who a reminder step goes to.</summary>
internal enum EscalationAudience
{
    /// <summary>The person responsible for the task (or, when none is named, the lead unit's leaders).</summary>
    Responsible = 1,

    /// <summary>The head of the lead unit (its leaders).</summary>
    UnitHead = 2,

    /// <summary>The reform officers of the unit that issued the plan.</summary>
    ReformOfficer = 3,

    /// <summary>The chairman: the leaders of the unit that issued the plan.</summary>
    Chairman = 4,
}

/// <summary>
/// One rung of the ladder: <paramref name="WorkingDays"/> working days relative to the due date
/// (negative before it, 0 on the due day, positive overdue) and who is told.
/// </summary>
internal sealed record EscalationStep(int WorkingDays, IReadOnlyList<EscalationAudience> To)
{
    /// <summary>Stable across configuration reorderings, so a step already sent is recognised ("before-3", "due", "overdue-1").</summary>
    public string Key => WorkingDays switch
    {
        < 0 => "before-" + (-WorkingDays).ToString(CultureInfo.InvariantCulture),
        0 => "due",
        _ => "overdue-" + WorkingDays.ToString(CultureInfo.InvariantCulture),
    };

    public bool IsOverdue => WorkingDays > 0;
}

/// <summary>
/// The reminder and escalation ladder of plan tasks (pure): which steps are due on a day for a task
/// due on another, counted in working days of the lead unit's calendar. Each step is sent once (the
/// caller deduplicates by <see cref="EscalationStep.Key"/> and the due date).
/// </summary>
internal static class EscalationLadder
{
    /// <summary>3 working days before → responsible; due day → responsible; 1 overdue → unit head; 3 overdue → reform officer and chairman.</summary>
    public static readonly IReadOnlyList<EscalationStep> Default =
    [
        new(-3, [EscalationAudience.Responsible]),
        new(0, [EscalationAudience.Responsible]),
        new(1, [EscalationAudience.UnitHead]),
        new(3, [EscalationAudience.ReformOfficer, EscalationAudience.Chairman]),
    ];

    /// <summary>
    /// The steps to send on <paramref name="today"/> for an open task due on <paramref name="due"/>:
    /// <list type="bullet">
    /// <item>a step is reached when its day (the due date moved by its working days) is today or earlier;</item>
    /// <item>a reminder before or on the due day is only sent up to the due day: telling someone a task
    /// "is due soon" after it went overdue is wrong; the overdue steps take over;</item>
    /// <item>when several steps to the same people are reached at once (the server was down, or the
    /// task was created late), only the latest is sent;</item>
    /// <item>steps to different people are all sent: each level of the ladder must hear once.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<EscalationStep> StepsDue(IReadOnlyList<EscalationStep> steps, DateOnly due, DateOnly today, Func<DateOnly, bool> isWorkingDay)
    {
        var reached = steps
            .Where(s => DayOf(s, due, isWorkingDay) <= today)
            .Where(s => s.IsOverdue || today <= due)
            .OrderBy(s => s.WorkingDays)
            .ToList();
        return [.. reached.Where((s, i) => !reached.Skip(i + 1).Any(later => SameAudience(later, s)))];
    }

    /// <summary>The day a step falls on: the due day itself for 0, otherwise that many working days before or after it.</summary>
    public static DateOnly DayOf(EscalationStep step, DateOnly due, Func<DateOnly, bool> isWorkingDay)
    {
        var day = due;
        var direction = Math.Sign(step.WorkingDays);
        for (var left = Math.Abs(step.WorkingDays); left > 0;)
        {
            day = day.AddDays(direction);
            if (isWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// Reads <c>Motcua:Plans:Escalation</c>: a list of <c>{ "WorkingDays": -3, "To": [ "Responsible" ] }</c>.
    /// Missing: <see cref="Default"/>. A step without recipients or two steps on the same day are configuration errors.
    /// </summary>
    public static IReadOnlyList<EscalationStep> FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Motcua:Plans:Escalation");
        if (!section.GetChildren().Any())
        {
            return Default;
        }

        var steps = new List<EscalationStep>();
        foreach (var child in section.GetChildren())
        {
            var days = child.GetValue<int?>("WorkingDays") ?? throw new InvalidOperationException($"Motcua:Plans:Escalation:{child.Key}: WorkingDays is required.");
            var to = child.GetSection("To").GetChildren().Select(c => c.Value).OfType<string>()
                .Select(v => Enum.TryParse<EscalationAudience>(v, ignoreCase: true, out var a) ? a : throw new InvalidOperationException($"Motcua:Plans:Escalation:{child.Key}: unknown recipient {v}."))
                .Distinct().ToList();
            if (to.Count == 0)
            {
                throw new InvalidOperationException($"Motcua:Plans:Escalation:{child.Key}: To needs at least one of Responsible, UnitHead, ReformOfficer, Chairman.");
            }

            steps.Add(new EscalationStep(days, to));
        }

        if (steps.GroupBy(s => s.WorkingDays).Any(g => g.Count() > 1))
        {
            throw new InvalidOperationException("Motcua:Plans:Escalation: two steps on the same day; merge their recipients.");
        }

        return [.. steps.OrderBy(s => s.WorkingDays)];
    }

    private static bool SameAudience(EscalationStep a, EscalationStep b) => a.To.Count == b.To.Count && !a.To.Except(b.To).Any();
}
