namespace Motcua.Dossiers;

internal sealed record DossierDocumentResponse(string Name, int Originals, int Copies, bool Provided, bool Digitised, bool Reused);

internal sealed record DossierEventResponse(int Sequence, DateTime At, string Actor, string Action, DossierStatus? FromStatus, DossierStatus ToStatus, string? Department, string? Holder, DateTime? DueAt, string? Note);

/// <summary>Whether the National Public Service Portal has the dossier's current version.</summary>
internal sealed record PortalSyncResponse(bool UpToDate, int SyncedVersion, DateTime? SyncedAt, int Attempts, string? LastError, DateTime? RetryAfter);

/// <summary>A dossier as officers see it (the applicant's public view is <see cref="Lookup.PublicDossierResponse"/>).</summary>
/// <param name="PortalReference">The National Public Service Portal's reference when the dossier was submitted there.</param>
internal sealed record DossierResponse(
    string Code,
    string Secret,
    string ProcedureCode,
    string ProcedureName,
    string VariantCode,
    Channel Channel,
    DossierStatus Status,
    Applicant Applicant,
    DateTime SubmittedAt,
    DateTime? ReceivedAt,
    DateTime? OriginalDueAt,
    DateTime? DueAt,
    long CalendarRevision,
    bool Overdue,
    bool LateWithoutApology,
    int SupplementRequests,
    DateTime? ApologyAt,
    string? DepartmentCode,
    string? Specialist,
    string? OtherAgency,
    DateTime? CompletedAt,
    DateTime? ReturnedAt,
    Channel? ReturnChannel,
    bool ElectronicResult,
    bool DigitisedResult,
    long Fee,
    long FeePaid,
    Rating? Rating,
    int Version,
    IReadOnlyList<DossierDocumentResponse> Documents,
    IReadOnlyList<DossierEventResponse>? Events,
    PortalSyncResponse? PortalSync = null,
    string? PortalReference = null)
{
    public static DossierResponse From(Dossier d, DateTime now, IReadOnlyList<DossierEvent>? events = null, Portal.PortalSync? sync = null) => new(
        d.Code,
        d.Secret,
        d.ProcedureCode,
        d.ProcedureName,
        d.VariantCode,
        d.Channel,
        d.Status,
        d.Applicant,
        d.SubmittedAt,
        d.ReceivedAt,
        d.OriginalDueAt,
        d.DueAt,
        d.CalendarRevision,
        d.IsOverdue(now),
        (d.IsOverdue(now) || d.CompletedLate) && !d.HasApology,
        d.SupplementRequests,
        d.ApologyAt,
        d.DepartmentCode,
        d.Specialist,
        d.OtherAgency,
        d.CompletedAt,
        d.ReturnedAt,
        d.ReturnChannel,
        d.ElectronicResult,
        d.DigitisedResult,
        d.Fee,
        d.FeePaid,
        d.Rating,
        d.Version,
        [.. d.Documents.Select(x => new DossierDocumentResponse(x.Name, x.Originals, x.Copies, x.Provided, x.Digitised, x.Reused))],
        events?.Select(e => new DossierEventResponse(e.Sequence, e.At, e.Actor, e.Action, e.FromStatus, e.ToStatus, e.Department, e.Holder, e.DueAt, e.Note)).ToList(),
        events is null ? null : new PortalSyncResponse(sync is not null && sync.SyncedVersion >= d.Version, sync?.SyncedVersion ?? 0, sync?.SyncedAt, sync?.Attempts ?? 0, sync?.LastError, sync?.RetryAfter),
        d.PortalReference);
}
