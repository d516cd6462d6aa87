namespace Motcua.Plans.Escalation;

/// <summary>A ladder step sent for a task's due date: (task, due date, step) is unique, so each step goes out once.</summary>
internal sealed class EscalationSent
{
    private EscalationSent()
    {
        Step = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public Guid LeadUnitId { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary><see cref="EscalationStep.Key"/>: "before-3", "due", "overdue-1"…</summary>
    public string Step { get; private set; }

    public DateTime SentAt { get; private set; }

    public int Recipients { get; private set; }

    public static EscalationSent Record(Guid taskId, Guid leadUnitId, DateOnly dueOn, string step, DateTime now, int recipients) =>
        new() { Id = Guid.CreateVersion7(), TaskId = taskId, LeadUnitId = leadUnitId, DueOn = dueOn, Step = step, SentAt = now, Recipients = recipients };
}
