using Motcua.Common;
using Motcua.Notifications.Contracts;

namespace Motcua.Notifications;

internal enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One message in the outbox and its delivery history. Rows are never deleted: the table is the log of
/// what each applicant was told, when, and how many tries it took.
/// </summary>
internal sealed class OutboxMessage
{
    public const int MaxErrorLength = 2000;

    private OutboxMessage()
    {
        Channel = string.Empty;
        Recipient = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Channel { get; private set; }

    public string Recipient { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public string? Reference { get; private set; }

    public string? DeduplicationKey { get; private set; }

    public Guid? UnitId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public OutboxStatus Status { get; private set; }

    /// <summary>Attempts made so far, the successful one included.</summary>
    public int Attempts { get; private set; }

    /// <summary>When a pending message is next due. The dispatcher also moves it forward to claim the message.</summary>
    public DateTime NextAttemptAtUtc { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>What the sender reported on success, e.g. "not configured: logged only".</summary>
    public string? Note { get; private set; }

    public static OutboxMessage Create(Notification notification, DateTime nowUtc)
    {
        var n = NotificationRules.Validate(notification);
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Channel = n.Channel,
            Recipient = n.Recipient,
            Subject = n.Subject,
            Body = n.Body,
            Reference = n.Reference,
            DeduplicationKey = n.DeduplicationKey,
            UnitId = n.UnitId,
            CreatedAtUtc = nowUtc,
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = nowUtc,
        };
    }

    public void MarkSent(DateTime nowUtc, string? note)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAtUtc = nowUtc;
        Note = Truncate(note, 500);
    }

    /// <summary>Counts the failed attempt and either schedules the next one or gives up.</summary>
    public void RecordFailure(string error, DateTime nowUtc, int maxAttempts)
    {
        Attempts++;
        LastError = Truncate(error, MaxErrorLength);
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            NextAttemptAtUtc = nowUtc;
        }
        else
        {
            NextAttemptAtUtc = nowUtc + RetrySchedule.DelayAfter(Attempts);
        }
    }

    /// <summary>An administrator sends a failed message again, with a fresh set of attempts.</summary>
    public void Requeue(DateTime nowUtc)
    {
        if (Status != OutboxStatus.Failed)
        {
            throw new DomainException("status", "Only a failed notification can be sent again.");
        }

        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAtUtc = nowUtc;
    }

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..length];
}
