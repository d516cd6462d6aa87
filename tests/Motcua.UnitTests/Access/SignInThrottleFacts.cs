using CsCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Motcua.Access;
using Motcua.Access.Network;
using Motcua.Access.SignIn;

namespace Motcua.UnitTests.Access;

/// <summary>Sign-in throttling: free failures, then doubling waits up to a ceiling; never a lock-out.</summary>
public sealed class SignInThrottleFacts
{
    private static readonly SignInThrottleOptions Defaults = new();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(5, 0)]
    [InlineData(6, 15)]
    [InlineData(7, 30)]
    [InlineData(8, 60)]
    [InlineData(9, 120)]
    [InlineData(10, 240)]
    [InlineData(11, 300)]
    [InlineData(40, 300)]
    [InlineData(int.MaxValue, 300)]
    public void The_wait_doubles_after_the_free_failures_up_to_the_ceiling(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInThrottle.DelayAfter(failures, Defaults));

    [Fact]
    public void The_wait_never_shrinks_and_never_exceeds_the_ceiling() =>
        Gen.Int[0, 10_000].Sample(failures =>
        {
            var wait = SignInThrottle.DelayAfter(failures, Defaults);
            return wait <= TimeSpan.FromSeconds(Defaults.MaxDelaySeconds) && SignInThrottle.DelayAfter(failures + 1, Defaults) >= wait;
        });

    [Theory]
    [InlineData(0.001, 1)]
    [InlineData(1, 1)]
    [InlineData(1.2, 2)]
    [InlineData(14.9, 15)]
    public void Retry_after_is_whole_seconds_rounded_up(double seconds, int header) =>
        Assert.Equal(header, SignInThrottle.RetryAfterSeconds(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Failures_of_a_user_name_delay_only_that_name_whatever_its_case_and_a_success_clears_them()
    {
        var clock = new ManualClock();
        using var throttle = new SignInThrottle(Options.Create(new AccessOptions { SignIn = new SignInThrottleOptions { PermitsPerAddress = 1000 } }), clock);
        for (var i = 0; i < 6; i++)
        {
            Assert.Null(throttle.Admit("192.0.2.1", "Officer"));
            throttle.RecordFailure(" officer ");
        }

        Assert.Equal(TimeSpan.FromSeconds(15), throttle.Admit("192.0.2.2", "OFFICER"));
        Assert.Null(throttle.Admit("192.0.2.2", "someone.else"));
        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Null(throttle.Admit("192.0.2.2", "officer"));
        throttle.RecordSuccess("officer");
        throttle.RecordFailure("officer");
        Assert.Null(throttle.Admit("192.0.2.2", "officer"));
    }

    [Fact]
    public void Failures_are_forgotten_after_a_quiet_hour()
    {
        var clock = new ManualClock();
        using var throttle = new SignInThrottle(Options.Create(new AccessOptions { SignIn = new SignInThrottleOptions { PermitsPerAddress = 1000 } }), clock);
        for (var i = 0; i < 5; i++)
        {
            throttle.RecordFailure("officer");
        }

        clock.Advance(TimeSpan.FromMinutes(61));
        throttle.RecordFailure("officer");
        Assert.Null(throttle.Admit("192.0.2.1", "officer"));
    }

    [Fact]
    public void An_address_gets_its_permits_and_then_a_wait()
    {
        using var throttle = new SignInThrottle(Options.Create(new AccessOptions { SignIn = new SignInThrottleOptions { PermitsPerAddress = 3 } }), new ManualClock());
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(throttle.Admit("192.0.2.9", $"user{i}"));
        }

        Assert.NotNull(throttle.Admit("192.0.2.9", "user9"));
        Assert.Null(throttle.Admit("192.0.2.10", "user9"));
    }

    [Theory]
    [InlineData("10.0.0.1", new[] { "10.0.0.1" })]
    [InlineData("10.0.0.1, 10.0.0.2;fd00::1", new[] { "10.0.0.1", "10.0.0.2", "fd00::1" })]
    [InlineData("", new string[0])]
    public void Known_proxies_are_read_from_one_value_or_a_list(string value, string[] expected)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["P"] = value, ["L:0"] = "10.0.0.1", ["L:1"] = "10.0.0.2" }).Build();

        Assert.Equal(expected, ForwardedHeadersSetup.ReadList(configuration.GetSection("P")));
        Assert.Equal(["10.0.0.1", "10.0.0.2"], ForwardedHeadersSetup.ReadList(configuration.GetSection("L")));
    }

    [Theory]
    [InlineData("proxy.example")]
    [InlineData("10.0.0.300")]
    public void A_proxy_that_is_not_an_address_stops_the_start(string value) =>
        Assert.Throws<InvalidOperationException>(() => ForwardedHeadersSetup.ParseAddress(value));

    [Fact]
    public void Networks_are_written_in_cidr_notation()
    {
        Assert.Equal("10.0.0.0/8", ForwardedHeadersSetup.ParseNetwork("10.0.0.0/8").ToString());
        Assert.Throws<InvalidOperationException>(() => ForwardedHeadersSetup.ParseNetwork("10.0.0.0"));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
