using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Motcua.Dossiers.Inbox;

namespace Motcua.Dossiers.Pages;

/// <summary>The work queues: what to receive, assign, examine, approve and return, and what is late.</summary>
internal sealed class InboxModel(DossierInbox inbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InboxBox Box { get; set; } = InboxBox.All;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public InboxPage Result { get; private set; } = new(InboxBox.All, 0, []);

    public IReadOnlyDictionary<InboxBox, int> Counts { get; private set; } = new Dictionary<InboxBox, int>();

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        Result = await inbox.ListAsync(Box, new InboxFilter(Q, Procedure, From, To), PageNumber, HttpContext.RequestAborted);
        Counts = await inbox.CountsAsync(HttpContext.RequestAborted);
    }
}
