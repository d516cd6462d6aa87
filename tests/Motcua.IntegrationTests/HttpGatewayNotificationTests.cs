using System.Net;
using System.Text.Json;
using Motcua.Notifications;
using Motcua.Notifications.Sending;

namespace Motcua.IntegrationTests;

/// <summary>The SMS/Zalo gateway adapter: the documented JSON, the key and idempotency headers, and refusals as failures.</summary>
public sealed class HttpGatewayNotificationTests
{
    [Fact]
    public async Task A_message_is_posted_as_the_documented_json_with_its_key_and_idempotency_key()
    {
        var gateway = new RecordingHandler(HttpStatusCode.Accepted, "{\"queued\":true}");
        var sender = new HttpSmsSender("zalo", new GatewayOptions { Url = new Uri("https://gateway.test/send"), ApiKey = "secret-key", Sender = "UBND Kim Sơn" }, new Clients(gateway));
        var message = new OutgoingMessage(Guid.NewGuid(), "zalo", "+84912345678", string.Empty, "Hồ sơ K1-260303-0007 đã có kết quả.", "K1-260303-0007");

        var note = await sender.SendAsync(message, CancellationToken.None);

        var request = Assert.Single(gateway.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://gateway.test/send", request.Uri);
        Assert.Equal("Bearer secret-key", request.Authorization);
        Assert.Equal(message.Id.ToString(), request.IdempotencyKey);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(["id", "channel", "to", "sender", "subject", "text", "reference"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("zalo", json.RootElement.GetProperty("channel").GetString());
        Assert.Equal("+84912345678", json.RootElement.GetProperty("to").GetString());
        Assert.Equal("UBND Kim Sơn", json.RootElement.GetProperty("sender").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("subject").ValueKind);
        Assert.Equal("Hồ sơ K1-260303-0007 đã có kết quả.", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("zalo gateway: HTTP 202", note);
    }

    [Fact]
    public async Task A_refusal_is_a_failed_attempt_that_keeps_the_gateways_answer()
    {
        var gateway = new RecordingHandler(HttpStatusCode.PaymentRequired, "{\"error\":\"out of credit\"}");
        var sender = new HttpSmsSender("sms", new GatewayOptions { Url = new Uri("https://gateway.test/send") }, new Clients(gateway));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() =>
            sender.SendAsync(new OutgoingMessage(Guid.NewGuid(), "sms", "+84912345678", string.Empty, "Nội dung", null), CancellationToken.None));

        Assert.Equal(HttpStatusCode.PaymentRequired, failure.StatusCode);
        Assert.Contains("HTTP 402", failure.Message, StringComparison.Ordinal);
        Assert.Contains("out of credit", failure.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(gateway.Requests).Authorization);
    }

    private sealed record RecordedRequest(HttpMethod Method, string Uri, string? Authorization, string? IdempotencyKey, string Body);

    private sealed class RecordingHandler(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!.ToString(),
                request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
                await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status) { Content = new StringContent(answer) };
        }
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
