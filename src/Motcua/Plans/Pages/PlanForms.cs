using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Deadlines;

namespace Motcua.Plans.Pages;

/// <summary>The units a user may pick in the plans forms: those in scope, in force today, by code.</summary>
internal sealed class PlanFormUnits(IUnitDirectory units, ICurrentUser user, TimeProvider time)
{
    public async Task<IReadOnlyList<UnitSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        return [.. (await units.ListAsync(cancellationToken)).Where(u => scope.Contains(u.Id) && u.IsValidOn(today)).OrderBy(u => u.Code, StringComparer.Ordinal)];
    }

    public Guid? OwnUnitId => user.UnitId;
}

/// <summary>The task form's fields (plan page, task page): a deadline of any kind as plain inputs.</summary>
internal sealed class TaskForm
{
    public string? Number { get; set; }

    public string? Content { get; set; }

    public string? LeadUnit { get; set; }

    public string? LeadUnitName { get; set; }

    public List<string> CoordinatingUnits { get; set; } = [];

    public string? ResponsiblePerson { get; set; }

    public string? DeadlineKind { get; set; } = "date";

    public DateOnly? DeadlineDate { get; set; }

    /// <summary>"2024-06" (an input of type month).</summary>
    public string? DeadlineMonth { get; set; }

    public string? Recurrence { get; set; }

    public string? Weekday { get; set; }

    public string? Event { get; set; }

    public int? WorkingDaysAfterEvent { get; set; }

    public string? DeadlineText { get; set; }

    public string? RequiredEvidence { get; set; }

    public string? Priority { get; set; }

    public string? Indicator { get; set; }

    public string? IndicatorTarget { get; set; }

    public TaskInput ToInput()
    {
        int? year = null, month = null;
        if (DeadlineKind == "month")
        {
            var parsed = CalendarView.TaskCalendar.ParseMonth(DeadlineMonth) ?? throw new DomainException("deadline", "The deadline is incomplete: a date, a month and year, how it recurs, or the event it follows.");
            (year, month) = (parsed.Year, parsed.Month);
        }

        var deadline = new DeadlineInput(DeadlineKind, DeadlineDate, year, month, Recurrence, DeadlineKind == "recurring" && Recurrence == "weekly" ? Weekday : null, null, Event, WorkingDaysAfterEvent, DeadlineText);
        return new TaskInput(
            Number, null, Content, LeadUnit, LeadUnitName, [.. CoordinatingUnits.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new UnitInput(c, null))],
            ResponsiblePerson, deadline, RequiredEvidence, Priority, string.IsNullOrWhiteSpace(Indicator) ? [] : [new IndicatorLink(Indicator, IndicatorTarget)]);
    }

    public static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    public static readonly Recurrence[] Recurrences = [Deadlines.Recurrence.Continuous, Deadlines.Recurrence.Weekly, Deadlines.Recurrence.Monthly, Deadlines.Recurrence.Quarterly, Deadlines.Recurrence.Yearly];
}

internal sealed record PlanFieldsView(string? NumberAndSymbol, string? IssuingUnit, DateOnly? IssuedOn, string? Title, string? Purpose, int? Year, IReadOnlyList<UnitSummary> Units);
