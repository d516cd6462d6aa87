using Motcua.Common;
using Motcua.Dossiers;
using Motcua.Dossiers.Forms;
using Motcua.Procedures.Contracts;

namespace Motcua.UnitTests.Dossiers;

/// <summary>The split of a procedure's time between its internal steps, and the control sheet's reading of a dossier's history.</summary>
public sealed class StepBudgetFacts
{
    private static readonly DateTime T0 = new(2026, 3, 2, 8, 0, 0);

    [Theory]
    [InlineData("10", "0.5;0.5;7;0.5;1;0.5;0")]
    [InlineData("6", "0.5;0.5;3;0.5;1;0.5;0")]
    [InlineData("20", "0.5;0.5;17;0.5;1;0.5;0")]
    [InlineData("5.5", "0.5;0.5;3;0.5;0.5;0.5;0")]
    [InlineData("5", "0.5;0.5;2.5;0.5;0.5;0.5;0")]
    [InlineData("3", "0.5;0.5;1.5;0;0.5;0;0")]
    [InlineData("1", "0;0;0.5;0;0.5;0;0")]
    [InlineData("0.5", "0;0;0.5;0;0;0;0")]
    [InlineData("0", "0;0;0;0;0;0;0")]
    public void The_default_split_follows_the_ten_day_model_and_gives_examination_at_least_half(string days, string expected)
    {
        var time = decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture);

        var split = StepBudget.DefaultFor(time);

