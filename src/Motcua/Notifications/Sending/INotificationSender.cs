namespace Motcua.Notifications.Sending;

/// <summary>What a sender gets: the stored message, without the outbox's bookkeeping.</summary>
internal sealed record OutgoingMessage(Guid Id, string Channel, string Recipient, string Subject, string Body, string? Reference);

/// <summary>Delivers messages of one channel ("email", "sms" or "zalo").</summary>
internal interface INotificationSender
{
    string Channel { get; }

    /// <summary>
    /// Hands the message to the channel's server. Throws when it was not accepted (the outbox retries);
    /// returns a note to keep with the message, or null.
    /// </summary>
    Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>The sender of each channel. The last registration for a channel wins, so tests can put their own in place.</summary>
internal sealed class NotificationSenders(IEnumerable<INotificationSender> senders)
{
    private readonly Dictionary<string, INotificationSender> _byChannel = senders
        .GroupBy(s => s.Channel, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public INotificationSender? For(string channel) => _byChannel.GetValueOrDefault(channel);

    public IEnumerable<INotificationSender> All => _byChannel.Values;
}
