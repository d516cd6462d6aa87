using Microsoft.Extensions.Configuration;
using Motcua.Plans.Escalation;

namespace Motcua.UnitTests.Plans;

public sealed class EscalationLadderFacts
{
    // November 2026: Mon 23 … Fri 27, Sat 28, Sun 29; Mon 30. A holiday on Wednesday 2 December (test calendar).
    private static readonly DateOnly Holiday = new(2026, 12, 2);

    private static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && day != Holiday;

    [Theory]
    // Due Friday 27/11: 3 working days before is Tuesday 24/11.
    [InlineData("2026-11-23", "2026-11-27", "")]
    [InlineData("2026-11-24", "2026-11-27", "before-3")]
    [InlineData("2026-11-26", "2026-11-27", "before-3")]
    [InlineData("2026-11-27", "2026-11-27", "due")]
    // Saturday and Sunday after the due day: not yet 1 working day overdue (that is Monday 30/11).
    [InlineData("2026-11-28", "2026-11-27", "")]
    [InlineData("2026-11-30", "2026-11-27", "overdue-1")]
    [InlineData("2026-12-01", "2026-11-27", "overdue-1")]
    // The holiday on 2/12 is skipped: 3 working days overdue is Thursday 3/12.
    [InlineData("2026-12-02", "2026-11-27", "overdue-1")]
    [InlineData("2026-12-03", "2026-11-27", "overdue-1,overdue-3")]
    // Due Monday 30/11: 3 working days before crosses the weekend back to Wednesday 25/11.
    [InlineData("2026-11-25", "2026-11-30", "before-3")]
    [InlineData("2026-11-24", "2026-11-30", "")]
    public void Steps_reached_on_a_day(string today, string due, string expected)
    {
        var steps = EscalationLadder.StepsDue(EscalationLadder.Default, DateOnly.Parse(due), DateOnly.Parse(today), IsWorkingDay);

        Assert.Equal(expected, string.Join(",", steps.Select(s => s.Key)));
    }

    [Fact]
    public void A_task_found_long_overdue_sends_each_level_once_and_no_due_soon_reminder()
    {
        var steps = EscalationLadder.StepsDue(EscalationLadder.Default, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 27), IsWorkingDay);

        Assert.Equal(["overdue-1", "overdue-3"], steps.Select(s => s.Key));
        Assert.Equal([EscalationAudience.ReformOfficer, EscalationAudience.Chairman], steps[1].To);
    }

    [Fact]
    public void On_the_due_day_the_earlier_reminder_to_the_same_person_is_superseded()
    {
        var steps = EscalationLadder.StepsDue(EscalationLadder.Default, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27), IsWorkingDay);

        Assert.Equal(["due"], steps.Select(s => s.Key));
    }

    [Fact]
    public void A_later_step_to_the_same_people_supersedes_an_earlier_one_missed()
    {
        EscalationStep[] ladder = [new(1, [EscalationAudience.UnitHead]), new(5, [EscalationAudience.UnitHead])];

        var steps = EscalationLadder.StepsDue(ladder, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20), IsWorkingDay);

        Assert.Equal(["overdue-5"], steps.Select(s => s.Key));
    }

    [Fact]
    public void Steps_come_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Motcua:Plans:Escalation:0:WorkingDays"] = "2",
            ["Motcua:Plans:Escalation:0:To:0"] = "chairman",
            ["Motcua:Plans:Escalation:1:WorkingDays"] = "-1",
            ["Motcua:Plans:Escalation:1:To:0"] = "Responsible",
            ["Motcua:Plans:Escalation:1:To:1"] = "UnitHead",
        }).Build();

        var steps = EscalationLadder.FromConfiguration(configuration);

        Assert.Equal(["before-1", "overdue-2"], steps.Select(s => s.Key));
        Assert.Equal([EscalationAudience.Responsible, EscalationAudience.UnitHead], steps[0].To);
        Assert.Equal([EscalationAudience.Chairman], steps[1].To);
    }

    [Fact]
    public void No_configuration_is_the_default_ladder_and_a_bad_one_stops_the_start()
    {
        Assert.Same(EscalationLadder.Default, EscalationLadder.FromConfiguration(new ConfigurationBuilder().Build()));
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Motcua:Plans:Escalation:0:WorkingDays"] = "1",
            ["Motcua:Plans:Escalation:0:To:0"] = "Mayor",
        }).Build();

        Assert.Throws<InvalidOperationException>(() => EscalationLadder.FromConfiguration(bad));
    }
}
