using System.Globalization;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Plans.Deadlines;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.Pages;

/// <summary>The words the plans pages show for statuses, deadlines and columns (English keys, translated by the localizer).</summary>
internal static class PlanTexts
{
    public static string Status(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.NotStarted => "Not started",
        PlanTaskStatus.InProgress => "In progress",
        PlanTaskStatus.Done => "Done",
        PlanTaskStatus.Overdue => "Overdue",
        _ => "At risk",
    };

    public static string Progress(TaskProgress progress) => progress switch
    {
        TaskProgress.NotStarted => "Not started",
        TaskProgress.InProgress => "In progress",
        _ => "Done",
    };

    public static string Review(ReviewState review) => review switch
    {
        ReviewState.Pending => "Waiting for review",
        ReviewState.Acknowledged => "Acknowledged",
        _ => "Returned",
    };

    public static string Priority(TaskPriority priority) => priority switch
    {
        TaskPriority.High => "High",
        TaskPriority.Urgent => "Urgent",
        _ => "Normal",
    };

    public static string Column(string key) => key switch
    {
        "overdue" => "Overdue",
        "thisWeek" => "Due within 7 days",
        "thisMonth" => "Due within a month",
        "later" => "Later",
        "noDueDate" => "No due date",
        "notStarted" => "Not started",
        "inProgress" => "In progress",
        "atRisk" => "At risk",
        _ => "Done",
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
                Recurrence.Weekly => l["Every week on {0}", l[deadline.Weekday?.ToString() ?? "Friday"]],
                Recurrence.Monthly => l["Every month"],
                Recurrence.Quarterly => l["Every quarter"],
                Recurrence.Yearly => l["Every year"],
                _ => l["Ongoing"],
            },
        };
    }

    public static string Date(DateOnly? date) => date?.ToString(Cultures.DateFormat, CultureInfo.InvariantCulture) ?? "—";
}
