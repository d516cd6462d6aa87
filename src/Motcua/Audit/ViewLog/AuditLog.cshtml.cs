using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Audit.Data;
using Motcua.Audit.Verify;
using Motcua.Common;

namespace Motcua.Audit.ViewLog;

/// <summary>
/// <c>/admin/audit</c>: the latest audit entries (filtered by action, object or actor) and, on demand, the
/// verification of every chain naming the first broken entry of each. System administrators only.
/// </summary>
[Authorize(Policy = Policies.SystemAdministration)]
internal sealed class AuditLogModel(AuditDbContext db, AuditVerification verification) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public ChainReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Report = await verification.VerifyAsync("page", cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = db.Entries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search) && Search.Trim() is { Length: <= 300 } term)
        {
            query = query.Where(e => e.Action.Contains(term) || e.ActorName.Contains(term) || (e.ObjectId != null && e.ObjectId.Contains(term)));
        }

        Entries = await query.OrderByDescending(e => e.Chain).ThenByDescending(e => e.Sequence).Take(Shown).ToListAsync(cancellationToken);
    }
}
