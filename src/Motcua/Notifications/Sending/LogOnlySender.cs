namespace Motcua.Notifications.Sending;

/// <summary>
/// Stands in for a channel that is not configured, so development and demo installations run without a
/// mail server or SMS contract: the message is written to the log and recorded as sent with a note saying so.
/// </summary>
internal sealed class LogOnlySender(string channel, ILogger<LogOnlySender> logger) : INotificationSender
{
    public const string NotConfigured = "not configured: logged only";

    public string Channel => channel;

    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return Task.FromResult<string?>(NotConfigured);
        }

        var recipient = NotificationRules.Mask(message.Recipient);
        logger.LogInformation(
            "Notification {NotificationId} not sent: {Channel} is not configured. To {Recipient} about {Reference}: {Subject} — {Body}",
            message.Id,
            channel,
            recipient,
            message.Reference,
            message.Subject,
            message.Body);
        return Task.FromResult<string?>(NotConfigured);
    }
}
