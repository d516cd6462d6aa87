using Quartz;

namespace Motcua.Plans.Scheduling;

/// <summary>Work the scheduler runs: idempotent, for the latest slot of its schedule that is due at the time it runs.</summary>
internal interface IScheduledPlansWork
{
    /// <summary>Does what the latest due slot asks unless it was done already; returns what it did, for the log.</summary>
    Task<string> RunDueAsync(CancellationToken cancellationToken);
}

/// <summary>A Quartz job that runs one kind of scheduled work in its own DI scope.</summary>
[DisallowConcurrentExecution]
internal abstract class PlansJob<TWork>(IServiceScopeFactory scopes, ILogger logger) : IJob
    where TWork : IScheduledPlansWork
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<TWork>().RunDueAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Plans job {Job}: {Outcome}", typeof(TWork).Name, outcome);
        }
    }
}
