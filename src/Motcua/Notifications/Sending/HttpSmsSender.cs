using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Motcua.Notifications.Sending;

/// <summary>
/// SMS or Zalo (ZNS) through an HTTP gateway (<c>Motcua:Notifications:Sms</c>, <c>…:Zalo</c>): one JSON
/// object per POST, documented in docs/notifications.md. Providers differ (brand-name SMS, ZNS templates),
/// so Motcua speaks one small format and a provider-specific relay, if needed, translates it.
/// </summary>
internal sealed class HttpSmsSender(string channel, GatewayOptions options, IHttpClientFactory clients) : INotificationSender
{
    public const string ClientName = "notification-gateway";

    private const int MaxErrorBody = 300;

    public string Channel => channel;

    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var payload = new GatewayMessage(
            message.Id,
            channel,
            message.Recipient,
            options.Sender,
            string.IsNullOrEmpty(message.Subject) ? null : message.Subject,
            message.Body,
            message.Reference);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = JsonContent.Create(payload) };
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        // The message id is stable across attempts: a gateway that honours it never sends a retry twice.
        request.Headers.Add("Idempotency-Key", message.Id.ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, timeout.Token);
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"The {channel} gateway answered HTTP {status}: {(body.Length > MaxErrorBody ? body[..MaxErrorBody] : body)}",
                null,
                response.StatusCode);
        }

        return $"{channel} gateway: HTTP {status}";
    }

    private sealed record GatewayMessage(Guid Id, string Channel, string To, string? Sender, string? Subject, string Text, string? Reference);
}
