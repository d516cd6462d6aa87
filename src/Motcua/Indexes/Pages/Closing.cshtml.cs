using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Indexes.Closing;
using Motcua.Indexes.Data;
using Motcua.Indexes.IndicatorSets;
using Motcua.Indexes.ManualValues;
using Motcua.Indexes.Reports;
using Motcua.Indexes.Targets;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.Pages;

/// <summary>
/// The reform officer's page for a unit's service-quality figures: the year's targets with the variance,
/// the manual figures with their evidence, the closed periods with their adjustments, and the reports.
/// </summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.UnitAdmin},{Roles.ReformOfficer},{Roles.Leader}")]
internal sealed class ClosingModel(
    PeriodClosing closing, TargetService targets, ManualValueService manual, IndexesDbContext db, IUnitDirectory units, ICurrentUser user, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];

    public IReadOnlyList<ClosedPeriodSummary> Periods { get; private set; } = [];

    public TargetList? Targets { get; private set; }

    public IReadOnlyList<ManualValueView> ManualValues { get; private set; } = [];

    public IReadOnlyList<string> ManualIndicators { get; private set; } = [];

    public IReadOnlyList<string> AllIndicators { get; private set; } = [];

    public bool CanClose => closing.CanClose;

    public bool CanEdit => targets.CanEdit;

    [BindProperty]
    public string? ClosePeriod { get; set; }

    [BindProperty]
    public string? CloseNote { get; set; }

    [BindProperty]
    public string? TargetIndicator { get; set; }

    [BindProperty]
    public string? TargetValue { get; set; }

    [BindProperty]
    public string? TargetNote { get; set; }

    [BindProperty]
    public string? ManualIndicator { get; set; }

    [BindProperty]
    public string? ManualMonth { get; set; }

    [BindProperty]
    public long? ManualNumerator { get; set; }

    [BindProperty]
    public long? ManualDenominator { get; set; }

    [BindProperty]
    public string? ManualEvidence { get; set; }

    public static string Percent(string indicator, double? value) =>
        value is not { } v ? "—" : IndicatorCatalogue.IsCount(indicator) ? v.ToString("N0", Cultures.Vietnamese) : (v * 100).ToString("0.##", Cultures.Vietnamese) + "%";

    public static string? ReportPeriodOf(ClosedPeriodSummary period)
    {
        var month = period.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var quarter = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{period.From.Year}-Q{((period.From.Month - 1) / 3) + 1}");
        return ReportPeriod.TryParse(month, out var m) && m.From == period.From && m.To == period.To ? month
            : ReportPeriod.TryParse(quarter, out var q) && q.From == period.From && q.To == period.To ? quarter
            : null;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostCloseAsync() => RunAsync(async () =>
    {
        if (!ReportPeriod.TryParse(ClosePeriod, out var period))
        {
            throw new DomainException("ClosePeriod", "The period {0} must be a month (2025-03) or a quarter (2025-Q1).", ClosePeriod ?? string.Empty);
        }

        await closing.CloseAsync(Unit, period.From, period.To, null, CloseNote, HttpContext.RequestAborted);
        return l["The period was closed; its figures are published."];
    });

    public Task<IActionResult> OnPostTargetAsync() => RunAsync(async () =>
    {
        double? value = IndicatorCatalogue.TryParseValue(TargetValue, out var parsed) ? parsed : null;
        if (value is null && !string.IsNullOrWhiteSpace(TargetValue))
        {
            throw new DomainException("TargetValue", "{0} is not a number (write 0.95 or 95%).", TargetValue);
        }

        await targets.SetAsync(new TargetInput(Unit, TargetIndicator, Year ?? VietnamTime.Today(time).Year, value, TargetNote), HttpContext.RequestAborted);
        return l["The target was saved."];
    });

    public Task<IActionResult> OnPostImportTargetsAsync(IFormFile? file) => RunAsync(async () =>
    {
        var count = await targets.ImportAsync(TabularFile.ReadUpload(file), HttpContext.RequestAborted);
        return l["Imported {0} targets.", count];
    });

    public Task<IActionResult> OnPostManualAsync(IFormFile? evidenceFile) => RunAsync(async () =>
    {
        var saved = await manual.SetAsync(new ManualValueInput(Unit, ManualIndicator, ManualMonth, ManualNumerator, ManualDenominator, ManualEvidence), HttpContext.RequestAborted);
        if (evidenceFile is { Length: > 0 })
        {
            await using var content = evidenceFile.OpenReadStream();
            await manual.AttachEvidenceAsync(saved.Id, evidenceFile.FileName, content, evidenceFile.Length, HttpContext.RequestAborted);
        }

        return l["The figure was saved."];
    });

    public Task<IActionResult> OnPostImportManualAsync(IFormFile? file) => RunAsync(async () =>
    {
        var count = await manual.ImportAsync(TabularFile.ReadUpload(file), HttpContext.RequestAborted);
        return l["Imported {0} figures.", count];
    });

    private async Task<IActionResult> RunAsync(Func<Task<LocalizedString>> action)
    {
        TempData["Message"] = (await action()).Value;
        return RedirectToPage(new { Unit, Year });
    }

    public Task ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var scope = await user.GetScopeAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        Units = [.. (await units.ListAsync(cancellationToken)).Where(u => scope.Contains(u.Id) && u.IsValidOn(today)).OrderBy(u => u.Code, StringComparer.Ordinal)];
        if (string.IsNullOrWhiteSpace(Unit))
        {
            Unit = (user.UnitId is { } own ? Units.FirstOrDefault(u => u.Id == own) : Units.Count > 0 ? Units[0] : null)?.Code;
        }

        Year ??= today.Year;
        var (all, manualCodes) = await IndicatorCatalogue.KnownAsync(db, cancellationToken);
        ManualIndicators = [.. manualCodes.Order(StringComparer.Ordinal)];
        AllIndicators = [.. all.Order(StringComparer.Ordinal)];
        if (Unit is null)
        {
            return;
        }

        Periods = await closing.ListAsync(Unit, cancellationToken);
        Targets = await targets.ListAsync(Unit, Year, cancellationToken);
        ManualValues = await manual.ListAsync(Unit, Year, cancellationToken);
    }
}
