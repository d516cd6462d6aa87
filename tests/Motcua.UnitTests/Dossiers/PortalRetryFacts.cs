using Motcua.Dossiers.Portal;

namespace Motcua.UnitTests.Dossiers;

/// <summary>How long a dossier the national portal refused waits before the next attempt.</summary>
public sealed class PortalRetryFacts
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(7, 30)]
    [InlineData(1000, 30)]
    public void The_wait_doubles_from_one_minute_up_to_thirty(int failuresInARow, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), PortalSynchroniser.RetryDelay(failuresInARow));
}
