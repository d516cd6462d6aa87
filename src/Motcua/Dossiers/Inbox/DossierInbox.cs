using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Dossiers.Data;

namespace Motcua.Dossiers.Inbox;

/// <summary>The work queues of the one-stop desk and the departments.</summary>
internal enum InboxBox
{
    All,
    ToReceive,
    ToAssign,
    ToExamine,
    ToApprove,
    ToReturn,
    Overdue,
    DueSoon,
    Mine,
}

internal sealed record InboxItem(
    string Code, string ProcedureName, string ApplicantName, Channel Channel, DossierStatus Status, DateTime SubmittedAt, DateTime? DueAt,
    bool Overdue, bool LateWithoutApology, string? DepartmentCode, string? Specialist, bool FromNationalPortal = false);

/// <summary>Narrows a queue: free text (code, applicant, procedure name), a procedure, and the submission period (whole local days).</summary>
internal sealed record InboxFilter(string? Search, string? ProcedureCode, DateOnly? From, DateOnly? To);

internal sealed record InboxPage(InboxBox Box, int Total, IReadOnlyList<InboxItem> Items);

/// <summary>Reads the queues within the caller's unit scope (the competent and the receiving unit both see a dossier).</summary>
internal sealed class DossierInbox(DossiersDbContext db, ICurrentUser user, TimeProvider time)
{
    public const int PageSize = 50;

    private static readonly DossierStatus[] Open =
    [
        DossierStatus.Received, DossierStatus.InProcessing, DossierStatus.AtOtherAgency, DossierStatus.AwaitingApproval, DossierStatus.Approved,
    ];

    public async Task<InboxPage> ListAsync(InboxBox box, string? search, int page, CancellationToken cancellationToken = default) =>
        await ListAsync(box, new InboxFilter(search, null, null, null), page, cancellationToken);

    public async Task<InboxPage> ListAsync(InboxBox box, InboxFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var now = VietnamTime.Now(time);
        var query = Filter(await user.GetScopeAsync(cancellationToken), box, filter.Search, now);
        if (!string.IsNullOrWhiteSpace(filter.ProcedureCode))
        {
            var procedure = filter.ProcedureCode.Trim();
            query = query.Where(d => d.ProcedureCode == procedure);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            query = query.Where(d => d.SubmittedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            query = query.Where(d => d.SubmittedAt < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(d => d.DueAt == null).ThenBy(d => d.DueAt).ThenBy(d => d.SubmittedAt)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new InboxPage(box, total, [.. rows.Select(d => new InboxItem(
            d.Code, d.ProcedureName, d.Applicant.Name, d.Channel, d.Status, d.SubmittedAt, d.DueAt,
            d.IsOverdue(now), (d.IsOverdue(now) || d.CompletedLate) && !d.HasApology, d.DepartmentCode, d.Specialist, d.PortalReference != null))]);
    }

    public async Task<IReadOnlyDictionary<InboxBox, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var now = VietnamTime.Now(time);
        var counts = new Dictionary<InboxBox, int>();
        foreach (var box in new[] { InboxBox.ToReceive, InboxBox.ToAssign, InboxBox.ToExamine, InboxBox.ToApprove, InboxBox.ToReturn, InboxBox.Overdue, InboxBox.DueSoon })
        {
            counts[box] = await Filter(scope, box, null, now).CountAsync(cancellationToken);
        }

        return counts;
    }

    private IQueryable<Dossier> Filter(UnitScope scope, InboxBox box, string? search, DateTime now)
    {
        var query = db.Dossiers.AsNoTracking();
        if (!scope.IsAll)
        {
            var ids = scope.UnitIds.ToList();
            query = query.Where(d => ids.Contains(d.UnitId) || ids.Contains(d.ReceivingUnitId));
        }

        // "Due soon": the appointment falls within the next 24 hours of wall-clock time (roughly one working day
        // of warning, as the apology must be sent no later than one working day before the appointment).
        var soon = now.AddDays(1);
        var actor = user.Actor;
        query = box switch
        {
            InboxBox.ToReceive => query.Where(d => d.Status == DossierStatus.Submitted || d.Status == DossierStatus.IntakeSupplementRequested),
            InboxBox.ToAssign => query.Where(d => d.Status == DossierStatus.Received),
            // Approved dossiers wait for their result to be issued by the department.
            InboxBox.ToExamine => query.Where(d => d.Status == DossierStatus.InProcessing || d.Status == DossierStatus.AtOtherAgency || d.Status == DossierStatus.SupplementRequested || d.Status == DossierStatus.Approved),
            InboxBox.ToApprove => query.Where(d => d.Status == DossierStatus.AwaitingApproval),
            InboxBox.ToReturn => query.Where(d => d.Status == DossierStatus.ResultReady || (d.Status == DossierStatus.Refused && d.ReturnedAt == null)),
            InboxBox.Overdue => query.Where(d => Open.Contains(d.Status) && d.DueAt < now),
            InboxBox.DueSoon => query.Where(d => Open.Contains(d.Status) && d.DueAt >= now && d.DueAt <= soon),
            InboxBox.Mine => query.Where(d => d.Specialist == actor && d.CompletedAt == null),
            _ => query,
        };

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var code = text.ToUpperInvariant();
            query = query.Where(d => d.Code.Contains(code) || d.Applicant.Name.Contains(text) || d.ProcedureName.Contains(text));
        }

        return query;
    }
}
