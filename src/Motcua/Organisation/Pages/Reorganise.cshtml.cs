using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;
using Motcua.Organisation.ReorganiseUnits;

namespace Motcua.Organisation.Pages;

[Authorize(Policy = Policies.Administration)]
internal sealed class ReorganiseModel(UnitAdministration administration, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? SourceCodes { get; set; }

    [BindProperty]
    public string? ContinuingCode { get; set; }

    [BindProperty]
    public string? NewCode { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public UnitKind NewKind { get; set; } = UnitKind.Commune;

    [BindProperty]
    public string? NewParentCode { get; set; }

    [BindProperty]
    public DateOnly? EffectiveOn { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public string? SplitCode { get; set; }

    [BindProperty]
    public string? SplitParts { get; set; }

    [BindProperty]
    public DateOnly? SplitEffectiveOn { get; set; }

    [BindProperty]
    public string? SplitLegalBasis { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostMergeAsync()
    {
        var effectiveOn = EffectiveOn ?? throw new DomainException("effectiveOn", "The date {0} is required.", "effectiveOn");
        var sources = (SourceCodes ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        var newUnit = string.IsNullOrWhiteSpace(ContinuingCode)
            ? new NewUnit(NewCode ?? string.Empty, NewName ?? string.Empty, NewKind, NewParentCode, effectiveOn)
            : null;
        var target = await administration.MergeAsync(sources, string.IsNullOrWhiteSpace(ContinuingCode) ? null : ContinuingCode, newUnit, effectiveOn, LegalBasis, HttpContext.RequestAborted);
        TempData["Message"] = l["The units were merged into {0}.", target.Name].Value;
        return Redirect($"/admin/units/{target.Code}");
    }

    public async Task<IActionResult> OnPostSplitAsync()
    {
        var effectiveOn = SplitEffectiveOn ?? throw new DomainException("effectiveOn", "The date {0} is required.", "effectiveOn");
        var parts = (SplitParts ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(';', StringSplitOptions.TrimEntries))
            .Select(f => ReorganiseUnitsEndpoints.ToNewUnit(new NewUnitRequest(f.ElementAtOrDefault(0), f.ElementAtOrDefault(1), f.ElementAtOrDefault(2), f.ElementAtOrDefault(3)), effectiveOn))
            .ToList();
        var created = await administration.SplitAsync(SplitCode ?? string.Empty, parts, effectiveOn, SplitLegalBasis, HttpContext.RequestAborted);
        TempData["Message"] = l["The unit was split into {0} units.", created.Count].Value;
        return Redirect("/admin/units?history=true");
    }
}