        Assert.Equal(expected, split.Format());
        Assert.Equal(time, split.Total);
        Assert.True(split.Examination * 2 >= time);
    }

    [Fact]
    public void Every_default_split_adds_up_to_the_time_in_half_days()
    {
        for (var halves = 0; halves <= 730; halves++)
        {
            var split = StepBudget.DefaultFor(halves / 2m);
            Assert.Equal(halves / 2m, split.Total);
            Assert.All(StepBudget.Steps, s => Assert.Equal(split.For(s) * 2, decimal.Truncate(split.For(s) * 2)));
            split.Validate(halves / 2m);
        }
    }

    [Theory]
    [InlineData("15", false, "10.5")]
    [InlineData("7", false, "5")]
    [InlineData("1", false, "0.5")]
    [InlineData("10", true, "10")]
    public void A_procedure_in_calendar_days_budgets_its_working_days(string time, bool workingDays, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StepBudget.WorkingDaysIn(decimal.Parse(time, System.Globalization.CultureInfo.InvariantCulture), workingDays));

    [Fact]
    public void An_own_split_must_be_in_half_days_and_add_up_to_the_time()
    {
        var good = StepBudget.Of([1, 0.5m, 6, 0.5m, 1, 1, 0]);
        good.Validate(10);

        Assert.Equal("stepBudgets", Assert.Throws<DomainException>(() => good.Validate(9.5m)).Field);
        Assert.Equal("stepBudgets", Assert.Throws<DomainException>(() => StepBudget.Of([0.3m, 0.7m, 6, 0.5m, 1, 1.5m, 0]).Validate(10)).Field);
        Assert.Equal("stepBudgets", Assert.Throws<DomainException>(() => StepBudget.Of([-0.5m, 1, 6, 0.5m, 1, 2, 0]).Validate(10)).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1;2;3")]
    [InlineData("a;0;0;0;0;0;0")]
    public void Only_seven_numbers_read_back_as_a_split(string? text) => Assert.Null(StepBudget.Parse(text));

    [Fact]
    public void A_split_reads_back_as_stored() =>
        Assert.Equal(StepBudget.DefaultFor(10), StepBudget.Parse(StepBudget.DefaultFor(10).Format()));

    [Fact]
    public void The_history_becomes_one_holding_per_holder_and_payments_hand_nothing_over()
    {
        var history = History(
            ("receive", DossierStatus.Received, "desk", null, 0),
            ("pay", DossierStatus.Received, "desk", null, 10),
            ("assign", DossierStatus.InProcessing, "desk", null, 60),
            ("assign", DossierStatus.InProcessing, "leader", "cv1", 120),
            ("forward", DossierStatus.InProcessing, "cv1", "cv2", 600),
            ("submit", DossierStatus.AwaitingApproval, "cv2", "cv2", 1200));

        var holdings = ControlSheetSteps.Plan(history, T0.AddDays(14));

        Assert.Equal(
            [SheetStep.Receipt, SheetStep.Assignment, SheetStep.Examination, SheetStep.Examination, SheetStep.Approval],
            holdings.Select(h => h.Step));
        Assert.Equal(["desk", "leader", "cv1", "cv2", "cv2"], holdings.Select(h => h.Holder));
        Assert.Equal(T0.AddMinutes(60), holdings[1].ReceivedAt);
        Assert.Null(holdings[^1].HandedOverAt);
        Assert.Equal(T0.AddDays(14), holdings[^1].AppointmentAtEnd);
    }

    [Fact]
    public void A_returned_dossier_has_no_open_holding() =>
        Assert.DoesNotContain(
            ControlSheetSteps.Plan(History(("receive", DossierStatus.Received, "desk", null, 0), ("stop", DossierStatus.Stopped, "leader", null, 30)), null),
            h => h.HandedOverAt is null);

    [Fact]
    public async Task Each_step_runs_from_its_hand_over_shares_its_deadline_and_resumes_after_a_pause()
    {
        // A fake calendar: a working day is eight hours of plain time.
        static Task<DateTime> Add(DateTime from, decimal days) => Task.FromResult(from.AddHours((double)days * 8));
        static Task<DateTime> Resume(DateTime paused, DateTime due, DateTime resumed) => Task.FromResult(resumed + (due - paused));
        var history = History(
            ("receive", DossierStatus.Received, "desk", null, 0),
            ("assign", DossierStatus.InProcessing, "desk", "cv1", 300),
            ("forward", DossierStatus.InProcessing, "cv1", "cv2", 600),
            ("request-supplement", DossierStatus.SupplementRequested, "cv2", "cv2", 900),
            ("supplement", DossierStatus.InProcessing, "desk", "cv2", 3000),
            ("submit", DossierStatus.AwaitingApproval, "cv2", "cv2", 3100),
            ("approve", DossierStatus.Approved, "leader", "cv2", 3200));

        var judged = await ControlSheetSteps.JudgeAsync(ControlSheetSteps.Plan(history, T0.AddDays(30)), StepBudget.DefaultFor(10), Add, Resume);

        Assert.Equal(T0.AddHours(4), judged[0].Deadline);
        Assert.Equal(StepJudgement.Late, judged[0].Judgement);
        var examination = T0.AddMinutes(300).AddHours(56);
        Assert.Equal(examination, judged[1].Deadline);
        Assert.Equal(StepJudgement.Early, judged[1].Judgement);
        Assert.Equal(examination, judged[2].Deadline);
        Assert.Null(judged[3].BudgetDays);
        Assert.Equal(T0.AddMinutes(3000) + (examination - T0.AddMinutes(900)), judged[4].Deadline);
        Assert.Equal(T0.AddMinutes(3100).AddHours(12), judged[5].Deadline);
        Assert.Equal(1.5m, judged[5].BudgetDays);
        Assert.Equal(StepJudgement.OnTime, judged[5].Judgement);
        Assert.True(judged[6].OwnBudget);
    }

    [Fact]
    public async Task A_step_without_a_budget_of_its_own_is_judged_against_the_appointment()
    {
        static Task<DateTime> Add(DateTime from, decimal days) => Task.FromResult(from.AddHours((double)days * 8));
        static Task<DateTime> Resume(DateTime paused, DateTime due, DateTime resumed) => Task.FromResult(resumed + (due - paused));
        var history = History(
            ("receive", DossierStatus.Received, "desk", null, 0),
            ("assign", DossierStatus.InProcessing, "desk", "cv1", 30),
            ("submit", DossierStatus.AwaitingApproval, "cv1", "cv1", 60),
            ("approve", DossierStatus.Approved, "leader", "cv1", 90),
            ("complete", DossierStatus.ResultReady, "cv1", "cv1", 120),
            ("return", DossierStatus.Returned, "desk", "cv1", 15000));

        var judged = await ControlSheetSteps.JudgeAsync(ControlSheetSteps.Plan(history, null), StepBudget.DefaultFor(0.5m), Add, Resume);

        Assert.False(judged[0].OwnBudget);
        Assert.Equal(T0.AddDays(10), judged[0].Deadline);
        Assert.Equal(SheetStep.Return, judged[^1].Holding.Step);
        Assert.Equal(StepJudgement.Late, judged[^1].Judgement);
    }

    [Theory]
    [InlineData(0, 10, "Early")]
    [InlineData(600, 720, "OnTime")]
    [InlineData(720, 720, "OnTime")]
    [InlineData(721, 720, "Late")]
    public void A_step_is_early_before_its_deadlines_day_on_time_by_the_deadline_and_late_after(int handedMinutes, int deadlineMinutes, string expected)
    {
        var deadline = T0.Date.AddDays(deadlineMinutes > 600 ? 0 : 1).AddMinutes(deadlineMinutes);

        Assert.Equal(Enum.Parse<StepJudgement>(expected), ControlSheetSteps.Judge(T0.Date.AddMinutes(handedMinutes), deadline));
    }

    /// <summary>Events at T0 plus minutes; the appointment is T0 plus ten days throughout.</summary>
    private static List<DossierEvent> History(params (string Action, DossierStatus To, string Actor, string? Holder, int Minutes)[] events) =>
        [.. events.Select((e, i) => new DossierEvent(Guid.Empty, i + 2, T0.AddMinutes(e.Minutes), e.Actor, e.Action, null, e.To, "VP", e.Holder, T0.AddDays(10), null))];
}
