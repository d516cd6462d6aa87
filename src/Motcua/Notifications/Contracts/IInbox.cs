namespace Motcua.Notifications.Contracts;

/// <summary>
/// A message shown in a user's in-app inbox (the bell in the header and the /thong-bao page).
/// <paramref name="Link"/> is a local path the message opens (e.g. <c>/ke-hoach/bao-cao-tuan</c>);
/// <paramref name="DeduplicationKey"/>, unique per user, makes a repeated post a no-op.
/// </summary>
internal sealed record InboxMessage(Guid UserId, string Title, string Body, string? Link, string? Reference, string DeduplicationKey);

/// <summary>The in-app inbox for the other areas: what a signed-in user sees in Motcua itself.</summary>
internal interface IInbox
{
    /// <summary>Stores the message unless one with the same key for the same user exists; true when it was stored.</summary>
    Task<bool> PostAsync(InboxMessage message, CancellationToken ct);
}
