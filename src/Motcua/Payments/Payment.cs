using Motcua.Common;
using Motcua.Payments.Providers;

namespace Motcua.Payments;

internal enum PaymentStatus
{
    /// <summary>Started: the payer was sent to the provider, no result yet.</summary>
    Pending,

    Paid,

    Cancelled,

    Failed,
}

/// <summary>
/// One attempt to pay a dossier's fee online through a provider. It leaves <see cref="PaymentStatus.Pending"/>
/// once, for exactly one result: <see cref="Version"/> is a concurrency token, so of two callbacks racing
/// with the same result only one moves it, and the dossier is credited once.
/// </summary>
internal sealed class Payment
{
    private Payment()
    {
        DossierCode = LookupSecret = Provider = string.Empty;
    }

    /// <summary>Also the reference given to the provider and recorded on the dossier.</summary>
    public Guid Id { get; private set; }

    public string DossierCode { get; private set; }

    /// <summary>The applicant's lookup secret, kept only to send the browser back to the lookup page afterwards.</summary>
    public string LookupSecret { get; private set; }

    /// <summary>In VND: the fee due on the dossier when the payment started, never an amount sent by the client.</summary>
    public long Amount { get; private set; }

    public string Provider { get; private set; }

    public PaymentStatus Status { get; private set; }

    /// <summary>The provider's own transaction number, for reconciliation with its statements.</summary>
    public string? ProviderTransactionId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public int Version { get; private set; }

    public static Payment Start(string dossierCode, string lookupSecret, long amount, string provider, DateTime nowUtc)
    {
        if (amount <= 0)
        {
            throw new DomainException("code", "No fee is due for this dossier.");
        }

        return new Payment
        {
            Id = Guid.NewGuid(),
            DossierCode = dossierCode,
            LookupSecret = lookupSecret,
            Amount = amount,
            Provider = provider,
            Status = PaymentStatus.Pending,
            CreatedAtUtc = nowUtc,
            Version = 1,
        };
    }

    /// <summary>
    /// Applies the provider's verified result. Only a pending payment changes; for any other the call
    /// changes nothing and returns false (a repeated callback, or a late result after another one).
    /// </summary>
    public bool Complete(PaymentOutcome outcome, string? transactionId, DateTime nowUtc)
    {
        if (Status != PaymentStatus.Pending)
        {
            return false;
        }

        Status = outcome switch
        {
            PaymentOutcome.Paid => PaymentStatus.Paid,
            PaymentOutcome.Cancelled => PaymentStatus.Cancelled,
            _ => PaymentStatus.Failed,
        };
        ProviderTransactionId = transactionId is { Length: > 100 } ? transactionId[..100] : transactionId;
        CompletedAtUtc = nowUtc;
        Version++;
        return true;
    }
}
