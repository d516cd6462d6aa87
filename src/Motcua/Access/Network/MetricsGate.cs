using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Motcua.Access.Network;

/// <summary>
/// <c>/metrics</c> answers only the machine itself (loopback, and not relayed by a proxy that is not a known
/// one) or a scraper that sends <c>Authorization: Bearer</c> with <c>Motcua:Metrics:Token</c>; everyone else
/// gets 404, as if there were nothing there.
/// </summary>
internal sealed class MetricsGate(RequestDelegate next, IConfiguration configuration)
{
    public const string Path = "/metrics";

    private readonly byte[]? _token = configuration["Motcua:Metrics:Token"] is { Length: > 0 } token ? Encoding.UTF8.GetBytes(token) : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Path) || IsLocal(context) || HasToken(context))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A loopback peer that still carries X-Forwarded-For is a local proxy nobody declared as known: the request
    /// comes from outside.
    /// </summary>
    internal static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For");

    private bool HasToken(HttpContext context)
    {
        if (_token is null)
        {
            return false;
        }

        var header = context.Request.Headers[HeaderNames.Authorization].ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var sent = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(sent, _token);
    }
}
