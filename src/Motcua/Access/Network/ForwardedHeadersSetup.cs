using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Motcua.Access.Network;

/// <summary>
/// <c>Motcua:ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c>: the reverse proxies whose
/// X-Forwarded-For and X-Forwarded-Proto are believed. From anyone else the headers are ignored, so a client
/// cannot pick the address the sign-in limits count against. With none configured nothing is forwarded.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string SectionName = "Motcua:ForwardedHeaders";

    public static IServiceCollection AddForwardedHeadersFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var proxies = ReadList(section.GetSection("KnownProxies")).Select(ParseAddress).ToList();
        var networks = ReadList(section.GetSection("KnownNetworks")).Select(ParseNetwork).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework trusts loopback by default; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);

            // Several trusted proxies in a row are followed back to the first untrusted address.
            options.ForwardLimit = null;
        });
        services.AddSingleton(new ForwardedHeadersState(proxies.Count + networks.Count > 0));
        return services;
    }

    /// <summary>Accepts a list (<c>KnownProxies:0</c>, <c>KnownProxies:1</c>) or one comma-separated value.</summary>
    internal static IEnumerable<string> ReadList(IConfigurationSection section)
    {
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? string.Empty);
        return values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    internal static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{SectionName}:KnownProxies: '{value}' is not an IP address.");

    internal static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{SectionName}:KnownNetworks: '{value}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
}

internal sealed record ForwardedHeadersState(bool Enabled);
