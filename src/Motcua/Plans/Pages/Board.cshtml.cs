using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;
using Motcua.Plans.TaskBoard;

namespace Motcua.Plans.Pages;

/// <summary>The task board of a unit, by deadline or by status.</summary>
internal sealed class BoardModel(TaskBoard.TaskBoard board, PlanFormUnits formUnits) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];

    public BoardView? Board { get; private set; }

    public async Task OnGetAsync()
    {
        Units = await formUnits.ListAsync(HttpContext.RequestAborted);
        Unit ??= Units.FirstOrDefault(u => u.Id == formUnits.OwnUnitId)?.Code;
        Board = await board.GetAsync(Unit, TaskBoardEndpoint.ParseGrouping(By), HttpContext.RequestAborted);
    }
}
