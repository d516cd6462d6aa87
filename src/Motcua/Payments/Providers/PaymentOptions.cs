namespace Motcua.Payments.Providers;

/// <summary>Bound from the <c>Motcua:Payments</c> section (env: <c>Motcua__Payments__Provider</c> …).</summary>
internal sealed class PaymentOptions
{
    public const string SectionName = "Motcua:Payments";

    /// <summary>The value of <see cref="Provider"/> that turns online payment off.</summary>
    public const string None = "none";

    /// <summary>
    /// The provider new payments go through: <c>local-test</c> (the default, which collects no money) or
    /// <c>none</c>. Production configures a real gateway here.
    /// </summary>
    public string Provider { get; set; } = LocalTestProvider.ProviderName;

    /// <summary>
    /// The site's public address (<c>https://motcua.example.gov.vn</c>) for the callback URLs given to
    /// providers; empty means the address of the request, which is wrong behind a TLS-terminating proxy.
    /// </summary>
    public string? PublicUrl { get; set; }

    public LocalTestOptions LocalTest { get; set; } = new();
}

internal sealed class LocalTestOptions
{
    /// <summary>The signing secret of the test gateway; empty means a random one for the lifetime of the process.</summary>
    public string? Secret { get; set; }
}
