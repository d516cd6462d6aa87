using System.ComponentModel.DataAnnotations;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Plans.Deadlines;

namespace Motcua.Plans;

internal enum TaskPriority
{
    Normal = 0,
    High = 1,
    Urgent = 2,
}

/// <summary>What the lead unit last said about the task (from its latest report that was not returned).</summary>
internal enum TaskProgress
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
}

/// <summary>A coordinating unit (đơn vị phối hợp) of a task: the real unit, and the plan's words for it.</summary>
internal sealed record UnitRef(Guid UnitId, string? Name);

/// <summary>A link from a task to an indicator it serves, with the plan's target ("digitalSigningRate", "≥ 100%").</summary>
internal sealed record IndicatorLink([MaxLength(100)] string Indicator, [MaxLength(60)] string? Target);

/// <summary>A task as an officer enters or changes it (checked by <see cref="PlanTask"/>).</summary>
internal sealed record TaskFields(
    string? Number,
    string? Section,
    string? Content,
    UnitRef? LeadUnit,
    IReadOnlyList<UnitRef> CoordinatingUnits,
    string? ResponsiblePerson,
    TaskDeadline? Deadline,
    string? RequiredEvidence,
    TaskPriority Priority,
    IReadOnlyList<IndicatorLink> Indicators);

/// <summary>
/// A task (nhiệm vụ) of a plan: what is to be done, by which lead unit (chủ trì) with which coordinating
/// units (phối hợp), by when. The deadline is kept as the plan states it (<see cref="TaskDeadline"/>, as
/// columns) and its due dates are computed on the working-day calendar when needed, never stored (ADR 0012).
/// The task owns its progress: the lead unit's reports set it, a returned report stops counting.
/// </summary>
internal sealed class PlanTask
{
    public const int MaxContent = 4000;

    private readonly List<TaskCoordinator> _coordinators = [];
    private readonly List<TaskIndicator> _indicators = [];

