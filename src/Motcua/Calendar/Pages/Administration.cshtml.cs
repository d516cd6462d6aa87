using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Calendar.ImportOverrides;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;

namespace Motcua.Calendar.Pages;

[Authorize(Policy = Policies.Administration)]
internal sealed class AdministrationModel(
    CalendarAdministration administration, OverrideImporter importer, IUnitDirectory units, ICurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    public IReadOnlyList<OverrideView> Overrides { get; private set; } = [];

    public IReadOnlyList<CalendarRevision> Revisions { get; private set; } = [];

    public IReadOnlyList<(string? UnitCode, DateOnly ValidFrom, string Sessions, string CreatedBy, DateTime CreatedAtUtc)> OfficeHours { get; private set; } = [];

    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];

    public bool CanEditNational => user.IsSystemAdmin;

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public OverrideKind Kind { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public string? UnitCode { get; set; }

    [BindProperty]
    public DateOnly? SwapDayOff { get; set; }

    [BindProperty]
    public DateOnly? SwapWorkingDay { get; set; }

    [BindProperty]
    public string? SwapName { get; set; }

    [BindProperty]
    public string? SwapLegalBasis { get; set; }

    [BindProperty]
    public string? SwapUnitCode { get; set; }

    [BindProperty]
    public string? Sessions { get; set; }

    [BindProperty]
    public DateOnly? HoursValidFrom { get; set; }

    [BindProperty]
    public string? HoursUnitCode { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAddAsync() => RunAsync(
        () => administration.AddAsync(UnitCode, Date ?? throw new DomainException("date", "The date {0} is required.", "date"), Kind, Name ?? string.Empty, LegalBasis, HttpContext.RequestAborted),
        l["The calendar entry was added."],
        Date?.Year);

    public Task<IActionResult> OnPostSwapAsync() => RunAsync(
        () => administration.AddSwapAsync(
            SwapUnitCode,
            SwapDayOff ?? throw new DomainException("dayOff", "The date {0} is required.", "dayOff"),
            SwapWorkingDay ?? throw new DomainException("workingDay", "The date {0} is required.", "workingDay"),
            SwapName ?? string.Empty,
            SwapLegalBasis,
            HttpContext.RequestAborted),
        l["The swapped day was added."],
        SwapDayOff?.Year);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, string? reason) =>
        RunAsync(() => administration.RevokeAsync(id, reason, HttpContext.RequestAborted), l["The entry was revoked."], null);

    public Task<IActionResult> OnPostOfficeHoursAsync() => RunAsync(
        () => administration.SetOfficeHoursAsync(HoursUnitCode, HoursValidFrom ?? throw new DomainException("validFrom", "The date {0} is required.", "validFrom"), Sessions ?? string.Empty, HttpContext.RequestAborted),
        l["The office hours were saved."],
        null);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        var count = await importer.ImportAsync(TabularFile.ReadUpload(file), HttpContext.RequestAborted);
        TempData["Message"] = l["Imported {0} calendar entries.", count].Value;
        return RedirectToPage(new { Year });
    }

    private async Task<IActionResult> RunAsync(Func<Task> action, LocalizedString message, int? year)
    {
        await action();
        TempData["Message"] = message.Value;
        return RedirectToPage(new { Year = year ?? Year });
    }

    public Task ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Year is < 1900 or > 2100)
        {
            Year = VietnamTime.Today(clock).Year;
        }

        Overrides = await administration.ListAsync(Year, includeRevoked: true, ct);
        Revisions = await administration.HistoryAsync(50, ct);
        OfficeHours = await administration.ListOfficeHoursAsync(ct);
        var scope = await user.GetScopeAsync(ct);
        var today = VietnamTime.Today(clock);
        Units = [.. (await units.ListAsync(ct)).Where(u => scope.Contains(u.Id) && u.IsValidOn(today)).OrderBy(u => u.Code)];
    }
}
