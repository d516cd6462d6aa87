using Motcua.Common;
using Motcua.Notifications.Contracts;

namespace Motcua.Notifications.Inbox;

/// <summary>One message in a user's in-app inbox; read once opened or marked read.</summary>
internal sealed class InboxItem
{
    public const int MaxTitle = 300;
    public const int MaxBody = 4000;

    private InboxItem()
    {
        Title = Body = DeduplicationKey = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public string? Link { get; private set; }

    public string? Reference { get; private set; }

    public string DeduplicationKey { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public static InboxItem Create(InboxMessage message, DateTime nowUtc)
    {
        var title = message.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > MaxTitle)
        {
            throw new DomainException("title", "The title is required (at most {0} characters).", MaxTitle);
        }

        if (message.Link is { } link && (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal)))
        {
            // Only local links: a message must never send a user to another site.
            throw new DomainException("link", "The link must be a local path.");
        }

        if (string.IsNullOrWhiteSpace(message.DeduplicationKey) || message.DeduplicationKey.Length > 200)
        {
            throw new DomainException("deduplicationKey", "The deduplication key is required (at most {0} characters).", 200);
        }

        var body = message.Body?.Trim() ?? string.Empty;
        return new InboxItem
        {
            Id = Guid.CreateVersion7(),
            UserId = message.UserId,
            Title = title,
            Body = body.Length > MaxBody ? body[..MaxBody] : body,
            Link = message.Link,
            Reference = message.Reference?.Trim() is { Length: > 0 } reference ? reference[..Math.Min(reference.Length, 100)] : null,
            DeduplicationKey = message.DeduplicationKey,
            CreatedAtUtc = nowUtc,
        };
    }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
