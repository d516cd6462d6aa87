using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.Pages;

/// <summary>
/// A task: what, who, by when, and its reports. The lead unit posts reports with evidence, coordinating
/// units add contributions, the plan's runners record the awaited event and acknowledge or return reports.
/// </summary>
internal sealed class TaskPageModel(PlanReading reading, TaskWork work, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Status { get; set; } = "inProgress";

    [BindProperty]
    public int? Percent { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? ContributionText { get; set; }

    [BindProperty]
    public string? ContributionUnit { get; set; }

    [BindProperty]
    public DateOnly? EventOn { get; set; }

    [BindProperty]
    public string? EventNote { get; set; }

    [BindProperty]
    public Guid ReportId { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public TaskDetailsView Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Details = await reading.GetTaskAsync(Id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task ReloadAsync() => Details = await reading.GetTaskAsync(Id, HttpContext.RequestAborted);

    public Task<IActionResult> OnPostReportAsync() => RunAsync(async () =>
    {
        await work.PostReportAsync(Id, new ReportInput(Status, Percent, Text, null), PlanResults.Files(Request.Form.Files), HttpContext.RequestAborted);
        return l["The report was posted."];
    });

    public Task<IActionResult> OnPostContributionAsync() => RunAsync(async () =>
    {
        await work.AddContributionAsync(Id, ContributionUnit, ContributionText, PlanResults.Files(Request.Form.Files), HttpContext.RequestAborted);
        return l["The contribution was added."];
    });

    public Task<IActionResult> OnPostEventAsync() => RunAsync(async () =>
    {
        await work.RecordEventAsync(Id, EventOn, EventNote, HttpContext.RequestAborted);
        return l["The event was recorded; the task has started."];
    });

    public Task<IActionResult> OnPostAcknowledgeAsync() => RunAsync(async () =>
    {
        await work.AcknowledgeAsync(ReportId, HttpContext.RequestAborted);
        return l["The report was acknowledged."];
    });

    public Task<IActionResult> OnPostReturnAsync() => RunAsync(async () =>
    {
        await work.ReturnAsync(ReportId, Comment, HttpContext.RequestAborted);
        return l["The report was returned to the lead unit."];
    });

    private async Task<IActionResult> RunAsync(Func<Task<LocalizedString>> action)
    {
        TempData["Message"] = (await action()).Value;
        return Redirect($"/ke-hoach/nhiem-vu/{Id}");
    }
}
