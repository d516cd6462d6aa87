using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Motcua.Dossiers.Data;

namespace Motcua.Dossiers.Portal;

/// <summary>What the National Public Service Portal (Cổng Dịch vụ công quốc gia) is told about a dossier.</summary>
/// <param name="PortalReference">The portal's own reference when the dossier was submitted there.</param>
internal sealed record PortalDossier(
    string Code, string ProcedureCode, string Status, string Channel, DateTime SubmittedAt, DateTime? ReceivedAt, DateTime? DueAt,
    DateTime? CompletedAt, DateTime? ReturnedAt, bool HasApology, int SupplementRequests, long Fee, long FeePaid, bool PaidOnline, int Version,
    string? PortalReference = null)
{
    public static PortalDossier From(Dossier d) => new(
        d.Code, d.ProcedureCode, d.Status.ToString(), d.Channel.ToString(), d.SubmittedAt, d.ReceivedAt, d.DueAt,
        d.CompletedAt, d.ReturnedAt, d.HasApology, d.SupplementRequests, d.Fee, d.FeePaid, d.PaidOnline, d.Version, d.PortalReference);
}

/// <summary>
/// The adapter to the National Public Service Portal, both ways. Out: every dossier is synchronised after
/// each change. In: citizens submit on the portal; the province fetches the new submissions (or the portal
/// pushes them to <c>POST /api/v1/integrations/national-portal/dossiers</c>), downloads their files and
/// acknowledges each with our dossier code or the reason it was refused. The real portal's protocol is
/// configured per province, so the HTTP adapter speaks JSON to configured addresses and a local portal
/// keeps what it is sent and hands out what was queued on it (development, demos and tests).
/// </summary>
internal interface INationalPortal
{
    Task SyncAsync(PortalDossier dossier, CancellationToken cancellationToken);

    /// <summary>The submissions not yet acknowledged; the same submission comes again until it is.</summary>
    Task<IReadOnlyList<PortalSubmission>> FetchSubmissionsAsync(CancellationToken cancellationToken);

    /// <summary>A submitted file's content. <see cref="HttpRequestException"/> when the portal cannot give it now (try later).</summary>
    Task<byte[]> DownloadAsync(PortalDocument document, CancellationToken cancellationToken);

    /// <summary>Tells the portal what became of a submission: our dossier code, or the reason it was refused.</summary>
    Task AcknowledgeAsync(PortalAcknowledgement acknowledgement, CancellationToken cancellationToken);
}

/// <summary>
/// Used when no portal address is configured: keeps what it was sent, so the sync state is real, and hands
/// out the submissions queued on it (<see cref="Queue"/>, <see cref="AddFile"/>) until they are acknowledged.
/// </summary>
internal sealed class LocalNationalPortal : INationalPortal
{
    public const string FileScheme = "local-portal";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PortalDossier> _received = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PortalSubmission> _queued = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _files = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PortalAcknowledgement> _acknowledged = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _refused = new();

    public IReadOnlyDictionary<string, PortalDossier> Received => _received;

    /// <summary>The last acknowledgement of each submission, by the portal's reference.</summary>
    public IReadOnlyDictionary<string, PortalAcknowledgement> Acknowledged => _acknowledged;

    /// <summary>When true, downloads and acknowledgements fail as if the portal were unreachable (to try the retries).</summary>
    public bool Unreachable { get; set; }

    /// <summary>The portal refuses this dossier's synchronisation until <see cref="Accept"/> (to try the back-off).</summary>
    public void Refuse(string code) => _refused[code] = true;

    public void Accept(string code) => _refused.TryRemove(code, out _);

    /// <summary>Keeps a file "on the portal" and gives the address a submission names it by.</summary>
    public string AddFile(byte[] content)
    {
        var url = $"{FileScheme}:files/{Guid.NewGuid():N}";
        _files[url] = content;
        return url;
    }

    /// <summary>A citizen submitted on the portal: the submission waits to be fetched (again, until acknowledged).</summary>
    public void Queue(PortalSubmission submission) => _queued[submission.Reference] = submission;

