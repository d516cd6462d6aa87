using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Indexes.IndicatorSets;

namespace Motcua.Indexes.Pages;

/// <summary>The versions of the indicator sets; a system administrator adds a version with its effective date.</summary>
[Authorize(Policy = Policies.SystemAdministration)]
internal sealed class IndicatorSetsModel(IndicatorSetAdministration sets, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    public IReadOnlyList<IndicatorSetVersion> Versions { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public DateOnly? EffectiveFrom { get; set; }

    [BindProperty]
    public string? Definition { get; set; }

    public async Task OnGetAsync(Guid? from)
    {
        Versions = await sets.ListAsync(HttpContext.RequestAborted);
        var basis = from is { } id ? Versions.FirstOrDefault(v => v.Id == id) : Versions.LastOrDefault(v => v.Code == IndicatorSetDefinition.Decision766.Code);
        if (basis is not null)
        {
            var detail = await sets.FindAsync(basis.Id, HttpContext.RequestAborted);
            Code = detail.Version.Code;
            Definition = detail.Definition.ToJson();
        }
    }

    public async Task ReloadAsync() => Versions = await sets.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var problems = IndicatorSetAdministration.Check(Code, Definition);
        foreach (var problem in problems)
        {
            ModelState.Add(problem, l);
        }

        if (problems.Count == 0)
        {
            var version = await sets.AddAsync(Code, EffectiveFrom, Definition, HttpContext.RequestAborted);
            TempData["Message"] = l["Version of {0} in force from {1} added.", version.Code, version.EffectiveFrom.ToString(Cultures.DateFormat)].Value;
            return RedirectToPage();
        }

        Versions = await sets.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
