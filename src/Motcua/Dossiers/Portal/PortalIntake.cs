using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Motcua.Common;
using Motcua.Common.Files;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Dossiers.Data;
using Motcua.Organisation.Contracts;
using Motcua.Procedures.Contracts;

namespace Motcua.Dossiers.Portal;

/// <summary>Bound from <c>Motcua:NationalPortal</c> (env: <c>Motcua__NationalPortal__Url</c> …).</summary>
internal sealed class NationalPortalOptions
{
    public const string SectionName = "Motcua:NationalPortal";

    /// <summary>Where dossiers are posted; empty: the local portal (development, demos, tests).</summary>
    public string? Url { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Where new submissions are fetched (GET, a JSON array); empty: none are fetched.</summary>
    public string? SubmissionsUrl { get; set; }

    /// <summary>Where outcomes are acknowledged (POST, JSON); empty: the push response is the acknowledgement.</summary>
    public string? AcknowledgementsUrl { get; set; }

    /// <summary>
    /// The secret shared with the portal to sign pushed submissions (HMAC-SHA256 of the body); empty: the
    /// push endpoint answers 404.
    /// </summary>
    public string? InboundSecret { get; set; }

    /// <summary>Whether the background loop runs; unset: everywhere but the Testing environment.</summary>
    public bool? Background { get; set; }

    /// <summary>Whether <paramref name="url"/> is on the scheme, host and port of one of the configured portal addresses.</summary>
    public bool IsPortalAddress(Uri url) =>
        new[] { Url, SubmissionsUrl, AcknowledgementsUrl }
            .Where(a => !string.IsNullOrEmpty(a))
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var u) ? u : null)
            .Any(u => u is not null && Uri.Compare(u, url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
}

/// <summary>A dossier submitted by a citizen on the National Public Service Portal, as the portal delivers it.</summary>
/// <param name="Reference">The portal's reference of the submission (its code there): the key of idempotency.</param>
/// <param name="UnitCode">The competent unit the citizen chose on the portal.</param>
/// <param name="OnlineLevel">partial or full; null: the procedure's.</param>
internal sealed record PortalSubmission(
    string Reference, string UnitCode, string ProcedureCode, string? VariantCode, string? OnlineLevel, DateTime SubmittedAt,
    PortalApplicant Applicant, IReadOnlyList<PortalDocument>? Documents);

internal sealed record PortalApplicant([MaxLength(200)] string? Name, [MaxLength(20)] string? IdentityNumber, [MaxLength(30)] string? Phone, [MaxLength(256)] string? Email, [MaxLength(500)] string? Address);

/// <summary>A file the citizen attached on the portal, for a line of the procedure's checklist.</summary>
internal sealed record PortalDocument(string DocumentName, string FileName, string FileUrl);

/// <summary>What the portal is told: accepted with our dossier code, or refused with the reason (Vietnamese and English).</summary>
internal sealed record PortalAcknowledgement(string Reference, bool Accepted, string? DossierCode, string? Reason, string? ReasonEn);

/// <summary>The portal's JSON: camelCase, enums as names.</summary>
internal static class PortalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
}

/// <summary>
/// Every submission that arrived from the portal and what became of it, keyed by the portal's reference: a
/// repeated delivery finds it. An accepted one is final; a refused one is looked at again when it comes again
/// (nothing was created, and the unit may have started handling the procedure since).
/// </summary>
internal sealed class PortalInbound
{
    public string Reference { get; set; } = string.Empty;

    public bool Accepted { get; set; }

    public Guid? DossierId { get; set; }

    public string? DossierCode { get; set; }

    public string? ReasonVi { get; set; }

    public string? ReasonEn { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>When the portal took our answer; null until it did (retried every round).</summary>
    public DateTime? AcknowledgedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Settles two deliveries of the same refused submission arriving together.</summary>
    public int Version { get; set; }

    public PortalAcknowledgement ToAcknowledgement() => new(Reference, Accepted, DossierCode, ReasonVi, ReasonEn);
}

internal enum PortalIntakeOutcome
{
    Accepted,
    AlreadyAccepted,
    Refused,
}

internal sealed record PortalIntakeResult(PortalIntakeOutcome Outcome, string Reference, string? DossierCode, string? Field, string? ReasonVi, string? ReasonEn);

/// <summary>
/// Turns submissions from the portal into online dossiers of the competent unit, waiting for the desk's
/// completeness check like any other: checks the submission, downloads and content-checks every file before
/// anything is created, creates the dossier with its files and the record of the submission in one save
/// (idempotent on the portal's reference), and acknowledges the outcome to the portal.
/// </summary>
internal sealed class PortalIntake(
    DossiersDbContext db,
    INationalPortal portal,
    IUnitDirectory units,
    IProcedureCatalogue catalogue,
    Files.DossierFileStore store,
    ApplicantNotices notices,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer,
    ILogger<PortalIntake> logger)
{
    /// <summary>Who the history names as having created such a dossier.</summary>
    public const string Actor = "national-portal";

    /// <summary>Whether <paramref name="signature"/> (hex, optionally prefixed <c>sha256=</c>) is the HMAC-SHA256 of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static bool SignatureMatches(string secret, ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var hex = signature.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? signature[7..] : signature;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(hex.ToLowerInvariant()));
    }

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Fetches the submissions waiting on the portal and takes each in; one that cannot be now (files unreachable) waits for the next round.</summary>
    public async Task<(int Accepted, int Refused)> PullAsync(CancellationToken cancellationToken)
    {
        int accepted = 0, refused = 0;
        foreach (var submission in await portal.FetchSubmissionsAsync(cancellationToken))
        {
            try
            {
                var result = await ReceiveAsync(submission, cancellationToken);
                _ = result.Outcome == PortalIntakeOutcome.Refused ? refused++ : accepted++;
            }
            catch (HttpRequestException exception)
            {
                logger.LogWarning(exception, "National portal submission {Reference} could not be taken in now; it is fetched again next round", submission.Reference);
            }
        }

        return (accepted, refused);
    }

