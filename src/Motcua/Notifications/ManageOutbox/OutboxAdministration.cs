using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Notifications.Data;

namespace Motcua.Notifications.ManageOutbox;

internal sealed record OutboxMessageResponse(
    Guid Id,
    string Channel,
    string Recipient,
    string Subject,
    string? Reference,
    OutboxStatus Status,
    int Attempts,
    DateTime CreatedAtUtc,
    DateTime NextAttemptAtUtc,
    DateTime? SentAtUtc,
    string? LastError,
    string? Note);

/// <summary>What administrators see of the outbox and the one thing they do to it: send a failed message again.</summary>
internal sealed class OutboxAdministration(NotificationsDbContext db, ICurrentUser user, TimeProvider clock, ILogger<OutboxAdministration> logger)
{
    /// <summary>The newest messages first; enough to find what went wrong with a dossier.</summary>
    public const int MaxListed = 500;

    public async Task<IReadOnlyList<OutboxMessageResponse>> ListAsync(OutboxStatus? status, string? reference, CancellationToken cancellationToken = default)
    {
        var query = await VisibleAsync(cancellationToken);
        if (status is { } wanted)
        {
            query = query.Where(m => m.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(reference))
        {
            var trimmed = reference.Trim();
            query = query.Where(m => m.Reference == trimmed);
        }

        var rows = await query
            .AsNoTracking()
            .OrderByDescending(m => m.CreatedAtUtc)
            .Take(MaxListed)
            .Select(m => new OutboxMessageResponse(
                m.Id, m.Channel, m.Recipient, m.Subject, m.Reference, m.Status, m.Attempts,
                m.CreatedAtUtc, m.NextAttemptAtUtc, m.SentAtUtc, m.LastError, m.Note))
            .ToListAsync(cancellationToken);

        // SQLite gives instants back without a kind; say they are UTC so that JSON carries the "Z".
        return [.. rows.Select(r => r with
        {
            CreatedAtUtc = Utc(r.CreatedAtUtc),
            NextAttemptAtUtc = Utc(r.NextAttemptAtUtc),
            SentAtUtc = r.SentAtUtc is { } sent ? Utc(sent) : null,
        })];
    }

    public async Task RequeueAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var message = await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException();
        message.Requeue(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Notification {NotificationId} about {Reference} queued again by {Actor}", message.Id, message.Reference, user.Actor);
        }
    }

    /// <summary>
    /// Messages carry applicants' e-mail addresses and phone numbers: a unit administrator sees those of
    /// their units only; messages tied to no unit are for system administrators.
    /// </summary>
    private async Task<IQueryable<OutboxMessage>> VisibleAsync(CancellationToken cancellationToken)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        if (scope.IsAll)
        {
            return db.Outbox;
        }

        var units = scope.UnitIds.ToList();
        return db.Outbox.Where(m => m.UnitId != null && units.Contains(m.UnitId.Value));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
