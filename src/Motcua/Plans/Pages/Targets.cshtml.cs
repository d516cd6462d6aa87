using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Plans.UnitTargets;

namespace Motcua.Plans.Pages;

/// <summary>Unit targets for an indicator and period: the standings, the below-target sentence, entry and import.</summary>
internal sealed class TargetsModel(UnitTargetService targets, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel, IReloadsOnRefusal
{
    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    public IReadOnlyList<IndicatorView> Indicators { get; } = UnitTargetService.Indicators();

    public IReadOnlyList<StandingView> Standings { get; private set; } = [];

    public BelowTargetView? Below { get; private set; }

    public bool CanSetTargets => targets.CanSetTargets;

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTargetAsync(CancellationToken cancellationToken)
    {
        await targets.SetTargetAsync(new TargetInput(Unit, Indicator, Period, Value), cancellationToken);
        Message = l["Saved."];

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFigureAsync(CancellationToken cancellationToken)
    {
        await targets.SetFigureAsync(new FigureInput(Unit, Indicator, Period, Value, Evidence), cancellationToken);
        Message = l["Saved."];

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var count = await targets.ImportAsync(TabularFile.ReadUpload(file), cancellationToken);
        Message = l["{0} rows imported.", count];

        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task ReloadAsync() => LoadAsync(HttpContext.RequestAborted);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Indicator ??= Indicators[0].Code;
        Period ??= VietnamTime.Today(time).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Standings = await targets.StandingsAsync(Indicator, Period, cancellationToken);
        Below = await targets.BelowTargetAsync(Indicator, Period, cancellationToken);
    }
}
