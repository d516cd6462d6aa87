using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Dossiers.Kiosk;
using Motcua.Organisation.Contracts;

namespace Motcua.Dossiers.Pages;

/// <summary>
/// The counter's rating tablet (kiosk mode), signed in as the receiving officer of the counter: a waiting
/// screen that asks every few seconds (htmx) whether the officer invited the applicant, then the rating of
/// that dossier once, then waiting again. Without JavaScript a reload does the same.
/// </summary>
internal sealed class KioskModel(KioskRatings kiosk, IUnitDirectory units, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    [BindProperty(SupportsGet = true)]
    public string UnitCode { get; set; } = string.Empty;

    public string UnitName { get; private set; } = string.Empty;

    public KioskDossier? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>The screen alone, for the waiting screen's polling.</summary>
    public async Task<IActionResult> OnGetScreenAsync()
    {
        await LoadAsync();
        return Partial("_KioskScreen", this);
    }

    public async Task<IActionResult> OnPostRateAsync(string? code, Rating? rating, List<KioskReason>? reasons)
    {
        await kiosk.RateAsync(UnitCode, code ?? string.Empty, rating, [.. (reasons ?? []).Distinct()], null, HttpContext.RequestAborted);
        TempData["Message"] = l["Thank you: your rating was recorded."].Value;
        return Redirect($"/danh-gia/quay/{Uri.EscapeDataString(UnitCode)}");
    }

    public Task ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Current = await kiosk.CurrentAsync(UnitCode, HttpContext.RequestAborted);
        UnitName = (await units.FindByCodeAsync(UnitCode.Trim().ToUpperInvariant(), HttpContext.RequestAborted))?.Name ?? UnitCode;
    }
}
