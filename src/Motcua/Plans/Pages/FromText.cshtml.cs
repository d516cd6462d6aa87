using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;
using Motcua.Plans.DraftFromText;

namespace Motcua.Plans.Pages;

/// <summary>
/// A plan from its text: paste it or upload the .docx/.txt, review the draft (plan details, the real unit for
/// every unit the plan names, which tasks to keep), then confirm. Nothing is stored before the confirmation;
/// leaving the review stores nothing.
/// </summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.ReformOfficer},{Roles.Leader}")]
internal sealed class FromTextModel(DraftReading drafts, PlanEditing editing, PlanFormUnits formUnits, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty, System.ComponentModel.DataAnnotations.MaxLength(PlanTextParser.MaxLength)]
    public string? Text { get; set; }

    [BindProperty]
    public string? NumberAndSymbol { get; set; }

    [BindProperty]
    public string? IssuingUnit { get; set; }

    [BindProperty]
    public DateOnly? IssuedOn { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public List<UnitChoice> UnitMap { get; set; } = [];

    [BindProperty]
    public List<DraftTaskChoice> Tasks { get; set; } = [];

    public bool Reviewing { get; private set; }

    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];

    public async Task OnGetAsync() => Units = await formUnits.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostReadAsync(IFormFile? file)
    {
        Units = await formUnits.ListAsync(HttpContext.RequestAborted);
        var text = Text;
        if (file is { Length: > 0 })
        {
            if (file.Length > StoredFiles.MaxBytes)
            {
                throw new DomainException("file", "The file must be from 1 byte to {0} MB.", StoredFiles.MaxBytes / 1024 / 1024);
            }

            await using var content = file.OpenReadStream();
            text = DraftReading.TextOf(file.FileName, content);
        }

        var draft = await drafts.ReadAsync(text, HttpContext.RequestAborted);
        (NumberAndSymbol, IssuingUnit, IssuedOn, Title, Purpose, Year) =
            (draft.Plan.NumberAndSymbol, draft.Plan.IssuingUnit, draft.Plan.IssuedOn, draft.Plan.Title, draft.Plan.Purpose, draft.Plan.Year);
        UnitMap = [.. draft.Units.Select(u => new UnitChoice { Name = u.Name, Unit = u.Unit })];
        Tasks = [.. draft.Tasks.Select(t => new DraftTaskChoice
        {
            Include = true,
            Number = t.Number,
            Section = t.Section,
            Content = t.Content,
            LeadName = t.LeadUnitName,
            LeadUnit = t.LeadUnit,
            CoordinatorNames = string.Join('|', (t.CoordinatingUnits ?? []).Select(c => c.Name)),
            Deadline = JsonSerializer.Serialize(t.Deadline, Json),
        })];
        Reviewing = true;
        ModelState.Clear();

        return Page();
    }

    /// <summary>A refused read shows the text again; a refused confirmation shows the draft under review again.</summary>
    public async Task ReloadAsync()
    {
        Units = await formUnits.ListAsync(HttpContext.RequestAborted);
        Reviewing = Request.Query["handler"] == "Confirm";
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        try
        {
            var map = UnitMap.Where(u => !string.IsNullOrWhiteSpace(u.Name)).GroupBy(u => u.Name!.Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Unit, StringComparer.OrdinalIgnoreCase);
            string? CodeOf(string? name) => name is not null && map.TryGetValue(name.Trim(), out var code) ? code : IssuingUnit;
            var tasks = Tasks.Where(t => t.Include).Select(t => new TaskInput(
                t.Number, t.Section, t.Content, t.LeadName is null ? t.LeadUnit ?? IssuingUnit : CodeOf(t.LeadName), t.LeadName,
                [.. (t.CoordinatorNames ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new UnitInput(CodeOf(n), n))],
                null, string.IsNullOrEmpty(t.Deadline) ? null : JsonSerializer.Deserialize<DeadlineInput>(t.Deadline, Json), null, null, [])).ToList();
            var (plan, created) = await editing.CreateWithTasksAsync(new PlanInput(NumberAndSymbol, IssuingUnit, IssuedOn, Title, Purpose, Year), tasks, null, HttpContext.RequestAborted);
            TempData["Message"] = l["The plan was created with {0} tasks.", created.Count].Value;
            return Redirect($"/ke-hoach/{plan.Id}");
        }
        catch (JsonException)
        {
            ModelState.AddModelError(string.Empty, l["The draft was changed; read the text again."]);
        }

        Units = await formUnits.ListAsync(HttpContext.RequestAborted);
        Reviewing = true;
        return Page();
    }
}

internal sealed class UnitChoice
{
    public string? Name { get; set; }

    public string? Unit { get; set; }
}

internal sealed class DraftTaskChoice
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Include { get; set; }

    public string? Number { get; set; }

    public string? Section { get; set; }

    public string? Content { get; set; }

    public string? LeadName { get; set; }

    public string? LeadUnit { get; set; }

    public string? CoordinatorNames { get; set; }

    /// <summary>The parsed deadline, kept as JSON between the review and the confirmation.</summary>
    public string? Deadline { get; set; }

    public string DeadlineText(IStringLocalizer l)
    {
        try
        {
            var input = string.IsNullOrEmpty(Deadline) ? null : JsonSerializer.Deserialize<DeadlineInput>(Deadline, Json);
            return input is null ? "—" : PlanTexts.Deadline(PlanDetails.DeadlineView.Of(input.ToDeadline()), l);
        }
        catch (Exception exception) when (exception is JsonException or DomainException)
        {
            return "—";
        }
    }
}
