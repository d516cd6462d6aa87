using Motcua.Notifications;
using Motcua.Notifications.Contracts;

namespace Motcua.UnitTests.Notifications;

/// <summary>The wait after each failed attempt, and when a message is given up.</summary>
public sealed class RetryScheduleFacts
{
    private static readonly DateTime T0 = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 15)]
    [InlineData(4, 60)]
    [InlineData(5, 240)]
    [InlineData(6, 240)]
    [InlineData(7, 240)]
    [InlineData(50, 240)]
    public void The_wait_grows_from_one_minute_to_four_hours(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetrySchedule.DelayAfter(failedAttempts));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void There_is_no_wait_before_a_failure(int failedAttempts) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrySchedule.DelayAfter(failedAttempts));

    [Fact]
    public void The_waits_never_shrink() =>
        Assert.All(Enumerable.Range(1, 20), n => Assert.True(RetrySchedule.DelayAfter(n + 1) >= RetrySchedule.DelayAfter(n)));

    [Fact]
    public void A_message_is_given_up_after_the_last_allowed_attempt_and_not_before()
    {
        var message = OutboxMessage.Create(new Notification("email", "a@example.vn", "Hồ sơ", "Nội dung", "K1-260302-0001", null), T0);
        var now = T0;
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt < 8; attempt++)
        {
            message.RecordFailure("refused", now, maxAttempts: 8);
            Assert.Equal(OutboxStatus.Pending, message.Status);
            waits.Add(message.NextAttemptAtUtc - now);
            now = message.NextAttemptAtUtc;
        }

        message.RecordFailure("refused again", now, maxAttempts: 8);

        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(8, message.Attempts);
        Assert.Equal("refused again", message.LastError);
        Assert.Equal([1, 5, 15, 60, 240, 240, 240], waits.Select(w => w.TotalMinutes));
        Assert.Equal(TimeSpan.FromMinutes(801), now - T0);
    }

    [Fact]
    public void Only_a_failed_message_is_queued_again_and_then_with_fresh_attempts()
    {
        var message = OutboxMessage.Create(new Notification("sms", "0912345678", string.Empty, "Hồ sơ đã có kết quả", null, null), T0);
        var refused = Assert.Throws<Motcua.Common.DomainException>(() => message.Requeue(T0));
        message.RecordFailure("down", T0, maxAttempts: 1);

        message.Requeue(T0.AddHours(1));

        Assert.Equal("status", refused.Field);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(T0.AddHours(1), message.NextAttemptAtUtc);
    }

    [Fact]
    public void A_sent_message_counts_its_successful_attempt_and_keeps_the_senders_note()
    {
        var message = OutboxMessage.Create(new Notification("zalo", "+84912345678", string.Empty, "Mời nhận kết quả", null, "k"), T0);
        message.RecordFailure("timeout", T0, maxAttempts: 8);

        message.MarkSent(T0.AddMinutes(1), "not configured: logged only");

        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(2, message.Attempts);
        Assert.Equal(T0.AddMinutes(1), message.SentAtUtc);
        Assert.Equal("not configured: logged only", message.Note);
    }
}