    public Task SyncAsync(PortalDossier dossier, CancellationToken cancellationToken)
    {
        if (_refused.ContainsKey(dossier.Code))
        {
            throw new HttpRequestException($"The local portal refuses dossier {dossier.Code}.");
        }

        _received[dossier.Code] = dossier;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PortalSubmission>> FetchSubmissionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PortalSubmission>>([.. _queued.Values.OrderBy(s => s.SubmittedAt)]);

    public Task<byte[]> DownloadAsync(PortalDocument document, CancellationToken cancellationToken) =>
        !Unreachable && _files.TryGetValue(document.FileUrl, out var content)
            ? Task.FromResult(content)
            : throw new HttpRequestException($"The portal has no file at {document.FileUrl}.");

    public Task AcknowledgeAsync(PortalAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            throw new HttpRequestException("The local portal is set unreachable.");
        }

        _acknowledged[acknowledgement.Reference] = acknowledgement;
        _queued.TryRemove(acknowledgement.Reference, out _);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The province's integration gateway: dossiers are posted to <c>Url</c>; new submissions are fetched from
/// <c>SubmissionsUrl</c> and acknowledged to <c>AcknowledgementsUrl</c> (each only when configured); every
/// request carries the API key header the gateway expects. Files are downloaded only from the gateway's own
/// addresses, so a submission cannot make the server fetch an arbitrary URL.
/// </summary>
internal sealed class HttpNationalPortal(HttpClient http, IOptions<NationalPortalOptions> options) : INationalPortal
{
    private NationalPortalOptions Options => options.Value;

    public async Task SyncAsync(PortalDossier dossier, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, Options.Url!);
        request.Content = JsonContent.Create(dossier);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<PortalSubmission>> FetchSubmissionsAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Options.SubmissionsUrl))
        {
            return [];
        }

