using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Motcua.Dossiers.Data;

namespace Motcua.Dossiers.Portal;

/// <summary>What the National Public Service Portal (Cổng Dịch vụ công quốc gia) is told about a dossier.</summary>
internal sealed record PortalDossier(
    string Code, string ProcedureCode, string Status, string Channel, DateTime SubmittedAt, DateTime? ReceivedAt, DateTime? DueAt,
    DateTime? CompletedAt, DateTime? ReturnedAt, bool HasApology, int SupplementRequests, long Fee, long FeePaid, bool PaidOnline, int Version)
{
    public static PortalDossier From(Dossier d) => new(
        d.Code, d.ProcedureCode, d.Status.ToString(), d.Channel.ToString(), d.SubmittedAt, d.ReceivedAt, d.DueAt,
        d.CompletedAt, d.ReturnedAt, d.HasApology, d.SupplementRequests, d.Fee, d.FeePaid, d.PaidOnline, d.Version);
}

/// <summary>
/// The adapter to the National Public Service Portal. Every dossier is synchronised after each change;
/// the real portal's protocol is configured per province, so the HTTP adapter posts a JSON document to a
/// configured address and a local portal records what it receives (development, demos and tests).
/// </summary>
internal interface INationalPortal
{
    Task SyncAsync(PortalDossier dossier, CancellationToken cancellationToken);
}

/// <summary>Used when no portal address is configured: keeps what it was sent, so the sync state is real.</summary>
internal sealed class LocalNationalPortal : INationalPortal
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PortalDossier> _received = new();

    public IReadOnlyDictionary<string, PortalDossier> Received => _received;

    public Task SyncAsync(PortalDossier dossier, CancellationToken cancellationToken)
    {
        _received[dossier.Code] = dossier;
        return Task.CompletedTask;
    }
}

/// <summary>Posts the dossier to <c>Motcua:NationalPortal:Url</c> with the API key header the integration gateway expects.</summary>
internal sealed class HttpNationalPortal(HttpClient http, IConfiguration configuration) : INationalPortal
{
    public async Task SyncAsync(PortalDossier dossier, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration["Motcua:NationalPortal:Url"]) { Content = JsonContent.Create(dossier) };
        request.Headers.Add("X-Api-Key", configuration["Motcua:NationalPortal:ApiKey"] ?? string.Empty);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The synchronisation state of one dossier: the last version the portal acknowledged.</summary>
internal sealed class PortalSync
{
    public Guid DossierId { get; set; }

    public int SyncedVersion { get; set; }

    public DateTime? SyncedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>
/// Pushes every dossier whose version is ahead of what the portal acknowledged. Runs in the background
/// (see <see cref="PortalSyncService"/>); <see cref="SyncDueAsync"/> is the unit of work, also called by tests.
/// </summary>
internal sealed class PortalSynchroniser(DossiersDbContext db, INationalPortal portal, TimeProvider time, Indexes.Contracts.IIndexFeed indexes, ILogger<PortalSynchroniser> logger)
{
    public async Task<(int Synced, int Failed)> SyncDueAsync(int batch, CancellationToken cancellationToken)
    {
        var states = db.Set<PortalSync>();
        var due = await db.Dossiers
            .Where(d => !states.Any(s => s.DossierId == d.Id && s.SyncedVersion >= d.Version))
            .OrderBy(d => d.SubmittedAt)
            .Take(batch)
            .ToListAsync(cancellationToken);
        // One query for the batch's sync states, not one per dossier.
        var ids = due.Select(d => d.Id).ToList();
        var known = await states.Where(s => ids.Contains(s.DossierId)).ToDictionaryAsync(s => s.DossierId, cancellationToken);
        int synced = 0, failed = 0;
        var counted = new List<Dossier>();
        foreach (var dossier in due)
        {
            if (!known.TryGetValue(dossier.Id, out var state))
            {
                state = new PortalSync { DossierId = dossier.Id };
                states.Add(state);
            }

            state.Attempts++;
            try
            {
                await portal.SyncAsync(PortalDossier.From(dossier), cancellationToken);
                state.SyncedVersion = dossier.Version;
                state.SyncedAt = Common.VietnamTime.Now(time);
                state.LastError = null;
                synced++;
                counted.Add(dossier);
            }
            catch (HttpRequestException exception)
            {
                state.LastError = exception.Message.Length > 500 ? exception.Message[..500] : exception.Message;
                failed++;
                logger.LogWarning(exception, "National portal sync of {Code} (version {Version}) failed", dossier.Code, dossier.Version);
            }
        }

        // The sync rate counts received dossiers known to the portal: recorded with the sync states, atomically.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var dossier in counted)
        {
            if (Indexing.DossierFacts.Of(dossier, synced: true) is { } fact)
            {
                await indexes.RecordAsync(dossier.Code, fact, Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(transaction), new Indexes.Contracts.IndexChange("system", Indexes.Contracts.IndexChange.PortalSync), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (synced, failed);
    }

    public async Task<PortalSync?> StateAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.Set<PortalSync>().AsNoTracking().FirstOrDefaultAsync(s => s.DossierId == dossierId, cancellationToken);
}

/// <summary>The background loop; off in the Testing environment unless <c>Motcua:NationalPortal:Background</c> is true.</summary>
internal sealed class PortalSyncService(IServiceScopeFactory scopes, IHostEnvironment environment, IConfiguration configuration, ILogger<PortalSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Tests drive synchronisation explicitly, so their assertions do not race a timer.
        if (!configuration.GetValue("Motcua:NationalPortal:Background", !environment.IsEnvironment("Testing")))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (synced, failed) = await scope.ServiceProvider.GetRequiredService<PortalSynchroniser>().SyncDueAsync(200, stoppingToken);
                if (synced + failed > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("National portal sync: {Synced} synced, {Failed} failed", synced, failed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next round retries; a failing database must not stop the loop.
                logger.LogError(exception, "National portal sync round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
