using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Indexes.EarlyWarning;

namespace Motcua.Indexes.Pages;

/// <summary>Open dossiers of a unit (and the units under it) about to become late, and the month's projected on-time rate.</summary>
internal sealed class EarlyWarningModel(EarlyWarningService warnings, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UnitCode { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = EarlyWarningService.DefaultDays;

    public EarlyWarningResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ModelState.IsValid)
        {
            // "abc" for the days: say so in words rather than fall back silently.
            ModelState.Clear();
            ModelState.AddModelError(nameof(Days), l["The number of working days must be between {0} and {1}.", 0, WarningWindow.MaxDays]);
            return Page();
        }

        Result = await warnings.WarnAsync(UnitCode, Days, EarlyWarningService.MaxLimit, HttpContext.RequestAborted);

        return Page();
    }
}
