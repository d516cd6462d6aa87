using System.Globalization;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Plans.Deadlines;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.Pages;

/// <summary>The words the plans pages show for statuses, deadlines and columns, each written out so the translation check finds it.</summary>
internal static class PlanTexts
{
    public static string Status(PlanTaskStatus status, IStringLocalizer l) => status switch
    {
        PlanTaskStatus.NotStarted => l["Not started"],
        PlanTaskStatus.InProgress => l["In progress"],
        PlanTaskStatus.Done => l["Done"],
        PlanTaskStatus.Overdue => l["Overdue"],
        _ => l["At risk"],
    };

    public static string Progress(TaskProgress progress, IStringLocalizer l) => progress switch
    {
        TaskProgress.NotStarted => l["Not started"],
        TaskProgress.InProgress => l["In progress"],
        _ => l["Done"],
    };

    public static string Review(ReviewState review, IStringLocalizer l) => review switch
    {
        ReviewState.Pending => l["Waiting for review"],
        ReviewState.Acknowledged => l["Acknowledged"],
        _ => l["Returned"],
    };

    public static string Priority(TaskPriority priority, IStringLocalizer l) => priority switch
    {
        TaskPriority.High => l["High"],
        TaskPriority.Urgent => l["Urgent"],
        _ => l["Normal"],
    };

    public static string Column(string key, IStringLocalizer l) => key switch
    {
        "overdue" => l["Overdue"],
        "thisWeek" => l["Due within 7 days"],
        "thisMonth" => l["Due within a month"],
        "later" => l["Later"],
        "noDueDate" => l["No due date"],
        "notStarted" => l["Not started"],
        "inProgress" => l["In progress"],
        "atRisk" => l["At risk"],
        _ => l["Done"],
    };

    public static string Weekday(DayOfWeek? day, IStringLocalizer l) => day switch
    {
        DayOfWeek.Monday => l["Monday"],
        DayOfWeek.Tuesday => l["Tuesday"],
        DayOfWeek.Wednesday => l["Wednesday"],
        DayOfWeek.Thursday => l["Thursday"],
        DayOfWeek.Saturday => l["Saturday"],
        DayOfWeek.Sunday => l["Sunday"],
        _ => l["Friday"],
    };

    public static string Recurs(Recurrence recurrence, IStringLocalizer l) => recurrence switch
    {
        Recurrence.Weekly => l["Weekly"],
        Recurrence.Monthly => l["Monthly"],
        Recurrence.Quarterly => l["Quarterly"],
        Recurrence.Yearly => l["Yearly"],
        _ => l["Continuous"],
    };

    /// <summary>The plan's own words when it has them, else the deadline described.</summary>
    public static string Deadline(DeadlineView deadline, IStringLocalizer l)
    {
        if (!string.IsNullOrWhiteSpace(deadline.Text))
        {
            return deadline.Text;
        }

        return deadline.Kind switch
        {
            DeadlineKind.Date => l["By {0}", deadline.Date?.ToString(Cultures.DateFormat, CultureInfo.InvariantCulture) ?? "?"],
            DeadlineKind.Month => l["Within {0}/{1}", deadline.Month ?? 0, deadline.Year ?? 0],
            DeadlineKind.AfterEvent => deadline.WorkingDaysAfterEvent is { } days ? l["{0} working days after: {1}", days, deadline.Event ?? string.Empty] : l["After: {0}", deadline.Event ?? string.Empty],
            _ => deadline.Recurrence switch
            {
                Recurrence.Weekly => l["Every week on {0}", Weekday(deadline.Weekday, l)],
                Recurrence.Monthly => l["Every month"],
                Recurrence.Quarterly => l["Every quarter"],
                Recurrence.Yearly => l["Every year"],
                _ => l["Ongoing"],
            },
        };
    }

    public static string Date(DateOnly? date) => date?.ToString(Cultures.DateFormat, CultureInfo.InvariantCulture) ?? "—";
}
