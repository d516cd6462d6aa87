using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;
using Motcua.Plans.PlanDetails;
using Motcua.Plans.Timeline;

namespace Motcua.Plans.Pages;

/// <summary>A plan: its details and roll-up, its tasks with status, the timeline, and for its runners the task form and the source upload.</summary>
internal sealed class PlanPageModel(PlanReading reading, PlanEditing editing, PlanFormUnits formUnits, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal, IRefusalFieldPrefix
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public TaskForm NewTask { get; set; } = new();

    public PlanView Plan { get; private set; } = null!;

    public TimelineView Timeline { get; private set; } = null!;

    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostTaskAsync() => RunAsync(async () =>
    {
        await editing.AddTaskAsync(Id, NewTask.ToInput(), HttpContext.RequestAborted);
        NewTask = new TaskForm();
        return l["The task was added."];
    });

    public Task<IActionResult> OnPostSourceAsync(IFormFile? source) => RunAsync(async () =>
    {
        if (source is not { Length: > 0 })
        {
            throw new DomainException("source", "Choose a file.");
        }

        await using var content = source.OpenReadStream();
        await editing.AttachSourceAsync(Id, new UploadedFile(source.FileName, content), HttpContext.RequestAborted);
        return l["The source document was saved."];
    });

    private async Task<IActionResult> RunAsync(Func<Task<LocalizedString>> action)
    {
        TempData["Message"] = (await action()).Value;
        return Redirect($"/ke-hoach/{Id}");
    }

    public string FieldPrefix => nameof(NewTask);

    public Task ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Plan = await reading.GetAsync(Id, HttpContext.RequestAborted);
        Timeline = PlanTimeline.Of(Plan, reading.Today);
        if (Plan.CanRun)
        {
            Units = await formUnits.ListAsync(HttpContext.RequestAborted);
            NewTask.LeadUnit ??= Plan.Summary.IssuingUnit.Code;
        }
    }
}
