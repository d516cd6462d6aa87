using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Motcua.Common;
using Motcua.Notifications.Data;
using Motcua.Notifications.Sending;

namespace Motcua.Notifications.Dispatch;

/// <summary>What one dispatch round did.</summary>
internal sealed record DispatchResult(int Sent, int Retrying, int Failed)
{
    public static readonly DispatchResult None = new(0, 0, 0);

    public int Attempted => Sent + Retrying + Failed;

    public DispatchResult Add(DispatchResult other) => new(Sent + other.Sent, Retrying + other.Retrying, Failed + other.Failed);
}

/// <summary>
/// Delivers the outbox: every <c>PollSeconds</c> it claims due messages, oldest first, hands each to its
/// channel's sender and records the outcome. Delivery is at least once: a message is marked Sent only
/// after the server accepted it, so a crash in between sends it again after the claim lapses.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    NotificationSenders senders,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    MotcuaMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>
    /// How long a claimed message stays invisible to other instances; longer than any sender's timeout,
    /// so a message is sent again only when the instance that claimed it died.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    private readonly NotificationOptions _options = options.Value;

    public async Task<DispatchResult> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var total = DispatchResult.None;
        var batchSize = Math.Max(1, _options.BatchSize);
        while (true)
        {
            var claimed = await ClaimAsync(batchSize, cancellationToken);
            foreach (var id in claimed)
            {
                total = total.Add(await DeliverAsync(id, cancellationToken));
            }

            if (claimed.Count < batchSize)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var sender in senders.All.OfType<LogOnlySender>())
        {
            logger.LogWarning("Notifications by {Channel} are not configured: they are written to the log only (see docs/notifications.md)", sender.Channel);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, _options.PollSeconds)), clock);
        try
        {
            do
            {
                try
                {
                    await DispatchDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database outage must not stop the loop: the messages wait in the outbox for the next round.
                    logger.LogError(exception, "The notification outbox could not be dispatched; trying again in {PollSeconds} s", _options.PollSeconds);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: claimed but unsent messages become due again when their claim lapses.
        }
    }

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due messages. The claim is a conditional UPDATE that moves
    /// the message's next attempt past the lease: when two instances race for a message, the database lets
    /// exactly one of them still find it due, and only that one sends it.
    /// </summary>
    private async Task<List<Guid>> ClaimAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        var leaseEnd = now + ClaimLease;
        var claimed = new List<Guid>(due.Count);
        foreach (var id in due)
        {
            var rows = await db.Outbox
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, leaseEnd), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    private async Task<DispatchResult> DeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var message = await db.Outbox.SingleAsync(m => m.Id == id, cancellationToken);
        var attempt = message.Attempts + 1;
        var recipient = NotificationRules.Mask(message.Recipient);
        var started = Stopwatch.GetTimestamp();
        string? note = null;
        Exception? error = null;
        try
        {
            var sender = senders.For(message.Channel)
                ?? throw new InvalidOperationException($"No sender is registered for the channel {message.Channel}.");
            note = await sender.SendAsync(
                new OutgoingMessage(message.Id, message.Channel, message.Recipient, message.Subject, message.Body, message.Reference),
                cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure of a sender (refused, unreachable, timed out, misconfigured) is one failed attempt.
            error = exception;
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var now = clock.GetUtcNow().UtcDateTime;
        DispatchResult outcome;
        if (error is null)
        {
            message.MarkSent(now, note);
            outcome = new DispatchResult(1, 0, 0);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "Notification {NotificationId} by {Channel} to {Recipient} about {Reference} sent on attempt {Attempt} in {ElapsedMs} ms",
                    message.Id, message.Channel, recipient, message.Reference, attempt, elapsedMs);
            }
        }
        else
        {
            message.RecordFailure($"{error.GetType().Name}: {error.Message}", now, _options.MaxAttempts);
            if (message.Status == OutboxStatus.Failed)
            {
                outcome = new DispatchResult(0, 0, 1);
                logger.LogError(
                    error,
                    "Notification {NotificationId} by {Channel} to {Recipient} about {Reference} failed on attempt {Attempt} of {MaxAttempts}: given up",
                    message.Id, message.Channel, recipient, message.Reference, attempt, _options.MaxAttempts);
            }
            else
            {
                outcome = new DispatchResult(0, 1, 0);
                logger.LogWarning(
                    error,
                    "Notification {NotificationId} by {Channel} to {Recipient} about {Reference} failed on attempt {Attempt} of {MaxAttempts}; next attempt at {NextAttemptAtUtc:o}",
                    message.Id, message.Channel, recipient, message.Reference, attempt, _options.MaxAttempts, message.NextAttemptAtUtc);
            }
        }

        metrics.Notifications.Add(1, new("channel", message.Channel), new("outcome", error is null ? "sent" : message.Status == OutboxStatus.Failed ? "failed" : "retry"));

        // The outcome is recorded even when shutdown began during the send: a message the server accepted
        // must not be sent again.
        await db.SaveChangesAsync(CancellationToken.None);
        return outcome;
    }
}
