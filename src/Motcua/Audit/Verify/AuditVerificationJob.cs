using Quartz;

namespace Motcua.Audit.Verify;

/// <summary>The daily (and at start) verification of every chain, in its own DI scope.</summary>
[DisallowConcurrentExecution]
internal sealed class AuditVerificationJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var trigger = context.Trigger.Key.Name.EndsWith("-start", StringComparison.Ordinal) ? "start" : "daily";
        await scope.ServiceProvider.GetRequiredService<AuditVerification>().VerifyAsync(trigger, cancellationToken);
    }
}
