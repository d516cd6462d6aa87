namespace Motcua.Payments.Contracts;

/// <summary>A payment that was started: where to send the payer's browser.</summary>
internal sealed record StartedPayment(Guid PaymentId, string RedirectUrl);

/// <summary>Online fee payment for the other areas (the citizen's lookup page offers it).</summary>
internal interface IOnlinePayments
{
    /// <summary>Whether a payment provider is configured; without one, pages offer no online payment.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Starts paying the fee still due on a dossier; the amount comes from the dossier, never from the caller.
    /// Throws <c>NotFoundException</c> when the code and the secret do not match, and <c>DomainException</c>
    /// when nothing is due or no provider is available.
    /// </summary>
    Task<StartedPayment> StartAsync(string code, string? secret, CancellationToken cancellationToken = default);
}
