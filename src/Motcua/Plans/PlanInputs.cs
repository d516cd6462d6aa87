using System.ComponentModel.DataAnnotations;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Plans.Deadlines;

namespace Motcua.Plans;

/// <summary>A plan as the API and pages send it; the issuing unit by code.</summary>
internal sealed record PlanInput([MaxLength(60)] string? NumberAndSymbol, [MaxLength(20)] string? IssuingUnit, DateOnly? IssuedOn, [MaxLength(Plan.MaxTitle)] string? Title, [MaxLength(Plan.MaxPurpose), MultiLine] string? Purpose, int? Year);

/// <summary>A coordinating unit: the real unit's code and, optionally, the plan's words for it.</summary>
internal sealed record UnitInput([MaxLength(20)] string? Unit, [MaxLength(300)] string? Name);

/// <summary>
/// A deadline as the API sends it: <c>kind</c> is date, month, recurring or afterEvent; the other fields
/// are those of <see cref="TaskDeadline"/> (recurrence: continuous, weekly, monthly, quarterly, yearly; weekday: monday…).
/// </summary>
internal sealed record DeadlineInput(
    [MaxLength(20)] string? Kind, DateOnly? Date = null, int? Year = null, int? Month = null, [MaxLength(20)] string? Recurrence = null, [MaxLength(20)] string? Weekday = null,
    int? DayOfMonth = null, [MaxLength(500)] string? Event = null, int? WorkingDaysAfterEvent = null, [MaxLength(300)] string? Text = null)
{
    public static DeadlineInput From(TaskDeadline deadline) => new(
        Name(deadline.Kind), deadline.Date, deadline.Year, deadline.Month, deadline.Recurrence is { } r ? Name(r) : null,
        deadline.Weekday is { } w ? Name(w) : null, deadline.DayOfMonth, deadline.Event, deadline.WorkingDaysAfterEvent, deadline.Text);

    public TaskDeadline ToDeadline()
    {
        var kind = TryParse<DeadlineKind>(Kind, out var k) ? k
            : throw new DomainException("deadline.kind", "The deadline kind is date, month, recurring or afterEvent.");
        var recurrence = string.IsNullOrWhiteSpace(Recurrence) ? (Recurrence?)null
            : TryParse<Recurrence>(Recurrence, out var r) ? r
            : throw new DomainException("deadline.recurrence", "The recurrence is continuous, weekly, monthly, quarterly or yearly.");
        var weekday = string.IsNullOrWhiteSpace(Weekday) ? (DayOfWeek?)null
            : TryParse<DayOfWeek>(Weekday, out var w) ? w
            : throw new DomainException("deadline.weekday", "The weekday is monday, tuesday, wednesday, thursday, friday, saturday or sunday.");
        var deadline = kind switch
        {
            DeadlineKind.Date => new TaskDeadline(kind, Date: Date, Text: Text),
            DeadlineKind.Month => new TaskDeadline(kind, Year: Year, Month: Month, Text: Text),
            DeadlineKind.Recurring => new TaskDeadline(kind, Date: Date, Recurrence: recurrence, Weekday: weekday, DayOfMonth: DayOfMonth, Text: Text),
            _ => new TaskDeadline(kind, Event: Event, WorkingDaysAfterEvent: WorkingDaysAfterEvent, Text: Text),
        };
        PlanTask.CheckDeadline(deadline);
        return deadline;
    }

    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>A name of <typeparamref name="T"/> in any case; numbers are not names.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}

internal sealed record TaskInput(
    [MaxLength(20)] string? Number,
    [MaxLength(300)] string? Section,
    [MaxLength(PlanTask.MaxContent), MultiLine] string? Content,
    [MaxLength(20)] string? LeadUnit,
    [MaxLength(300)] string? LeadUnitName,
    IReadOnlyList<UnitInput>? CoordinatingUnits,
    [MaxLength(200)] string? ResponsiblePerson,
    DeadlineInput? Deadline,
    [MaxLength(1000), MultiLine] string? RequiredEvidence,
    [MaxLength(20)] string? Priority,
    IReadOnlyList<IndicatorLink>? Indicators);

/// <summary>status: notStarted, inProgress or done; percent 0–100 (done = 100).</summary>
internal sealed record ReportInput([MaxLength(20)] string? Status, int? Percent, [MaxLength(ProgressReport.MaxText), MultiLine] string? Text, DateOnly? ForDueOn)
{
    public ReportFields ToFields()
    {
        var progress = Enum.TryParse<TaskProgress>(Status?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _)
            ? parsed
            : throw new DomainException("status", "The status is not started, in progress or done.");
        return new ReportFields(progress, Percent, Text, ForDueOn);
    }
}

/// <summary>A file sent with a report or a contribution.</summary>
internal sealed record UploadedFile(string FileName, Stream Content);
