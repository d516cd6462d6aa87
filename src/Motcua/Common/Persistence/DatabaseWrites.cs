using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Motcua.Common.Persistence;

/// <summary>
/// Whether the current request has saved anything yet (changes saved, a transaction committed, a statement
/// that changes rows run), so that a request is only ever run again when doing so cannot save twice.
/// </summary>
internal static class DatabaseWrites
{
    private static readonly AsyncLocal<Tracker?> Current = new();

    public static readonly IInterceptor[] Interceptors = [new SaveInterceptor(), new CommitInterceptor(), new CommandInterceptor()];

    /// <summary>Starts tracking the writes of the code that runs from here on (this request).</summary>
    public static Tracker Begin()
    {
        var tracker = new Tracker();
        Current.Value = tracker;
        return tracker;
    }

    private static void Wrote()
    {
        if (Current.Value is { } tracker)
        {
            tracker.Written = true;
        }
    }

    internal sealed class Tracker
    {
        public bool Written { get; set; }
    }

    private sealed class SaveInterceptor : SaveChangesInterceptor
    {
        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Wrote();
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Wrote();
            return result;
        }
    }

    private sealed class CommitInterceptor : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Wrote();
            return Task.CompletedTask;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wrote();
    }

    /// <summary><c>ExecuteUpdate</c>, <c>ExecuteDelete</c> and raw statements outside a transaction commit at once.</summary>
    private sealed class CommandInterceptor : DbCommandInterceptor
    {
        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Wrote();
            return ValueTask.FromResult(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Wrote();
            return result;
        }
    }
}
