using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Motcua.Access;
using Motcua.Common.Web;

namespace Motcua.IntegrationTests;

/// <summary>
/// Every response carries the browser-side defences (ADR 0021): the Content-Security-Policy, <c>nosniff</c>,
/// no framing, no referrer outside the site; responses an endpoint produced are never cached (pages and API
/// answers carry personal data) while static files and public reference data stay cacheable; HSTS only over HTTPS.
/// </summary>
public sealed partial class SecurityHeadersTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private const string Password = "Headers-2026!";

    public static readonly TheoryData<string> AnonymousPersonal = new()
    {
        "/account/sign-in",
        "/tra-cuu",
        "/tra-cuu?code=ABC123&secret=XYZ",
        "/api/v1/public/dossiers/NOPE-1?secret=x",
        "/setup",
        "/dossiers",
        "/api/v1/dossiers",
    };

    [Theory]
    [MemberData(nameof(AnonymousPersonal))]
    public async Task Anonymous_responses_of_endpoints_carry_every_header_and_are_not_stored(string url)
    {
        await EnsureAdministratorAsync();
        var response = await host.Client.GetAsync(url);

        AssertSecurityHeaders(response, SecurityHeaders.Policy);
        AssertNotStored(response, url);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/js/site.js")]
    [InlineData("/lib/htmx/htmx.min.js")]
    [InlineData("/lib/chart.js/chart.umd.min.js")]
    [InlineData("/api/v1/procedures")]
    [InlineData("/api/v1/calendar/holidays?year=2026")]
    [InlineData("/openapi/v1.json")]
    public async Task Static_files_and_public_reference_data_carry_every_header_and_stay_cacheable(string url)
    {
        var response = await host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, SecurityHeaders.Policy);
        Assert.False(response.Headers.CacheControl?.NoStore == true, $"{url} is marked no-store.");
    }

    [Fact]
    public async Task The_api_reference_gets_its_own_policy_scoped_to_it()
    {
        var response = await host.Client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, SecurityHeaders.ScalarPolicy);
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ScalarPolicy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", SecurityHeaders.ScalarPolicy, StringComparison.Ordinal);
    }

    public static readonly TheoryData<string> SignedInUrls = new()
    {
        "/",
        "/dossiers",
        "/chi-so",
        "/ke-hoach",
        "/calendar",
        "/admin/users",
        "/admin/users/hdr-admin",
        "/admin/units",
        "/thong-bao",
        "/account",
        "/api/v1/units",
        "/api/v1/users",
        "/api/v1/dossiers",
        "/api/v1/procedures",
        "/api/v1/procedures/export",
        "/api/v1/calendar/holidays?year=2026",
    };

    [Theory]
    [MemberData(nameof(SignedInUrls))]
    public async Task Every_response_to_a_signed_in_user_carries_every_header_and_is_not_stored(string url)
    {
        var cookie = await CookieSignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);

        var response = await host.Client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}.");
        AssertSecurityHeaders(response, SecurityHeaders.Policy);
        AssertNotStored(response, url);
    }

    [Theory]
    [InlineData("/api/v1/units")]
    [InlineData("/api/v1/dossiers")]
    [InlineData("/api/v1/procedures")]
    [InlineData("/dossiers")]
    public async Task Bearer_token_answers_carry_every_header_and_are_not_stored(string url)
    {
        await EnsureAdministratorAsync();
        var client = await host.SignedInClientAsync("hdr-admin", Password);

        var response = await client.GetAsync(url);

        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}.");
        AssertSecurityHeaders(response, SecurityHeaders.Policy);
        AssertNotStored(response, url);
    }

    [Fact]
    public async Task A_refused_form_post_a_redirect_and_an_unknown_address_carry_every_header()
    {
        await EnsureAdministratorAsync();
        var (token, antiforgeryCookie) = await SignInFormAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "hdr-admin",
                ["Password"] = "wrong-password",
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);

        var refused = await host.Client.SendAsync(request);
        var redirect = await host.Client.GetAsync("/dossiers");
        var missing = await host.Client.GetAsync("/no-such-page/at-all.txt");

        AssertSecurityHeaders(refused, SecurityHeaders.Policy);
        AssertNotStored(refused, "POST /account/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        AssertSecurityHeaders(redirect, SecurityHeaders.Policy);
        AssertSecurityHeaders(missing, SecurityHeaders.Policy);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var https = host.App.GetTestClient();
        https.BaseAddress = new Uri("https://motcua.example.gov.vn");

        var overHttps = await https.GetAsync("/account/sign-in");
        var overHttp = await host.Client.GetAsync("/account/sign-in");

        Assert.True(overHttps.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "No HSTS over HTTPS.");
        Assert.StartsWith("max-age=", hsts.Single(), StringComparison.Ordinal);
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"), "HSTS sent over plain HTTP.");
        AssertSecurityHeaders(overHttps, SecurityHeaders.Policy);
    }

    [Fact]
    public void The_policy_allows_no_inline_or_evaluated_script_and_no_plugin_framing_or_foreign_base()
    {
        var directives = SecurityHeaders.Policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);

        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["style-src-elem"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.Policy, StringComparison.Ordinal);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string policy)
    {
        var url = response.RequestMessage?.RequestUri?.PathAndQuery;
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{url}: no Content-Security-Policy.");
        Assert.Equal(policy, Assert.Single(csp));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    private static void AssertNotStored(HttpResponseMessage response, string url) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} ({(int)response.StatusCode}) may be stored: Cache-Control '{response.Headers.CacheControl}'.");

    private async Task EnsureAdministratorAsync()
    {
        // Tests of the class share the host: the first one creates the administrator (and ends the first run).
        if (!await host.WithServiceAsync<UserManager<MotcuaUser>, bool>(async users => await users.FindByNameAsync("hdr-admin") is not null))
        {
            await host.CreateUserAsync("hdr-admin", Password, null, TestHost.SystemAdmin);
        }
    }

    private async Task<(string Token, string Cookie)> SignInFormAsync()
    {
        var page = await host.Client.GetAsync("/account/sign-in");
        var html = await page.Content.ReadAsStringAsync();
        var token = FormToken().Match(html).Groups[1].Value;
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (token, cookie);
    }

    /// <summary>Signs in through the form, as a browser does, and returns the Cookie header to send.</summary>
    private async Task<string> CookieSignInAsync()
    {
        await EnsureAdministratorAsync();
        var (token, antiforgeryCookie) = await SignInFormAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "hdr-admin",
                ["Password"] = Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertSecurityHeaders(response, SecurityHeaders.Policy);
        AssertNotStored(response, "POST /account/sign-in");
        var auth = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("motcua.auth=", StringComparison.Ordinal));
        return antiforgeryCookie + "; " + auth;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
