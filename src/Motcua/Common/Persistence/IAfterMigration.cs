namespace Motcua.Common.Persistence;

/// <summary>
/// Data work an area needs once its schema changed and that SQL alone cannot do on both providers (e.g.
/// hashes computed in .NET). Runs after every migration was applied, at start and before CLI commands,
/// and must be idempotent: it finds the rows it still has to do.
/// </summary>
internal interface IAfterMigration
{
    Task RunAsync(CancellationToken cancellationToken);
}
