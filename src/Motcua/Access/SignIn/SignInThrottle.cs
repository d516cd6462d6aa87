using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Motcua.Access.SignIn;

/// <summary>
/// Limits sign-in attempts (the form and the token endpoint share it) per client address and per user name.
/// Per address: a fixed window of attempts, like the public endpoints' limiters. Per user name: progressive
/// delays after a few free failures instead of a lock-out, so a stranger who types five wrong passwords for
/// an officer does not lock the officer out (ADR 0017). Unknown and existing user names are treated alike.
/// The state lives in this process's memory.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private const int SweepAbove = 10_000;
    private const int MaxKeyLength = 256;

    private readonly SignInThrottleOptions _options;
    private readonly TimeProvider _clock;
    private readonly PartitionedRateLimiter<string> _addresses;
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    public SignInThrottle(IOptions<AccessOptions> options, TimeProvider clock)
    {
        _options = options.Value.SignIn;
        _clock = clock;
        var window = TimeSpan.FromSeconds(Math.Max(1, _options.AddressWindowSeconds));
        var permits = Math.Max(1, _options.PermitsPerAddress);
        _addresses = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
    }

    /// <summary>Null when the attempt may go ahead; otherwise how long the client must wait.</summary>
    public TimeSpan? Admit(string? clientAddress, string userName)
    {
        var now = _clock.GetUtcNow();
        if (_failures.TryGetValue(Key(userName), out var failures))
        {
            lock (failures)
            {
                if (failures.NextAttemptAt > now)
                {
                    return failures.NextAttemptAt - now;
                }
            }
        }

        using var lease = _addresses.AttemptAcquire(clientAddress ?? "unknown");
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(_options.AddressWindowSeconds);
    }

    /// <summary>A wrong password, an unknown or disabled user, or a wrong authenticator code.</summary>
    public void RecordFailure(string userName)
    {
        var now = _clock.GetUtcNow();
        var failures = _failures.GetOrAdd(Key(userName), _ => new Failures());
        lock (failures)
        {
            if (now - failures.LastFailureAt > TimeSpan.FromMinutes(_options.ForgetAfterMinutes))
            {
                failures.Count = 0;
            }

            failures.Count++;
            failures.LastFailureAt = now;
            failures.NextAttemptAt = now + DelayAfter(failures.Count, _options);
        }

        if (_failures.Count > SweepAbove)
        {
            Sweep(now);
        }
    }

    public void RecordSuccess(string userName) => _failures.TryRemove(Key(userName), out _);

    /// <summary>
    /// The wait before the next attempt after <paramref name="failures"/> failures in a row: nothing for the
    /// first <see cref="SignInThrottleOptions.FreeFailures"/>, then the first delay doubling up to the maximum.
    /// </summary>
    public static TimeSpan DelayAfter(int failures, SignInThrottleOptions options)
    {
        var beyond = failures - Math.Max(0, options.FreeFailures);
        if (beyond <= 0)
        {
            return TimeSpan.Zero;
        }

        var max = Math.Max(0, options.MaxDelaySeconds);
        var first = Math.Max(0, options.FirstDelaySeconds);
        var seconds = beyond > 30 ? (double)max : Math.Min(max, first * Math.Pow(2, beyond - 1));
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The value of a Retry-After header: whole seconds, rounded up, at least one.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public void Dispose() => _addresses.Dispose();

    private static string Key(string userName)
    {
        var key = userName.Trim().ToUpperInvariant();
        return key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
    }

    private void Sweep(DateTimeOffset now)
    {
        var forgetAfter = TimeSpan.FromMinutes(_options.ForgetAfterMinutes);
        foreach (var (key, failures) in _failures)
        {
            bool stale;
            lock (failures)
            {
                stale = now - failures.LastFailureAt > forgetAfter && failures.NextAttemptAt <= now;
            }

            if (stale)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset LastFailureAt { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; }
    }
}
