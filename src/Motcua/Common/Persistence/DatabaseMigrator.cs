using Microsoft.EntityFrameworkCore;

namespace Motcua.Common.Persistence;

/// <summary>Applies every area's pending migrations, in registration order, at start and before CLI commands.</summary>
internal sealed class DatabaseMigrator(IServiceProvider services, IEnumerable<MigratedContext> contexts, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var context in contexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(context.ContextType);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0 && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Applying {Count} migration(s) to {Context}", pending.Count, context.ContextType);
            }

            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        foreach (var work in scope.ServiceProvider.GetServices<IAfterMigration>())
        {
            await work.RunAsync(cancellationToken);
        }
    }
}
