using System.Diagnostics.CodeAnalysis;

namespace Motcua.Payments.Providers;

/// <summary>What the provider says happened to a payment.</summary>
internal enum PaymentOutcome
{
    Paid,
    Cancelled,
    Failed,
}

/// <summary>What a provider needs to take a payment.</summary>
/// <param name="PaymentId">Our reference (the merchant's order number): it comes back in the callback.</param>
/// <param name="Amount">In VND (a gateway that counts in hundredths multiplies it itself).</param>
/// <param name="CallbackUrl">The absolute URL the provider sends the payer (and its result) back to.</param>
/// <param name="PayerAddress">The payer's IP address, which some gateways require.</param>
internal sealed record PaymentRequest(Guid PaymentId, string DossierCode, long Amount, Uri CallbackUrl, string? PayerAddress, DateTime CreatedAtUtc);

/// <summary>Where to send the payer's browser: the provider's payment page, usually with signed query parameters.</summary>
internal sealed record PaymentRedirect(string Url);

/// <summary>A provider's result, read from a callback whose signature was verified.</summary>
internal sealed record PaymentResult(Guid PaymentId, long Amount, PaymentOutcome Outcome, string? TransactionId);

/// <summary>
/// A payment gateway in the shape Vietnamese gateways share (VNPAY, the National Payment Platform of the
/// National Public Service Portal): the payer is redirected to the gateway with signed query parameters,
/// pays there, and comes back (and/or the gateway calls us) with a signed result. A provider only speaks
/// its protocol; payments, idempotency and the dossier are handled by <c>PaymentService</c>.
/// </summary>
internal interface IPaymentProvider
{
    /// <summary>Lower case and URL-safe: it names the callback route (<c>/api/v1/payments/callback/{name}</c>) and is kept on the payment.</summary>
    string Name { get; }

    /// <summary>Registers the payment with the gateway if it needs that, and gives the URL to send the payer to.</summary>
    Task<PaymentRedirect> StartAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the signature of a callback's parameters (the query string, or the form of a server-to-server
    /// notification) and reads the result. False for anything tampered, unsigned or incomplete.
    /// </summary>
    bool TryVerifyCallback(IReadOnlyDictionary<string, string> parameters, [NotNullWhen(true)] out PaymentResult? result);
}
