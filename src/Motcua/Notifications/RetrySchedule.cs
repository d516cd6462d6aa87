namespace Motcua.Notifications;

/// <summary>
/// How long the outbox waits after a failed attempt: 1, 5, 15 and 60 minutes, then every 4 hours. Short
/// first steps ride out a dropped connection; the long tail rides out a mail server down for an afternoon
/// without hammering it. With the default eight attempts a message is given up (Failed) about 13 hours
/// after its first try, early enough for an officer to phone the applicant the same or next working day.
/// </summary>
internal static class RetrySchedule
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(60),
        TimeSpan.FromMinutes(240),
    ];

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed attempt (1 for the first).</summary>
    public static TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        return Steps[Math.Min(failedAttempts, Steps.Length) - 1];
    }
}
