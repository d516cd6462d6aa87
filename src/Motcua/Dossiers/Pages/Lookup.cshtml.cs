using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Dossiers.Lookup;
using Motcua.Payments.Contracts;

namespace Motcua.Dossiers.Pages;

/// <summary>
/// The citizen's status lookup (opened from the receipt's QR code), online payment of the fee still due,
/// and the rating once the result is ready.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicDossierEndpoints.RateLimitPolicy)]
internal sealed class LookupModel(DossierService dossiers, IOnlinePayments payments, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Secret { get; set; }

    [BindProperty]
    public Rating? Rating { get; set; }

    [BindProperty]
    public bool Harassment { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public PublicDossierResponse? Found { get; private set; }

    public bool Searched { get; private set; }

    public bool CanPayOnline => payments.IsAvailable && Found is { FeeDue: > 0 };

    public async Task OnGetAsync()
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            Searched = true;
            Found = await dossiers.LookupAsync(Code, Secret, HttpContext.RequestAborted) is { } d ? PublicDossierResponse.From(d, l) : null;
        }
    }

    public Task ReloadAsync() => OnGetAsync();

    /// <summary>Starts paying the fee still due (the amount is the dossier's) and sends the browser to the provider.</summary>
    public async Task<IActionResult> OnPostPayAsync()
    {
        var started = await payments.StartAsync(Code ?? string.Empty, Secret, HttpContext.RequestAborted);
        return Redirect(started.RedirectUrl);
    }

    public async Task<IActionResult> OnPostRateAsync()
    {
        await dossiers.RateAsync(Code ?? string.Empty, Secret, Rating ?? throw new DomainException(nameof(Rating), "Choose very satisfied, satisfied or not satisfied."), Harassment, Comment, HttpContext.RequestAborted);
        TempData["Message"] = l["Thank you: your rating was recorded."].Value;
        return Redirect($"/tra-cuu?code={Uri.EscapeDataString(Code ?? string.Empty)}&secret={Uri.EscapeDataString(Secret ?? string.Empty)}");
    }
}