    private PlanTask()
    {
        Number = Content = CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    /// <summary>The item's number as written in the plan ("1", "2.3", "a"); orders the tasks.</summary>
    public string Number { get; private set; }

    /// <summary>The heading the item sits under ("III. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN").</summary>
    public string? Section { get; private set; }

    public string Content { get; private set; }

    public Guid LeadUnitId { get; private set; }

    /// <summary>The plan's words for the lead unit ("Văn phòng HĐND-UBND phường"); null to show the unit's name.</summary>
    public string? LeadUnitName { get; private set; }

    public IReadOnlyList<TaskCoordinator> Coordinators => _coordinators;

    public string? ResponsiblePerson { get; private set; }

    public DeadlineKind DeadlineKind { get; private set; }

    public DateOnly? DeadlineDate { get; private set; }

    public int? DeadlineYear { get; private set; }

    public int? DeadlineMonth { get; private set; }

    public Recurrence? DeadlineRecurrence { get; private set; }

    public DayOfWeek? DeadlineWeekday { get; private set; }

    public int? DeadlineDayOfMonth { get; private set; }

    public string? DeadlineEvent { get; private set; }

    public int? DeadlineWorkingDaysAfterEvent { get; private set; }

    /// <summary>The plan's own words for the deadline ("Hoàn thành trong tháng 6/2024").</summary>
    public string? DeadlineText { get; private set; }

    public TaskDeadline Deadline => new(
        DeadlineKind, DeadlineDate, DeadlineYear, DeadlineMonth, DeadlineRecurrence, DeadlineWeekday, DeadlineDayOfMonth, DeadlineEvent, DeadlineWorkingDaysAfterEvent, DeadlineText);

    public string? RequiredEvidence { get; private set; }

    public TaskPriority Priority { get; private set; }

    public IReadOnlyList<TaskIndicator> Indicators => _indicators;

    /// <summary>For an after-event task: the day the event ("UBND tỉnh ban hành …") happened; the task starts then.</summary>
    public DateOnly? EventRecordedOn { get; private set; }

    public string? EventRecordedBy { get; private set; }

    public string? EventNote { get; private set; }

    public TaskProgress Progress { get; private set; }

    public int PercentDone { get; private set; }

    /// <summary>The day of the latest report that counts (Vietnam date).</summary>
    public DateOnly? LastReportedOn { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// Its place in the plan: the document's order for a plan read from its text (where two lists may both
    /// start at 1), then the order tasks were added. Tasks are listed by it, not by their number.
    /// </summary>
    public int Ordinal { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>An after-event task has not started until its event is recorded; every other task has.</summary>
    public bool HasStarted => DeadlineKind != DeadlineKind.AfterEvent || EventRecordedOn is not null;

    public bool IsRecurring => DeadlineKind == DeadlineKind.Recurring;

    public IEnumerable<Guid> UnitIds => _coordinators.Select(c => c.UnitId).Prepend(LeadUnitId);

    public static PlanTask Create(Plan plan, TaskFields details, string actor, DateTime now, int ordinal = 0)
    {
        var task = new PlanTask { Id = Guid.NewGuid(), PlanId = plan.Id, CreatedBy = actor, CreatedAt = now, Ordinal = ordinal };
        task.Apply(details, now);
        return task;
    }

    public void Change(TaskFields details, DateTime now)
    {
        if (EventRecordedOn is not null && details.Deadline is { } deadline && deadline.Kind != DeadlineKind.AfterEvent)
        {
            throw new DomainException("deadline", "The event of this task is recorded; its deadline must stay after the event.");
        }

        Apply(details, now);
    }

    /// <summary>Records that the awaited event happened on <paramref name="on"/>: the after-event task starts, its due date counts from it.</summary>
    public void RecordEvent(DateOnly on, string? note, string actor, DateOnly today)
    {
        if (DeadlineKind != DeadlineKind.AfterEvent)
        {
            throw new DomainException("on", "Only a task due after an event waits for an event.");
        }

        if (EventRecordedOn is not null)
        {
            throw new DomainException("on", "The event of this task was already recorded on {0}.", EventRecordedOn.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (on > today)
        {
            throw new DomainException("on", "The event cannot be recorded before it happens.");
        }

        EventRecordedOn = on;
        EventRecordedBy = actor;
        EventNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)];
    }

    /// <summary>The lead unit's report on the task; the task's progress follows it at once.</summary>
    public ProgressReport Report(ReportFields details, string actor, DateTime now)
    {
        if (!HasStarted)
        {
            throw new DomainException("status", "This task starts when its event is recorded: {0}.", DeadlineEvent ?? string.Empty);
        }

        var report = ProgressReport.Create(this, details, actor, now);
        Follow(report);
        return report;
    }

    /// <summary>A coordinating unit's contribution; only a unit the plan names as coordinating may add one.</summary>
    public Contribution Contribute(Guid unitId, string? text, string actor, DateTime now)
    {
        if (_coordinators.All(c => c.UnitId != unitId))
        {
            throw new DomainException("unit", "Only a coordinating unit of the task may add a contribution.");
        }

        if (!HasStarted)
        {
            throw new DomainException("text", "This task starts when its event is recorded: {0}.", DeadlineEvent ?? string.Empty);
        }

        return Contribution.Create(this, unitId, text, actor, now);
    }

    /// <summary>After a report is returned: the progress is that of the latest report still standing.</summary>
    public void RefreshProgress(IEnumerable<ProgressReport> reports)
    {
        var standing = reports.Where(r => r.TaskId == Id && r.Review != ReviewState.Returned).OrderByDescending(r => r.PostedAt).FirstOrDefault();
        if (standing is null)
        {
            (Progress, PercentDone, LastReportedOn, DoneOn) = (TaskProgress.NotStarted, 0, null, null);
            return;
        }

        Follow(standing);
    }

    private void Follow(ProgressReport report)
    {
        Progress = report.Progress;
        PercentDone = report.Percent;
        LastReportedOn = DateOnly.FromDateTime(report.PostedAt);
        DoneOn = report.Progress == TaskProgress.Done ? LastReportedOn : null;
    }

    private void Apply(TaskFields details, DateTime now)
    {
        var number = details.Number?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 20)
        {
            throw new DomainException("number", "Give the task's number in the plan (at most {0} characters).", 20);
        }

        var content = details.Content?.Trim();
        if (string.IsNullOrEmpty(content) || content.Length > MaxContent)
        {
            throw new DomainException("content", "Describe the task (at most {0} characters).", MaxContent);
        }

        if (details.LeadUnit is not { } lead || lead.UnitId == Guid.Empty)
        {
            throw new DomainException("leadUnit", "Choose the lead unit.");
        }

        var coordinators = details.CoordinatingUnits.Where(c => c.UnitId != Guid.Empty).ToList();
        if (coordinators.Any(c => c.UnitId == lead.UnitId && string.Equals(c.Name?.Trim(), lead.Name?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("coordinatingUnits", "The lead unit is not also a coordinating unit.");
        }

        var deadline = details.Deadline ?? throw new DomainException("deadline", "Give the deadline: a date, a month, recurring or after an event.");
        CheckDeadline(deadline);
        var indicators = details.Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Indicator)).ToList();
        if (indicators.Any(i => i.Indicator.Trim().Length > 100 || i.Target?.Trim().Length > 60))
        {
            throw new DomainException("indicators", "An indicator is at most 100 characters and its target at most 60.");
        }

        if (!Enum.IsDefined(details.Priority))
        {
            throw new DomainException("priority", "The priority is normal, high or urgent.");
        }

        Number = number;
        Section = Trim(details.Section, 300);
        Content = content;
        LeadUnitId = lead.UnitId;
        LeadUnitName = Trim(lead.Name, 300);
        _coordinators.Clear();
        var position = 0;
        foreach (var coordinator in coordinators.DistinctBy(c => (c.UnitId, c.Name?.Trim().ToUpperInvariant())))
        {
            _coordinators.Add(new TaskCoordinator(Id, ++position, coordinator.UnitId, Trim(coordinator.Name, 300)));
        }

        ResponsiblePerson = Trim(details.ResponsiblePerson, 200);
        (DeadlineKind, DeadlineDate, DeadlineYear, DeadlineMonth, DeadlineRecurrence, DeadlineWeekday, DeadlineDayOfMonth) =
            (deadline.Kind, deadline.Date, deadline.Year, deadline.Month, deadline.Recurrence, deadline.Weekday, deadline.DayOfMonth);
        (DeadlineEvent, DeadlineWorkingDaysAfterEvent, DeadlineText) = (Trim(deadline.Event, 500), deadline.WorkingDaysAfterEvent, Trim(deadline.Text, 300));
        RequiredEvidence = Trim(details.RequiredEvidence, 1000);
        Priority = details.Priority;
        _indicators.Clear();
        position = 0;
        foreach (var indicator in indicators)
        {
            _indicators.Add(new TaskIndicator(Id, ++position, indicator.Indicator.Trim(), Trim(indicator.Target, 60)));
        }

        UpdatedAt = now;
    }

    /// <summary>Each kind needs its own data; a deadline the calendar could not place is refused.</summary>
    public static void CheckDeadline(TaskDeadline deadline)
    {
        var valid = deadline.Kind switch
        {
            DeadlineKind.Date => deadline.Date is { Year: >= 2000 and <= 2100 },
            DeadlineKind.Month => deadline.Year is >= 2000 and <= 2100 && deadline.Month is >= 1 and <= 12,
            DeadlineKind.Recurring => deadline.Recurrence switch
            {
                Recurrence.Weekly => deadline.Weekday is not null,
                Recurrence.Monthly => deadline.DayOfMonth is null or (>= 1 and <= 31),
                null => false,
                _ => Enum.IsDefined(deadline.Recurrence.Value),
            },
            DeadlineKind.AfterEvent => !string.IsNullOrWhiteSpace(deadline.Event) && deadline.WorkingDaysAfterEvent is null or (>= 0 and <= 366),
            _ => false,
        };
        if (!valid)
        {
            throw new DomainException("deadline", "The deadline is incomplete: a date, a month and year, how it recurs, or the event it follows.");
        }
    }

    private static string? Trim(string? text, int max)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > max ? trimmed[..max] : trimmed;
    }
}

/// <summary>A coordinating unit of a task, in the plan's order.</summary>
internal sealed class TaskCoordinator
{
    private TaskCoordinator()
    {
    }

    public TaskCoordinator(Guid taskId, int position, Guid unitId, string? name)
    {
        (Id, TaskId, Position, UnitId, Name) = (Guid.NewGuid(), taskId, position, unitId, name);
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public int Position { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The plan's words ("BCĐ thực hiện Luật QCDC phường"); null to show the unit's name.</summary>
    public string? Name { get; private set; }
}

internal sealed class TaskIndicator
{
    private TaskIndicator()
    {
        Indicator = string.Empty;
    }

    public TaskIndicator(Guid taskId, int position, string indicator, string? target)
    {
        (Id, TaskId, Position, Indicator, Target) = (Guid.NewGuid(), taskId, position, indicator, target);
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public int Position { get; private set; }

    /// <summary>An indicator code of the Indexes area ("digitalSigningRate") or the plan's words.</summary>
    public string Indicator { get; private set; }

    /// <summary>The plan's target ("≥ 100%").</summary>
    public string? Target { get; private set; }
}