    /// <summary>
    /// Takes one submission in. A repeated delivery of an accepted submission changes nothing and answers
    /// the same code. <see cref="HttpRequestException"/> when a file cannot be downloaded now: nothing is
    /// recorded, the portal should deliver it again.
    /// </summary>
    public async Task<PortalIntakeResult> ReceiveAsync(PortalSubmission submission, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(submission.Reference) || submission.Reference.Trim().Length > 100)
        {
            throw new DomainException("reference", "The portal's reference is required and must be at most 100 characters.");
        }

        var reference = submission.Reference.Trim();
        for (var attempt = 1; ; attempt++)
        {
            var record = await db.Set<PortalInbound>().FirstOrDefaultAsync(r => r.Reference == reference, cancellationToken);
            if (record is { Accepted: true })
            {
                await AcknowledgeAsync(record, cancellationToken);
                return new PortalIntakeResult(PortalIntakeOutcome.AlreadyAccepted, reference, record.DossierCode, null, null, null);
            }

            try
            {
                return await TakeInAsync(submission with { Reference = reference }, record, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The same submission arrived twice at once and the other delivery saved first: read its outcome.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Sends the outcomes the portal has not taken yet (an earlier acknowledgement failed).</summary>
    public async Task<int> AcknowledgePendingAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Set<PortalInbound>().Where(r => r.AcknowledgedAt == null).OrderBy(r => r.ReceivedAt).Take(200).ToListAsync(cancellationToken);
        foreach (var record in pending)
        {
            await AcknowledgeAsync(record, cancellationToken);
        }

        return pending.Count(r => r.AcknowledgedAt is not null);
    }

    private async Task<PortalIntakeResult> TakeInAsync(PortalSubmission submission, PortalInbound? record, CancellationToken cancellationToken)
    {
        var now = VietnamTime.Now(time);
        var saved = new List<Files.DossierFile>();
        IDbContextTransaction? transaction = null;
        try
        {
            var (unit, snapshot, files) = await CheckAsync(submission, cancellationToken);

            // The number and the dossier in one transaction: a dossier that is not saved gives its number back.
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var code = await DossierCodes.NextAsync(db, unit, DateOnly.FromDateTime(now), cancellationToken);

            var a = submission.Applicant;
            var dossier = Dossier.Submit(
                new DossierSubmission(unit.Id, unit.Id, snapshot, new Applicant(a.Name ?? string.Empty, Clean(a.IdentityNumber), Clean(a.Phone), Clean(a.Email), Clean(a.Address)), Channel.Online, null, submission.Reference, OnlineLevel(submission)),
                code,
                now,
                Actor);
            foreach (var (document, content) in files)
            {
                saved.Add(await store.SaveAsync(dossier, new Files.FileUpload(document.FileName, new MemoryStream(content), content.Length, document.DocumentName, false), Actor, cancellationToken));
                dossier.AttachFile(now, Actor, document.DocumentName, Path.GetFileName(document.FileName), false);
            }

            record ??= db.Set<PortalInbound>().Add(new PortalInbound { Reference = submission.Reference, ReceivedAt = now }).Entity;
            record.Accepted = true;
            record.DossierId = dossier.Id;
            record.DossierCode = dossier.Code;
            record.ReasonVi = record.ReasonEn = null;
            record.AcknowledgedAt = null;
            record.Version++;
            db.Dossiers.Add(dossier);
            db.Events.AddRange(dossier.NewEvents);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            saved.Clear();
            await notices.AfterAsync(dossier, dossier.TakeNewEvents(), cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("National portal submission {Reference} became dossier {Code}", submission.Reference, dossier.Code);
            }

            await AcknowledgeAsync(record, cancellationToken);
            return new PortalIntakeResult(PortalIntakeOutcome.Accepted, submission.Reference, dossier.Code, null, null, null);
        }
        catch (DomainException exception)
        {
            Discard(saved);
            if (transaction is not null)
            {
                // Rolled back before the refusal is recorded, which must be kept.
                await transaction.DisposeAsync();
                transaction = null;
            }

            return await RefuseAsync(submission, record, exception, now, cancellationToken);
        }
        catch
        {
            Discard(saved);
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>Everything that can refuse a submission, checked before a code is taken or a file stored.</summary>
    private async Task<(UnitSummary Unit, ProcedureSnapshot Snapshot, List<(PortalDocument Document, byte[] Content)> Files)> CheckAsync(
        PortalSubmission submission, CancellationToken cancellationToken)
    {
        var unit = string.IsNullOrWhiteSpace(submission.UnitCode) ? null : await units.FindByCodeAsync(submission.UnitCode.Trim().ToUpperInvariant(), cancellationToken);
        if (unit is null || !unit.IsValidOn(VietnamTime.Today(time)))
        {
            throw new DomainException("unitCode", "There is no unit with code {0}.", submission.UnitCode ?? string.Empty);
        }

        var snapshot = await catalogue.FindForUnitAsync(unit.Id, submission.ProcedureCode?.Trim() ?? string.Empty, Clean(submission.VariantCode), cancellationToken)
            ?? throw new DomainException("procedureCode", "Unit {0} does not handle procedure {1} (or the variant is missing).", unit.Code, submission.ProcedureCode ?? string.Empty);
        if (snapshot.OnlineLevel == "none")
        {
            throw new DomainException("channel", "Procedure {0} is not offered online.", snapshot.ProcedureCode);
        }

        if (submission.OnlineLevel is { } level && OnlineLevel(submission) is null)
        {
            throw new DomainException("onlineLevel", "The online level must be partial or full, not {0}.", level);
        }

        if (string.IsNullOrWhiteSpace(submission.Applicant?.Name) || submission.Applicant.Name.Trim().Length > 200)
        {
            throw new DomainException("applicant.name", "The applicant's name is required and must be at most 200 characters.");
        }

        var files = new List<(PortalDocument, byte[])>();
        foreach (var document in submission.Documents ?? [])
        {
            if (snapshot.Checklist.All(c => c.Name != document.DocumentName))
            {
                throw new DomainException("documents", "{0} is not on this procedure's checklist.", document.DocumentName ?? string.Empty);
            }

            var content = await portal.DownloadAsync(document, cancellationToken);
            if (content.Length == 0 || content.Length > Files.DossierFileStore.MaxBytes || !UploadInspector.Passes(document.FileName, content, UploadRule.Documents))
            {
                throw new DomainException("documents", "{0}: only PDF, JPEG, PNG, DOCX and XLSX files of up to 20 MB are accepted.", document.DocumentName);
            }

            files.Add((document, content));
        }

        return (unit, snapshot, files);
    }

    private async Task<PortalIntakeResult> RefuseAsync(PortalSubmission submission, PortalInbound? record, DomainException exception, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var vi = In(Cultures.Vietnamese, () => exception.Localize(localizer));
        var en = string.Format(CultureInfo.InvariantCulture, exception.Message, [.. exception.Arguments]);
        var stored = record is null ? null : await db.Set<PortalInbound>().FirstOrDefaultAsync(r => r.Reference == record.Reference, cancellationToken);
        stored ??= db.Set<PortalInbound>().Add(new PortalInbound { Reference = submission.Reference, ReceivedAt = now }).Entity;
        stored.Accepted = false;
        stored.ReasonVi = Truncate(vi);
        stored.ReasonEn = Truncate(en);
        stored.AcknowledgedAt = null;
        stored.Version++;
        await db.SaveChangesAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("National portal submission {Reference} refused: {Reason}", submission.Reference, en);
        }

        await AcknowledgeAsync(stored, cancellationToken);
        return new PortalIntakeResult(PortalIntakeOutcome.Refused, submission.Reference, null, exception.Field, vi, en);
    }

    private async Task AcknowledgeAsync(PortalInbound record, CancellationToken cancellationToken)
    {
        record.Attempts++;
        try
        {
            await portal.AcknowledgeAsync(record.ToAcknowledgement(), cancellationToken);
            record.AcknowledgedAt = VietnamTime.Now(time);
            record.LastError = null;
        }
        catch (HttpRequestException exception)
        {
            // The outcome is kept; the background loop sends it again.
            record.LastError = Truncate(exception.Message, 500);
            logger.LogWarning(exception, "Acknowledging national portal submission {Reference} failed", record.Reference);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Discard(List<Files.DossierFile> saved)
    {
        // Files are written before the save that records them; a submission that fails leaves none behind.
        foreach (var file in saved)
        {
            store.Delete(file);
        }
    }

    /// <summary>The payload's online level when it is one a dossier can have; null when absent or unknown.</summary>
    private static string? OnlineLevel(PortalSubmission submission) => submission.OnlineLevel?.Trim().ToLowerInvariant() switch
    {
        "partial" => "partial",
        "full" => "full",
        _ => null,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Truncate(string text, int length = 1000) => text.Length > length ? text[..length] : text;

    private static string In(CultureInfo culture, Func<string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
