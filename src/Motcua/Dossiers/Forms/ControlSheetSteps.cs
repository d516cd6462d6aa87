using Motcua.Procedures.Contracts;

namespace Motcua.Dossiers.Forms;

/// <summary>
/// What a holder of the dossier was doing, as the control sheet names it. Motcua has one approval step (the
/// leader reviews and signs), whose budget is the review's and the signature's together.
/// </summary>
internal enum SheetStep
{
    Receipt,
    Assignment,
    Examination,
    WithApplicant,
    Approval,
    Issue,
    Return,
}

internal enum StepJudgement
{
    None,
    Early,
    OnTime,
    Late,
}

/// <summary>One holding: from the hand-over that gave the dossier to its holder to the one that passed it on (null while it is still held).</summary>
internal sealed record Holding(
    SheetStep Step, string Holder, DateTime ReceivedAt, DateTime? HandedOverAt, string? EndAction, string? NextHolder, DateTime? AppointmentAtEnd, string? Note);

/// <param name="BudgetDays">The step's budget in working days; null while the dossier is with the applicant.</param>
/// <param name="OwnBudget">False when the step has no budget of its own (0 days): it is judged against the appointment.</param>
internal sealed record JudgedHolding(Holding Holding, decimal? BudgetDays, bool OwnBudget, DateTime? Deadline, StepJudgement Judgement);

/// <summary>
/// The process control sheet's rows (form 06): the dossier's holdings read from its history, each with the
/// deadline of its step. A step's deadline runs from the hand-over that started it for the step's budget of
/// working days; consecutive holdings of the same step (a forward to another specialist) share it; a
/// supplement pause moves it by the time the dossier spent with the applicant (the office time that was left
/// runs again from the supplement); a step that starts again later (returned to the previous holder) gets
/// its budget again. Pure: the calendar is passed in.
/// </summary>
internal static class ControlSheetSteps
{
    /// <summary>The actions that hand the dossier to someone else (or to the applicant); the others (pay, attach, apologize…) do not.</summary>
    private static readonly HashSet<string> HandOvers = new(StringComparer.Ordinal)
    {
        "assign", "forward", "return-to-previous", "send-to-agency", "receive-from-agency", "request-supplement", "supplement",
        "submit", "approve", "refuse", "complete", "return", "stop", "withdraw", "cancel",
    };

    private static readonly HashSet<string> Ends = new(StringComparer.Ordinal) { "return", "stop", "withdraw", "cancel" };

    public static IReadOnlyList<Holding> Plan(IReadOnlyList<DossierEvent> history, DateTime? currentDueAt)
    {
        var receive = history.FirstOrDefault(e => e.Action == "receive");
        if (receive is null)
        {
            return [];
        }

        var holdings = new List<Holding>();
        var start = receive;
        var status = DossierStatus.Received;
        var holder = receive.Actor;
        foreach (var e in history.Where(e => e.Sequence > receive.Sequence && HandOvers.Contains(e.Action)))
        {
            holdings.Add(new Holding(StepOf(status, start.Holder), e.Actor, start.At, e.At, e.Action, e.Holder ?? e.Department, e.DueAt, e.Note));
            start = e;
            status = e.ToStatus;
            holder = e.Holder ?? e.Department ?? e.Actor;
        }

        if (!Ends.Contains(start.Action))
        {
            holdings.Add(new Holding(StepOf(status, start.Holder), holder, start.At, null, null, null, currentDueAt, null));
        }

        return holdings;
    }

    public static SheetStep StepOf(DossierStatus status, string? specialist) => status switch
    {
        DossierStatus.Received => SheetStep.Receipt,
        DossierStatus.InProcessing when specialist is null => SheetStep.Assignment,
        DossierStatus.InProcessing or DossierStatus.AtOtherAgency => SheetStep.Examination,
        DossierStatus.SupplementRequested => SheetStep.WithApplicant,
        DossierStatus.AwaitingApproval => SheetStep.Approval,
        DossierStatus.Approved => SheetStep.Issue,
        _ => SheetStep.Return,
    };

    public static decimal BudgetOf(SheetStep step, StepBudget budget) => step switch
    {
        SheetStep.Receipt => budget.Receipt,
        SheetStep.Assignment => budget.Assignment,
        SheetStep.Examination => budget.Examination,
        SheetStep.Approval => budget.Review + budget.Signature,
        SheetStep.Issue => budget.Issue,
        SheetStep.Return => budget.Return,
        _ => 0,
    };

    /// <param name="addWorkingDays">The calendar: a moment plus working days (office time).</param>
    /// <param name="resume">The calendar: (paused at, deadline, resumed at) → the deadline with the time that was left.</param>
    public static async Task<IReadOnlyList<JudgedHolding>> JudgeAsync(
        IReadOnlyList<Holding> holdings,
        StepBudget budget,
        Func<DateTime, decimal, Task<DateTime>> addWorkingDays,
        Func<DateTime, DateTime, DateTime, Task<DateTime>> resume)
    {
        var judged = new List<JudgedHolding>();
        SheetStep? runStep = null;
        DateTime? runDeadline = null;
        DateTime? pausedAt = null;
        foreach (var h in holdings)
        {
            if (h.Step == SheetStep.WithApplicant)
            {
                // The clock is paused: no budget runs while the applicant completes the dossier.
                pausedAt ??= h.ReceivedAt;
                judged.Add(new JudgedHolding(h, null, false, null, StepJudgement.None));
                continue;
            }

            var days = BudgetOf(h.Step, budget);
            if (h.Step == runStep && runDeadline is { } running)
            {
                runDeadline = pausedAt is { } paused ? await resume(paused, running, h.ReceivedAt) : running;
            }
            else
            {
                runStep = h.Step;
                runDeadline = days > 0 ? await addWorkingDays(h.ReceivedAt, days) : null;
            }

            pausedAt = null;
            var deadline = runDeadline ?? h.AppointmentAtEnd;
            judged.Add(new JudgedHolding(h, days, runDeadline is not null, deadline, Judge(h.HandedOverAt, deadline)));
        }

        return judged;
    }

    /// <summary>Early: handed over on a day before the deadline's day; on time: by the deadline; late: after it.</summary>
    public static StepJudgement Judge(DateTime? handedOverAt, DateTime? deadline) =>
        handedOverAt is not { } at || deadline is not { } due ? StepJudgement.None
        : at.Date < due.Date ? StepJudgement.Early
        : at <= due ? StepJudgement.OnTime
        : StepJudgement.Late;
}
