using Microsoft.Extensions.DependencyInjection;

namespace Motcua.IntegrationTests;

/// <summary>
/// A clock a test sets to any moment, forwards or back: a dossier received in March 2025 must be made in
/// March 2025, under the rules of that time. It stands still between calls, so a test decides when time passes.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    private long _utcTicks = DateTimeOffset.UtcNow.UtcTicks;

    /// <summary>Vietnam wall-clock time (UTC+7), as officers and forms read it.</summary>
    public void SetVietnamTime(DateTime local) =>
        Interlocked.Exchange(ref _utcTicks, new DateTimeOffset(local, TimeSpan.FromHours(7)).UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);
}

/// <summary>A host whose application clock is a <see cref="SettableClock"/>.</summary>
public interface IClockedHost
{
    SettableClock Clock { get; }
}

public sealed class ClockedSqliteHost : SqliteHost, IClockedHost
{
    public SettableClock Clock { get; } = new();

    protected override void ReplaceServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class ClockedPostgresHost : PostgresHost, IClockedHost
{
    public SettableClock Clock { get; } = new();

    protected override void ReplaceServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
