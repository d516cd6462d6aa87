using Motcua.Payments;
using Motcua.Payments.Providers;

namespace Motcua.UnitTests.Payments;

/// <summary>The local test gateway signs its result like a real one: any change to a signed parameter makes the callback invalid.</summary>
public sealed class LocalTestSignatureFacts
{
    private const string Secret = "bí-mật-thử-nghiệm";
    private static readonly Guid PaymentId = Guid.Parse("0b7f7c1e-2f7d-4f0e-9a43-5c1f2b8e6d01");

    [Fact]
    public void A_callback_built_by_the_gateway_verifies_and_reads_back()
    {
        var parameters = Parameters(LocalTestProvider.BuildCallbackUrl(Secret, PaymentId, 75_000, PaymentOutcome.Paid, "TEST-0001"));

        Assert.True(LocalTestProvider.TryVerify(Secret, parameters, out var result));
        Assert.Equal(new PaymentResult(PaymentId, 75_000, PaymentOutcome.Paid, "TEST-0001"), result);
    }

    [Fact]
    public void The_callback_url_has_the_documented_shape()
    {
        var url = LocalTestProvider.BuildCallbackUrl(Secret, PaymentId, 75_000, PaymentOutcome.Cancelled, "TEST-0002");

        Assert.StartsWith("/api/v1/payments/callback/local-test?", url, StringComparison.Ordinal);
        Assert.Equal(["amount", "paymentId", "status", "transactionId", "signature"], Parameters(url).Keys);
        Assert.Equal("cancelled", Parameters(url)["status"]);
        Assert.Matches("^[0-9a-f]{64}$", Parameters(url)["signature"]);
    }

    public static TheoryData<string, string?> Tampering => new()
    {
        // parameter, new value (null removes it)
        { "amount", "7500" },
        { "amount", "75001" },
        { "amount", "075000" },
        { "status", "cancelled" },
        { "status", "PAID" },
        { "paymentId", Guid.NewGuid().ToString("D") },
        { "transactionId", "TEST-0002" },
        { "signature", new string('0', 64) },
        { "signature", "" },
        { "signature", null },
        { "amount", null },
        { "extra", "1" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public void A_tampered_callback_is_invalid(string parameter, string? value)
    {
        var parameters = Parameters(LocalTestProvider.BuildCallbackUrl(Secret, PaymentId, 75_000, PaymentOutcome.Paid, "TEST-0001"));
        if (value is null)
        {
            parameters.Remove(parameter);
        }
        else
        {
            parameters[parameter] = value;
        }

        Assert.False(LocalTestProvider.TryVerify(Secret, parameters, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void Another_secret_does_not_verify()
    {
        var parameters = Parameters(LocalTestProvider.BuildCallbackUrl("another secret", PaymentId, 75_000, PaymentOutcome.Paid, "TEST-0001"));

        Assert.False(LocalTestProvider.TryVerify(Secret, parameters, out _));
    }

    [Fact]
    public void A_well_signed_callback_with_an_unknown_status_is_invalid()
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["paymentId"] = PaymentId.ToString("D"),
            ["amount"] = "75000",
            ["status"] = "refunded",
            ["transactionId"] = "TEST-0001",
        };
        parameters["signature"] = LocalTestProvider.Sign(Secret, LocalTestProvider.Canonical(parameters));

        Assert.False(LocalTestProvider.TryVerify(Secret, parameters, out _));
    }

    [Fact]
    public void The_canonical_text_is_sorted_escaped_and_leaves_the_signature_out()
    {
        var canonical = LocalTestProvider.Canonical(
        [
            new("status", "paid"), new("signature", "x"), new("amount", "1"), new("note", "a b&c=đ"),
        ]);

        Assert.Equal("amount=1&note=a%20b%26c%3D%C4%91&status=paid", canonical);
    }

    [Fact]
    public void A_payment_leaves_pending_once()
    {
        var payment = Payment.Start("K1-260303-0001", "ABCD2345", 75_000, LocalTestProvider.ProviderName, DateTime.UtcNow);

        Assert.True(payment.Complete(PaymentOutcome.Paid, "TEST-1", DateTime.UtcNow));
        Assert.False(payment.Complete(PaymentOutcome.Paid, "TEST-1", DateTime.UtcNow));
        Assert.False(payment.Complete(PaymentOutcome.Cancelled, "TEST-2", DateTime.UtcNow));
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal("TEST-1", payment.ProviderTransactionId);
        Assert.Equal(2, payment.Version);
    }

    /// <summary>The query string as the callback endpoint receives it (names and values unescaped, in order).</summary>
    private static Dictionary<string, string> Parameters(string url) =>
        url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
}
