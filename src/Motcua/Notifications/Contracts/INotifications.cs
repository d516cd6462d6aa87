namespace Motcua.Notifications.Contracts;

/// <summary>
/// A message to an applicant (or an officer). <paramref name="Channel"/> is one of
/// <see cref="NotificationChannels"/>; <paramref name="Recipient"/> an e-mail address for "email" and a
/// Vietnamese mobile number (0xxxxxxxxx or +84xxxxxxxxx) for "sms" and "zalo". <paramref name="Subject"/>
/// is required for e-mail only. <paramref name="Reference"/> ties the message to what it is about (a
/// dossier code) so administrators can find it; <paramref name="DeduplicationKey"/>, unique in the outbox,
/// makes a repeated enqueue of the same message a no-op (e.g. <c>dossier:K1-260303-0007:supplement:email</c>).
/// <paramref name="UnitId"/>, when given, is the unit the message is about: unit administrators see only
/// their units' messages, system administrators see all.
/// </summary>
internal sealed record Notification(
    string Channel,
    string Recipient,
    string Subject,
    string Body,
    string? Reference,
    string? DeduplicationKey,
    Guid? UnitId = null);

/// <summary>The channels the outbox delivers through.</summary>
internal static class NotificationChannels
{
    public const string Email = "email";

    public const string Sms = "sms";

    public const string Zalo = "zalo";

    public static readonly IReadOnlyList<string> All = [Email, Sms, Zalo];
}

/// <summary>
/// The notification outbox for the other areas. Nothing acknowledged is lost: once
/// <see cref="EnqueueAsync"/> returns, the message is stored and will be delivered (retried with backoff,
/// every attempt logged) by the outbox dispatcher.
/// </summary>
internal interface INotifications
{
    /// <summary>
    /// Stores the message for delivery; it does not send. The outbox has its own DbContext, so this cannot
    /// share the caller's transaction: call it right after your own <c>SaveChangesAsync</c> succeeded (a
    /// message about a change that was rolled back must never go out), and give a
    /// <see cref="Notification.DeduplicationKey"/> derived from that change so that a retried request or a
    /// repeated call enqueues nothing more. Bad input throws <c>Motcua.Common.DomainException</c> naming the field.
    /// </summary>
    Task EnqueueAsync(Notification n, CancellationToken ct);
}