        using var request = Request(HttpMethod.Get, Options.SubmissionsUrl);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<PortalSubmission>>(PortalJson.Options, cancellationToken) ?? [];
    }

    public async Task<byte[]> DownloadAsync(PortalDocument document, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(document.FileUrl, UriKind.Absolute, out var url) || !Options.IsPortalAddress(url))
        {
            throw new Common.DomainException("documents", "The file {0} is not at an address of the portal.", document.FileName);
        }

        using var request = Request(HttpMethod.Get, url.ToString());
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > Files.DossierFileStore.MaxBytes)
        {
            throw new Common.DomainException("documents", "{0}: only PDF, JPEG, PNG, DOCX and XLSX files of up to 20 MB are accepted.", document.DocumentName);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public async Task AcknowledgeAsync(PortalAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        // Without an address the push response is the only acknowledgement the portal gets.
        if (string.IsNullOrEmpty(Options.AcknowledgementsUrl))
        {
            return;
        }

        using var request = Request(HttpMethod.Post, Options.AcknowledgementsUrl);
        request.Content = JsonContent.Create(acknowledgement, options: PortalJson.Options);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private HttpRequestMessage Request(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Api-Key", Options.ApiKey ?? string.Empty);
        return request;
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

    /// <summary>Failures since the last success; the wait before the next attempt grows with them.</summary>
    public int Failures { get; set; }

    /// <summary>Not tried again before this time (Vietnam time) after a failure; null when nothing failed.</summary>
    public DateTime? RetryAfter { get; set; }
}

/// <summary>
/// Pushes every dossier whose version is ahead of what the portal acknowledged. Runs in the background
/// (see <see cref="PortalSyncService"/>); <see cref="SyncDueAsync"/> is the unit of work, also called by tests.
/// </summary>
internal sealed class PortalSynchroniser(DossiersDbContext db, INationalPortal portal, TimeProvider time, Indexes.Contracts.IIndexFeed indexes, ILogger<PortalSynchroniser> logger)
{
    /// <summary>The dossiers' shadow column with the last version the portal acknowledged (see the dossiers' model).</summary>
    public const string SyncedVersion = "PortalSyncedVersion";

    public async Task<(int Synced, int Failed)> SyncDueAsync(int batch, CancellationToken cancellationToken)
    {
        var states = db.Set<PortalSync>();
        var now = Common.VietnamTime.Now(time);
        var due = await Due(db, batch, now).ToListAsync(cancellationToken);
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
                state.Failures = 0;
                state.RetryAfter = null;
                synced++;
                counted.Add(dossier);
            }
            catch (HttpRequestException exception)
            {
                state.LastError = exception.Message.Length > 500 ? exception.Message[..500] : exception.Message;
                // A dossier the portal keeps refusing waits longer each time, so it cannot hold up the others.
                state.Failures++;
                state.RetryAfter = now + RetryDelay(state.Failures);
                failed++;
                logger.LogWarning(exception, "National portal sync of {Code} (version {Version}) failed", dossier.Code, dossier.Version);
            }
        }

        // The sync rate counts received dossiers known to the portal: recorded with the sync states, atomically.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // The acknowledged versions just saved move onto the dossiers' rows in one statement; never backwards,
        // so a slower round that pushed an older version cannot make a newer one due again.
        var acknowledged = counted.Select(d => d.Id).ToList();
        await db.Dossiers
            .Where(d => acknowledged.Contains(d.Id)
                && EF.Property<int>(d, SyncedVersion) < states.Where(s => s.DossierId == d.Id).Select(s => s.SyncedVersion).First())
            .ExecuteUpdateAsync(
                set => set.SetProperty(d => EF.Property<int>(d, SyncedVersion), d => states.Where(s => s.DossierId == d.Id).Select(s => s.SyncedVersion).First()),
                cancellationToken);
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

    /// <summary>
    /// The oldest dossiers ahead of what the portal acknowledged, except those waiting after a failure. Read
    /// only: the dossiers are not changed here, so an officer's change at the same moment never conflicts. The
    /// first predicate is the partial index's own (ADR 0014), so only the dossiers that are due are read,
    /// however many exist.
    /// </summary>
    internal static IQueryable<Dossier> Due(DossiersDbContext db, int batch, DateTime now) =>
        db.Dossiers.AsNoTracking()
            .Where(d => EF.Property<int>(d, SyncedVersion) < d.Version)
            .Where(d => !db.Set<PortalSync>().Any(s => s.DossierId == d.Id && s.RetryAfter > now))
            .OrderBy(d => d.SubmittedAt)
            .Take(batch);

    /// <summary>The wait after the given number of failures in a row: 1, 2, 4, 8, 16 minutes, then 30 at most.</summary>
    public static TimeSpan RetryDelay(int failuresInARow) =>
        TimeSpan.FromMinutes(failuresInARow < 1 ? 0 : Math.Min(30, 1 << Math.Min(failuresInARow - 1, 5)));

    public async Task<PortalSync?> StateAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.Set<PortalSync>().AsNoTracking().FirstOrDefaultAsync(s => s.DossierId == dossierId, cancellationToken);
}

/// <summary>The background loop (fetch new submissions, retry acknowledgements, send changes); off in the Testing environment unless <c>Motcua:NationalPortal:Background</c> is true.</summary>
internal sealed class PortalSyncService(IServiceScopeFactory scopes, IHostEnvironment environment, IOptions<NationalPortalOptions> options, ILogger<PortalSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Tests drive synchronisation explicitly, so their assertions do not race a timer.
        if (!(options.Value.Background ?? !environment.IsEnvironment("Testing")))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();

                // Inbound first, so a dossier that just arrived is synchronised back in the same round.
                var intake = scope.ServiceProvider.GetRequiredService<PortalIntake>();
                var (accepted, refused) = await intake.PullAsync(stoppingToken);
                await intake.AcknowledgePendingAsync(stoppingToken);
                if (accepted + refused > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("National portal submissions: {Accepted} accepted, {Refused} refused", accepted, refused);
                }

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
