using Microsoft.EntityFrameworkCore;
using Motcua.Notifications.Contracts;
using Motcua.Notifications.Data;

namespace Motcua.Notifications;

/// <summary>The outbox's front door for other areas: validates and stores; the dispatcher sends.</summary>
internal sealed class NotificationOutbox(NotificationsDbContext db, TimeProvider clock, ILogger<NotificationOutbox> logger) : INotifications
{
    public async Task EnqueueAsync(Notification n, CancellationToken ct)
    {
        var message = OutboxMessage.Create(n, clock.GetUtcNow().UtcDateTime);
        if (message.DeduplicationKey is { } key && await db.Outbox.AnyAsync(m => m.DeduplicationKey == key, ct))
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Notification with deduplication key {DeduplicationKey} is already in the outbox", key);
            }

            return;
        }

        db.Outbox.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two enqueues with the same key raced and the unique index let the other one win: that is
            // exactly what deduplication promises. Any other failure is the caller's to see.
            db.Entry(message).State = EntityState.Detached;
            if (message.DeduplicationKey is null || !await db.Outbox.AnyAsync(m => m.DeduplicationKey == message.DeduplicationKey, ct))
            {
                throw;
            }

            return;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Notification {NotificationId} by {Channel} about {Reference} queued", message.Id, message.Channel, message.Reference);
        }
    }
}
