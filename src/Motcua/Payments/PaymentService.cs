using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Motcua.Common;
using Motcua.Dossiers.Contracts;
using Motcua.Payments.Contracts;
using Motcua.Payments.Data;
using Motcua.Payments.Providers;

namespace Motcua.Payments;

/// <summary>What the payer is told when they come back from the provider.</summary>
internal enum PaymentNotice
{
    Paid,
    Cancelled,
    Failed,

    /// <summary>Paid at the provider, but the dossier would not take it (it changed meanwhile): the desk settles it.</summary>
    PaidNotRecorded,
}

internal sealed record CallbackResult(Payment Payment, PaymentNotice Notice);

/// <summary>
/// Starts payments for the fee a dossier still owes and applies the providers' verified results: the
/// payment moves from pending once, and a paid one is recorded on the dossier through
/// <see cref="IDossierFees"/>, idempotently, so repeated or concurrent callbacks credit it once.
/// </summary>
internal sealed class PaymentService(
    PaymentsDbContext db,
    IDossierFees fees,
    PaymentProviders providers,
    IOptions<PaymentOptions> options,
    IHttpContextAccessor http,
    TimeProvider time,
    ILogger<PaymentService> logger) : IOnlinePayments
{
    public bool IsAvailable => providers.Active is not null;

    public async Task<StartedPayment> StartAsync(string code, string? secret, CancellationToken cancellationToken = default)
    {
        var provider = providers.Active ?? throw new DomainException("code", "Online payment is not available; pay the fee at the one-stop desk.");
        var normalised = code.Trim().ToUpperInvariant();
        var due = await fees.GetFeeDueAsync(normalised, secret, cancellationToken) ?? throw new NotFoundException();
        var payment = Payment.Start(normalised, secret!.Trim().ToUpperInvariant(), due, provider.Name, time.GetUtcNow().UtcDateTime);
        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);

        var request = new PaymentRequest(
            payment.Id, normalised, payment.Amount, new Uri(SiteUrl(), $"api/v1/payments/callback/{provider.Name}"),
            http.HttpContext?.Connection.RemoteIpAddress?.ToString(), payment.CreatedAtUtc);
        try
        {
            var redirect = await provider.StartAsync(request, cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Payment {PaymentId} of {Amount} VND for dossier {DossierCode} started with {Provider}", payment.Id, payment.Amount, normalised, provider.Name);
            }

            return new StartedPayment(payment.Id, redirect.Url);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The payer never reached the gateway: close the attempt so it is not mistaken for one in progress.
            logger.LogError(exception, "Provider {Provider} refused to start payment {PaymentId}", provider.Name, payment.Id);
            payment.Complete(PaymentOutcome.Failed, null, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            throw new DomainException("code", "The payment provider did not answer; try again later or pay at the one-stop desk.");
        }
    }

    /// <summary>
    /// Applies a provider's callback. Null when its signature, payment or amount does not check out:
    /// nothing changes then. Throws <see cref="NotFoundException"/> for an unknown provider.
    /// </summary>
    public async Task<CallbackResult?> CompleteAsync(string providerName, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        var provider = providers.Find(providerName) ?? throw new NotFoundException();
        if (!provider.TryVerifyCallback(parameters, out var result))
        {
            logger.LogWarning("A callback for {Provider} failed signature verification", provider.Name);
            return null;
        }

        var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == result.PaymentId, cancellationToken);
        if (payment is null || payment.Provider != provider.Name || payment.Amount != result.Amount)
        {
            logger.LogWarning("A signed callback from {Provider} names payment {PaymentId} of {Amount} VND, which does not match", provider.Name, result.PaymentId, result.Amount);
            return null;
        }

        if (payment.Complete(result.Outcome, result.TransactionId, time.GetUtcNow().UtcDateTime))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Payment {PaymentId} is {Status} ({Provider} transaction {TransactionId})", payment.Id, payment.Status, provider.Name, result.TransactionId);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // A duplicate callback moved it first; its outcome stands.
                db.ChangeTracker.Clear();
                payment = await db.Payments.AsNoTracking().FirstAsync(p => p.Id == result.PaymentId, cancellationToken);
            }
        }
        else if ((payment.Status == PaymentStatus.Paid) != (result.Outcome == PaymentOutcome.Paid))
        {
            // E.g. paid after being cancelled: money may have moved without a dossier to credit.
            logger.LogWarning("Payment {PaymentId} is {Status} but {Provider} now reports {Outcome}: reconcile it with the provider", payment.Id, payment.Status, provider.Name, result.Outcome);
        }

        if (payment.Status != PaymentStatus.Paid)
        {
            return new CallbackResult(payment, payment.Status == PaymentStatus.Cancelled ? PaymentNotice.Cancelled : PaymentNotice.Failed);
        }

        // Also on a repeated callback: recording is idempotent, and this completes a recording that an
        // earlier callback could not finish (a crash between the two saves).
        var recording = await fees.RecordOnlinePaymentAsync(payment.DossierCode, payment.Amount, Reference(payment), cancellationToken);
        if (recording.Outcome == FeeRecordingOutcome.Refused)
        {
            logger.LogError("Payment {PaymentId} of {Amount} VND was paid but dossier {DossierCode} did not take it: {Reason}. The desk must settle it (refund or manual record).", payment.Id, payment.Amount, payment.DossierCode, recording.Reason);
            return new CallbackResult(payment, PaymentNotice.PaidNotRecorded);
        }

        return new CallbackResult(payment, PaymentNotice.Paid);
    }

    /// <summary>The reference recorded on the dossier: the payment's id.</summary>
    public static string Reference(Payment payment) => payment.Id.ToString("N");

    private Uri SiteUrl()
    {
        if (options.Value.PublicUrl is { Length: > 0 } configured)
        {
            return new Uri(configured.EndsWith('/') ? configured : configured + "/");
        }

        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Motcua:Payments:PublicUrl is required outside a web request.");
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }
}
