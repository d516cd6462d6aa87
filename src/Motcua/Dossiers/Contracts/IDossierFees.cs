namespace Motcua.Dossiers.Contracts;

/// <summary>How a request to record an online payment on a dossier ended.</summary>
internal enum FeeRecordingOutcome
{
    /// <summary>The payment was recorded now: the dossier's paid fee went up by the amount.</summary>
    Recorded,

    /// <summary>This payment reference was recorded before; nothing changed (a repeated callback).</summary>
    AlreadyRecorded,

    /// <summary>The dossier does not take it (unknown, withdrawn, cancelled, or the amount exceeds what is due); nothing changed.</summary>
    Refused,
}

/// <param name="Reason">Why it was refused, in English, for the log and the reconciliation.</param>
internal sealed record FeeRecording(FeeRecordingOutcome Outcome, string? Reason = null);

/// <summary>
/// The fees of dossiers for the Payments area, which never reads the dossiers' tables: what is still due
/// (asked with the applicant's lookup secret) and recording a payment collected online.
/// </summary>
internal interface IDossierFees
{
    /// <summary>
    /// The fee still due on the dossier, in VND (0 when nothing is due or no fee is collected in its
    /// state), or null when the code is unknown or the secret wrong: the two look the same.
    /// </summary>
    Task<long?> GetFeeDueAsync(string code, string? secret, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records <paramref name="amount"/> as paid online. Idempotent per <paramref name="paymentReference"/>:
    /// a reference already recorded changes nothing, also when two calls race.
    /// </summary>
    Task<FeeRecording> RecordOnlinePaymentAsync(string code, long amount, string paymentReference, CancellationToken cancellationToken = default);
}
