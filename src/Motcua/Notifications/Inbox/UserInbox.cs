using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Notifications.Contracts;
using Motcua.Notifications.Data;

namespace Motcua.Notifications.Inbox;

internal sealed record InboxView(Guid Id, string Title, string Body, string? Link, DateTime CreatedAtUtc, bool Read);

/// <summary>The in-app inbox: other areas post, the signed-in user reads their own messages only.</summary>
internal sealed class UserInbox(NotificationsDbContext db, ICurrentUser user, TimeProvider clock) : IInbox
{
    public async Task<bool> PostAsync(InboxMessage message, CancellationToken ct)
    {
        if (await db.Inbox.AnyAsync(i => i.UserId == message.UserId && i.DeduplicationKey == message.DeduplicationKey, ct))
        {
            return false;
        }

        var item = InboxItem.Create(message, clock.GetUtcNow().UtcDateTime);
        db.Inbox.Add(item);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent post with the same key won the unique index: deduplication did its job.
            db.Entry(item).State = EntityState.Detached;
            if (!await db.Inbox.AnyAsync(i => i.UserId == message.UserId && i.DeduplicationKey == message.DeduplicationKey, ct))
            {
                throw;
            }

            return false;
        }
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default) =>
        user.UserId is { } id ? await db.Inbox.CountAsync(i => i.UserId == id && i.ReadAtUtc == null, ct) : 0;

    public async Task<IReadOnlyList<InboxView>> ListAsync(int take = 100, CancellationToken ct = default)
    {
        if (user.UserId is not { } id)
        {
            return [];
        }

        return await db.Inbox.AsNoTracking().Where(i => i.UserId == id)
            .OrderByDescending(i => i.CreatedAtUtc).Take(take)
            .Select(i => new InboxView(i.Id, i.Title, i.Body, i.Link, i.CreatedAtUtc, i.ReadAtUtc != null))
            .ToListAsync(ct);
    }

    /// <summary>Marks one message (or all when <paramref name="id"/> is null) read; another user's message is not found.</summary>
    public async Task<string?> MarkReadAsync(Guid? id, CancellationToken ct = default)
    {
        if (user.UserId is not { } userId)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.Inbox.Where(i => i.UserId == userId && i.ReadAtUtc == null && (id == null || i.Id == id)).ToListAsync(ct);
        items.ForEach(i => i.MarkRead(now));
        await db.SaveChangesAsync(ct);
        return id is null ? null : await db.Inbox.Where(i => i.Id == id && i.UserId == userId).Select(i => i.Link).FirstOrDefaultAsync(ct);
    }
}
