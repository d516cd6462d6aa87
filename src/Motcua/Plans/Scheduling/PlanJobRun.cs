namespace Motcua.Plans.Scheduling;

/// <summary>
/// One run of a scheduled plans job for one slot ("weekly-report" for "2026-W48", "reminders" for
/// "2026-11-27"): the unique (job, slot) pair is what makes a second run for the same slot do nothing.
/// </summary>
internal sealed class PlanJobRun
{
    private PlanJobRun()
    {
        Job = Slot = Outcome = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Job { get; private set; }

    public string Slot { get; private set; }

    /// <summary>When the slot was due (Vietnam time).</summary>
    public DateTime DueAt { get; private set; }

    public DateTime RanAt { get; private set; }

    /// <summary>What the run did, for the operator ("12 units asked, 2 reports").</summary>
    public string Outcome { get; private set; }

    public static PlanJobRun Record(string job, string slot, DateTime dueAt, DateTime ranAt, string outcome) =>
        new() { Id = Guid.CreateVersion7(), Job = job, Slot = slot, DueAt = dueAt, RanAt = ranAt, Outcome = outcome.Length > 500 ? outcome[..500] : outcome };
}
