using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Motcua.Audit.Contracts;
using Motcua.Audit.Data;
using Motcua.Common;

namespace Motcua.Audit;

/// <summary>
/// Appends entries to the audit log. An entry is written right after the audited action, in its own short
/// transaction: the actions audited live in other areas' contexts (Identity saves users itself, reads and
/// exports have no transaction at all), so one rule holds everywhere (ADR 0016). Appends are optimistic: the
/// entry takes the number after the last one of its chain and the primary key (chain, sequence) refuses a
/// concurrent writer that took the same, which then reads the new end and tries again.
/// </summary>
internal sealed partial class AuditTrail(
    IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, MotcuaMetrics metrics, ILogger<AuditTrail> logger) : IAuditTrail
{
    private const int Attempts = 8;

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var actorId = record.ActorId ?? (Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null);
        var actorName = record.ActorName ?? user?.Identity?.Name ?? (context is null ? "system" : "anonymous");
        var address = context?.Connection.RemoteIpAddress?.ToString();
        try
        {
            // Its own scope and context: never the caller's, whose change tracker may hold the audited action.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            await AppendAsync(db, actorId, Truncate(actorName, 256)!, address, record, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            metrics.AuditWriteFailures.Add(1);
            LogLost(logger, exception, record.Action, record.ObjectType, record.ObjectId, record.Detail, actorId, actorName, address);
        }
    }

    private async Task AppendAsync(AuditDbContext db, Guid? actorId, string actorName, string? address, AuditRecord record, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var at = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
            var today = VietnamTime.ToLocal(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = await db.Entries.AsNoTracking()
                .OrderByDescending(e => e.Chain).ThenByDescending(e => e.Sequence)
                .Select(e => new { e.Chain, e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);

            // A clock set back never reopens an earlier day: the log stays one ordered chain.
            var (chain, sequence) = last is null ? (today, 1L)
                : string.CompareOrdinal(last.Chain, today) >= 0 ? (last.Chain, last.Sequence + 1)
                : (today, 1L);
            var entry = new AuditEntry(
                chain, sequence, at, actorId, actorName, Truncate(address, 64), Truncate(record.Action, 60)!, Truncate(record.ObjectType, 40),
                Truncate(record.ObjectId, 300), Truncate(record.Detail, 1000), last?.Hash ?? HashChain.Genesis);
            db.Entries.Add(entry);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another writer took this number first.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Error, Message = "AUDIT ENTRY NOT WRITTEN: {Action} {ObjectType} {ObjectId} ({Detail}) by {ActorId} {ActorName} from {Address}")]
    private static partial void LogLost(ILogger logger, Exception exception, string action, string? objectType, string? objectId, string? detail, Guid? actorId, string actorName, string? address);
}
