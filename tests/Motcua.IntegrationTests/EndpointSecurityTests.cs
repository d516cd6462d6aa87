using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access;

namespace Motcua.IntegrationTests;

/// <summary>
/// Everything requires a signed-in user unless it is on the short public list below: a new endpoint
/// marked <c>AllowAnonymous</c> by mistake fails this test instead of leaking a unit's data.
/// </summary>
public sealed class EndpointSecurityTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    // Pages have no method metadata ("*"); /metrics is for the Prometheus scraper (counts, no unit data).
    private static readonly string[] Public =
    [
        "* /account/denied",
        "* /account/sign-in",
        "* /account/sign-in/two-factor",
        "* /account/sign-out",
        "* /error",
        "* /health/live",
        "* /health/ready",
        "* /metrics",
        "* /nop-truc-tuyen/{unitCode}",
        "* /setup",
        "* /thanh-toan-thu/{paymentId:guid}",
        "* /thu-tuc/{unitCode}",
        "* /tra-cuu",
        "GET /api/v1/calendar/due",
        "GET /api/v1/calendar/holidays",
        "GET /api/v1/calendar/lunar",
        "GET /api/v1/payments/callback/{provider}",
        "GET /api/v1/procedures",
        "GET /api/v1/public/dossiers/{code}",
        "GET /openapi/{documentName}.json",
        "GET /scalar/favicon.svg",
        "GET /scalar/scalar.aspnetcore.js",
        "GET /scalar/scalar.js",
        "GET /scalar/{documentName?}",
        "POST /api/v1/auth/token",
        "POST /api/v1/integrations/national-portal/dossiers",
        "POST /api/v1/public/dossiers",
        "POST /api/v1/public/dossiers/{code}/files",
        "POST /api/v1/public/dossiers/{code}/payments",
        "POST /api/v1/public/dossiers/{code}/rating",
        "POST /culture",
    ];

    [Fact]
    public void Only_the_public_endpoints_allow_anonymous_callers()
    {
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var anonymous = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .SelectMany(e => Methods(e).Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(Public.SequenceEqual(anonymous), "Anonymous endpoints:\n" + string.Join("\n", anonymous));
        Assert.True(endpoints.Count > 50, $"Only {endpoints.Count} endpoints found: is the route table complete?");
    }

    [Fact]
    public async Task The_portals_push_endpoint_is_off_without_a_shared_secret()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/integrations/national-portal/dossiers") { Content = new StringContent("{}") };
        request.Headers.Add("X-Portal-Signature", "sha256=00");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/units")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/calendar/overrides")]
    [InlineData("/api/v1/calendar/revisions")]
    public async Task Private_api_endpoints_answer_401_to_anonymous_callers(string url)
    {
        var response = await host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/units")]
    [InlineData("/admin/users")]
    [InlineData("/admin/calendar")]
    [InlineData("/calendar")]
    [InlineData("/account")]
    public async Task Private_pages_send_anonymous_visitors_to_sign_in(string url)
    {
        // With no administrator at all every page would lead to the first-run page instead.
        if (await host.WithServiceAsync<UserManager<MotcuaUser>, MotcuaUser?>(users => users.FindByNameAsync("root.sec")) is null)
        {
            await host.CreateUserAsync("root.sec", "Passw0rdLong", null, TestHost.SystemAdmin);
        }

        var response = await host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task The_sign_in_page_is_served_in_vietnamese_and_in_english_on_request()
    {
        var vietnamese = await host.Client.GetStringAsync("/account/sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.AcceptLanguage.ParseAdd("en-GB");
        var english = await (await host.Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"vi\">", vietnamese, StringComparison.Ordinal);
        Assert.Contains("<h1>Đăng nhập</h1>", vietnamese, StringComparison.Ordinal);
        Assert.Contains("<h1>Sign in</h1>", english, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
}
