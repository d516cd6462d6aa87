using System.Text;
using Motcua.Dossiers.Portal;

namespace Motcua.UnitTests.Dossiers;

/// <summary>What authenticates a pushed submission, and where the server may fetch a submission's files from.</summary>
public sealed class PortalIntakeFacts
{
    private const string Secret = "shared-secret";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"reference":"G22-1","unitCode":"K1"}""");

    [Fact]
    public void The_signature_is_the_hmac_sha256_of_the_body_in_hex_with_or_without_its_prefix()
    {
        var signature = PortalIntake.Sign(Secret, Body);

        Assert.Matches("^[0-9a-f]{64}$", signature);
        Assert.True(PortalIntake.SignatureMatches(Secret, Body, signature));
        Assert.True(PortalIntake.SignatureMatches(Secret, Body, "sha256=" + signature));
        Assert.True(PortalIntake.SignatureMatches(Secret, Body, "sha256=" + signature.ToUpperInvariant()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=00")]
    public void A_missing_or_malformed_signature_does_not_match(string? signature) =>
        Assert.False(PortalIntake.SignatureMatches(Secret, Body, signature));

    [Fact]
    public void Another_secret_or_a_changed_body_does_not_match()
    {
        var signature = PortalIntake.Sign(Secret, Body);
        var changed = Encoding.UTF8.GetBytes("""{"reference":"G22-2","unitCode":"K1"}""");

        Assert.False(PortalIntake.SignatureMatches("other-secret", Body, signature));
        Assert.False(PortalIntake.SignatureMatches(Secret, changed, signature));
    }

    [Theory]
    [InlineData("https://gateway.example.gov.vn/files/1.pdf", true)]
    [InlineData("https://GATEWAY.example.gov.vn/other/2.pdf", true)]
    [InlineData("http://gateway.example.gov.vn/files/1.pdf", false)]
    [InlineData("https://gateway.example.gov.vn:8443/files/1.pdf", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)]
    [InlineData("https://evil.example.com/files/1.pdf", false)]
    public void Files_are_fetched_only_from_the_portals_own_addresses(string url, bool allowed)
    {
        var options = new NationalPortalOptions { Url = "https://gateway.example.gov.vn/dossiers", SubmissionsUrl = "https://gateway.example.gov.vn/submissions" };

        Assert.Equal(allowed, options.IsPortalAddress(new Uri(url)));
    }
}
