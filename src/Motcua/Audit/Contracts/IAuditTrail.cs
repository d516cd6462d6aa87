namespace Motcua.Audit.Contracts;

/// <summary>
/// One thing to audit: what was done (<paramref name="Action"/>, e.g. <c>user.disable</c>) to which object.
/// The actor and the client address are taken from the current request unless given (a sign-in names the
/// user who tried; the command line has no request).
/// </summary>
internal sealed record AuditRecord(string Action, string? ObjectType = null, string? ObjectId = null, string? Detail = null)
{
    public Guid? ActorId { get; init; }

    public string? ActorName { get; init; }
}

/// <summary>
/// The append-only, hash-chained audit log (ADR 0016). Recording never throws: an entry that cannot be
/// written is logged as an error with its whole content and counted (<c>motcua.audit.write_failures</c>),
/// so the audited action itself is never broken by its audit.
/// </summary>
internal interface IAuditTrail
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);
}

/// <summary>The actions recorded, as stored in the <c>action</c> column.</summary>
internal static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string UserCreate = "user.create";
    public const string UserUpdate = "user.update";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserUnlock = "user.unlock";
    public const string UserTwoFactorReset = "user.two-factor-reset";
    public const string DossierView = "dossier.view";
    public const string DossierFileDownload = "dossier.file-download";
    public const string DossierFormDownload = "dossier.form-download";
    public const string Export = "export";
    public const string Import = "import";
    public const string ChainsVerified = "audit.verify";
}
