using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Motcua.Notifications.Inbox;

/// <summary>The signed-in user's in-app notifications; <c>?handler=Count</c> is the header's unread badge (loaded by htmx).</summary>
internal sealed class InboxModel(UserInbox inbox) : PageModel
{
    public IReadOnlyList<InboxView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await inbox.ListAsync(ct: cancellationToken);

    public async Task<IActionResult> OnGetCountAsync(CancellationToken cancellationToken)
    {
        var count = await inbox.UnreadCountAsync(cancellationToken);
        return Content(count > 0 ? count.ToString(CultureInfo.InvariantCulture) : string.Empty, "text/plain");
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var link = await inbox.MarkReadAsync(id, cancellationToken);
        return LocalRedirect(link ?? "/thong-bao");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkReadAsync(null, cancellationToken);
        return RedirectToPage();
    }
}
