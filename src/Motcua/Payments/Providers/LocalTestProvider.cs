using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Motcua.Payments.Providers;

/// <summary>
/// A payment "gateway" inside Motcua for trying the flow end to end: its payment page is
/// <c>/thanh-toan-thu/{paymentId}</c>, where the payer presses pay or cancel and is sent to the callback
/// with a result signed like a real gateway's (HMAC-SHA256 over the canonical query string). It collects
/// no money: production configures a real provider instead.
/// </summary>
internal sealed class LocalTestProvider : IPaymentProvider
{
    public const string ProviderName = "local-test";

    public const string CallbackPath = "/api/v1/payments/callback/" + ProviderName;

    private const string SignatureParameter = "signature";

    public LocalTestProvider(IOptions<PaymentOptions> options)
    {
        // A random secret still makes every callback unforgeable; it only has to outlive the payments
        // started by this process.
        Secret = options.Value.LocalTest.Secret is { Length: > 0 } configured
            ? configured
            : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    public string Name => ProviderName;

    /// <summary>The signing secret, shared by the test gateway page (which signs) and the callback (which verifies).</summary>
    internal string Secret { get; }

    public Task<PaymentRedirect> StartAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentRedirect(GatewayPath(request.PaymentId)));

    public bool TryVerifyCallback(IReadOnlyDictionary<string, string> parameters, [NotNullWhen(true)] out PaymentResult? result) =>
        TryVerify(Secret, parameters, out result);

    /// <summary>The test gateway's payment page.</summary>
    public static string GatewayPath(Guid paymentId) => $"/thanh-toan-thu/{paymentId:D}";

    /// <summary>The signed callback URL the test gateway sends the payer to once they pressed pay or cancel.</summary>
    public string CallbackUrl(Guid paymentId, long amount, PaymentOutcome outcome, string transactionId) =>
        BuildCallbackUrl(Secret, paymentId, amount, outcome, transactionId);

    /// <summary>
    /// The callback URL for a result: <c>/api/v1/payments/callback/local-test?amount=…&amp;paymentId=…&amp;status=paid|cancelled|failed&amp;transactionId=…&amp;signature=…</c>.
    /// Used by the gateway page and by the tests, so both sign exactly the same way.
    /// </summary>
    internal static string BuildCallbackUrl(string secret, Guid paymentId, long amount, PaymentOutcome outcome, string transactionId)
    {
        var canonical = Canonical(
        [
            new("paymentId", paymentId.ToString("D")),
            new("amount", amount.ToString(CultureInfo.InvariantCulture)),
            new("status", StatusText(outcome)),
            new("transactionId", transactionId),
        ]);
        return $"{CallbackPath}?{canonical}&{SignatureParameter}={Sign(secret, canonical)}";
    }

    /// <summary>
    /// Every parameter but the signature, sorted by name (ordinal), as <c>name=value</c> pairs escaped
    /// like a URL and joined with <c>&amp;</c>: a parameter added, removed or changed changes the text.
    /// </summary>
    internal static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => !string.Equals(p.Key, SignatureParameter, StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>HMAC-SHA256 of the canonical text under the secret, in lower-case hexadecimal.</summary>
    internal static string Sign(string secret, string canonical) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical)));

    internal static bool TryVerify(string secret, IReadOnlyDictionary<string, string> parameters, [NotNullWhen(true)] out PaymentResult? result)
    {
        result = null;
        if (!parameters.TryGetValue(SignatureParameter, out var signature) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, Canonical(parameters)));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return false;
        }

        if (!parameters.TryGetValue("paymentId", out var id) || !Guid.TryParseExact(id, "D", out var paymentId)
            || !parameters.TryGetValue("amount", out var amountText) || !long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || !parameters.TryGetValue("status", out var status) || ParseStatus(status) is not { } outcome
            || !parameters.TryGetValue("transactionId", out var transactionId) || string.IsNullOrWhiteSpace(transactionId))
        {
            return false;
        }

        result = new PaymentResult(paymentId, amount, outcome, transactionId);
        return true;
    }

    private static string StatusText(PaymentOutcome outcome) => outcome switch
    {
        PaymentOutcome.Paid => "paid",
        PaymentOutcome.Cancelled => "cancelled",
        _ => "failed",
    };

    private static PaymentOutcome? ParseStatus(string status) => status switch
    {
        "paid" => PaymentOutcome.Paid,
        "cancelled" => PaymentOutcome.Cancelled,
        "failed" => PaymentOutcome.Failed,
        _ => null,
    };
}
