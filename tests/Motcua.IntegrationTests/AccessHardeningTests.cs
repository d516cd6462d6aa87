using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// Hosts where a request says which address it comes from (<c>X-Test-Peer</c>; otherwise each request gets
/// an address of its own), with a low sign-in limit per address, one known proxy and a metrics token.
/// </summary>
internal static class AccessTestSettings
{
    public const string PeerHeader = "X-Test-Peer";
    public const string KnownProxy = "10.9.9.9";
    public const string MetricsToken = "metrics-token-for-tests";
    public const int PermitsPerAddress = 5;

    private static int _addresses;

    public static IEnumerable<string> Arguments =>
    [
        $"--Motcua:Access:SignIn:PermitsPerAddress={PermitsPerAddress}",
        $"--Motcua:ForwardedHeaders:KnownProxies={KnownProxy}",
        $"--Motcua:Metrics:Token={MetricsToken}",
    ];

    /// <summary>A client address no other request in this run used.</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"198.18.{(n >> 8) & 255}.{n & 255}";
    }

    public static void AddPeerAddresses(IServiceCollection services) => services.AddSingleton<IStartupFilter, PeerAddressFilter>();

    /// <summary>The in-memory test server has no sockets; this plays the part of the connection's address.</summary>
    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(
                    context.Request.Headers.TryGetValue(PeerHeader, out var peer) ? peer.ToString() : NewAddress());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class AccessSqliteHost : SqliteHost
{
    protected override IEnumerable<string> ExtraArguments => AccessTestSettings.Arguments;

    protected override void ReplaceServices(IServiceCollection services) => AccessTestSettings.AddPeerAddresses(services);
}

public sealed class AccessPostgresHost : PostgresHost
{
    protected override IEnumerable<string> ExtraArguments => AccessTestSettings.Arguments;

    protected override void ReplaceServices(IServiceCollection services) => AccessTestSettings.AddPeerAddresses(services);
}

/// <summary>
/// Issue 12, access: disabled users cannot sign in, security changes end cookies and bearer tokens at once,
/// sign-in is throttled per address and user name without lock-outs, forwarded headers only from known
/// proxies, /metrics closed, antiforgery on cookie-authenticated API writes; on both databases.
/// </summary>
public abstract class AccessHardeningTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";
    private const string NewPassword = "N3wPassw0rdLonger";

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("AP")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("AP", "Tỉnh Truy Cập", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("AC1", "Xã Một", UnitKind.Commune, "AP", new DateOnly(2025, 7, 1)));
            await units.CreateAsync(new NewUnit("AC2", "Xã Hai", UnitKind.Commune, "AP", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("root.access", Password, null, Roles.SystemAdmin);
    }

    [Fact]
    public async Task A_disabled_user_gets_neither_a_token_nor_a_cookie_and_the_same_answer_as_a_wrong_password()
    {
        await SeedAsync();
        await host.CreateUserAsync("off.user", Password, "AC1", Roles.Specialist);
        var root = await host.SignedInClientAsync("root.access", Password);
        Assert.True((await root.PostAsync("/api/v1/users/off.user/disable", null)).IsSuccessStatusCode);

        var disabled = await TokenAsync("off.user", Password);
        var wrong = await TokenAsync("off.user", "Wr0ngPassword");
        var unknown = await TokenAsync("nobody.at.all", Password);
        var browser = new CookieBrowser(host.Client);
        var form = await browser.SignInAsync("off.user", Password);

        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var answer = await AnswerAsync(disabled);
        Assert.Equal(await AnswerAsync(wrong), answer);
        Assert.Equal(await AnswerAsync(unknown), answer);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.False(browser.Has("motcua.auth"));
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.True((await root.PostAsync("/api/v1/users/off.user/enable", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("off.user", Password)).StatusCode);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("roles")]
    [InlineData("unit")]
    [InlineData("password")]
    [InlineData("two-factor")]
    public async Task A_security_change_ends_the_users_cookies_and_bearer_tokens_at_once(string change)
    {
        await SeedAsync();
        var userName = "changed." + change;
        await host.CreateUserAsync(userName, Password, "AC1", Roles.Specialist);
        var token = await BearerAsync(userName, Password);
        var browser = new CookieBrowser(host.Client);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(userName, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithBearer(HttpMethod.Get, "/api/v1/units", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/units")).StatusCode);

        var root = await host.SignedInClientAsync("root.access", Password);
        var done = change switch
        {
            "disable" => await root.PostAsync($"/api/v1/users/{userName}/disable", null),
            "roles" => await root.PutAsJsonAsync($"/api/v1/users/{userName}", new { fullName = userName, unitCode = "AC1", roles = new[] { Roles.ReceivingOfficer } }),
            "unit" => await root.PutAsJsonAsync($"/api/v1/users/{userName}", new { fullName = userName, unitCode = "AC2", roles = new[] { Roles.Specialist } }),
            "password" => await root.PostAsJsonAsync($"/api/v1/users/{userName}/password", new { password = NewPassword }),
            _ => null,
        };
        if (done is null)
        {
            await host.WithServiceAsync<UserAdministration, object>(async users =>
            {
                await users.ResetTwoFactorAsync(userName);
                return new object();
            });
        }

        Assert.True(done?.IsSuccessStatusCode ?? true, done is null ? null : await done.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithBearer(HttpMethod.Get, "/api/v1/units", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/units")).StatusCode);
        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/sign-in", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(browser.Has("motcua.auth"));
        if (change != "disable")
        {
            // A new sign-in gets a session that works.
            var fresh = await BearerAsync(userName, change == "password" ? NewPassword : Password);
            Assert.Equal(HttpStatusCode.OK, (await WithBearer(HttpMethod.Get, "/api/v1/units", fresh)).StatusCode);
        }
    }

    [Fact]
    public async Task Changing_ones_own_two_factor_setup_keeps_ones_own_session()
    {
        await SeedAsync();
        await host.CreateUserAsync("self.service", Password, "AC1", Roles.Specialist);
        var browser = new CookieBrowser(host.Client);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("self.service", Password)).StatusCode);

        // Starting the set-up draws a new key (a new security stamp); turning it off draws another.
        var started = await browser.PostPageAsync("/account", "StartTwoFactor");
        var afterStart = await browser.GetAsync("/account");
        var turnedOff = await browser.PostPageAsync("/account", "DisableTwoFactor");
        var afterOff = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterStart.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, turnedOff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterOff.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_do_not_lock_an_officer_out_and_more_get_429_with_retry_after()
    {
        await SeedAsync();
        await host.CreateUserAsync("slow.user", Password, "AC1", Roles.Specialist);

        // A stranger types five wrong passwords: the officer still signs in.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("slow.user", "Wr0ngPassword")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("slow.user", Password)).StatusCode);

        // Beyond the free failures each attempt waits, for a known and an unknown user name alike.
        foreach (var name in new[] { "slow.user", "no.such.user" })
        {
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 6; i++)
            {
                answers.Add(await TokenAsync(name, "Wr0ngPassword"));
            }

            var throttled = await TokenAsync(name, name == "slow.user" ? Password : "Wr0ngPassword");

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
            Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
            Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
            var retryAfter = int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 15);
        }

        // The sign-in form shares the limits and says so in Vietnamese.
        var form = await new CookieBrowser(host.Client).SignInAsync("slow.user", Password);
        Assert.Equal((HttpStatusCode)429, form.StatusCode);
        Assert.True(form.Headers.Contains("Retry-After"));
        Assert.Contains("Vui lòng thử lại sau", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_is_limited_per_client_address()
    {
        await SeedAsync();
        var address = AccessTestSettings.NewAddress();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < AccessTestSettings.PermitsPerAddress; i++)
        {
            answers.Add((await TokenAsync($"guess.{i}", "Wr0ngPassword", address)).StatusCode);
        }

        var throttled = await TokenAsync("guess.last", "Wr0ngPassword", address);
        var elsewhere = await TokenAsync("guess.last", "Wr0ngPassword");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.True(int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_known_proxies()
    {
        await SeedAsync();

        // Behind the known proxy the limit counts the real client address.
        for (var i = 0; i < AccessTestSettings.PermitsPerAddress; i++)
        {
            await TokenAsync($"fwd.{i}", "Wr0ngPassword", AccessTestSettings.KnownProxy, "198.51.100.7");
        }

        var firstClient = await TokenAsync("fwd.x", "Wr0ngPassword", AccessTestSettings.KnownProxy, "198.51.100.7");
        var secondClient = await TokenAsync("fwd.x", "Wr0ngPassword", AccessTestSettings.KnownProxy, "198.51.100.8");

        // Anyone else cannot choose the address it is counted as.
        var stranger = AccessTestSettings.NewAddress();
        for (var i = 0; i < AccessTestSettings.PermitsPerAddress; i++)
        {
            await TokenAsync($"spoof.{i}", "Wr0ngPassword", stranger, $"192.0.2.{i + 1}");
        }

        var spoofed = await TokenAsync("spoof.x", "Wr0ngPassword", stranger, "192.0.2.200");

        Assert.Equal((HttpStatusCode)429, firstClient.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secondClient.StatusCode);
        Assert.Equal((HttpStatusCode)429, spoofed.StatusCode);

        // The sign-in cookie is Secure when the proxy says the original request was HTTPS.
        var proxied = new CookieBrowser(host.Client, AccessTestSettings.KnownProxy);
        proxied.Headers["X-Forwarded-For"] = "198.51.100.20";
        proxied.Headers["X-Forwarded-Proto"] = "https";
        var direct = new CookieBrowser(host.Client);
        direct.Headers["X-Forwarded-Proto"] = "https";
        var viaProxy = await proxied.SignInAsync("root.access", Password);
        var notViaProxy = await direct.SignInAsync("root.access", Password);

        Assert.Contains("secure", AuthCookie(viaProxy), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", AuthCookie(notViaProxy), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Metrics_answer_the_machine_itself_or_the_metrics_token_only()
    {
        await SeedAsync();
        async Task<HttpStatusCode> MetricsAsync(string peer, string? forwardedFor = null, string? token = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            request.Headers.Add(AccessTestSettings.PeerHeader, peer);
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }

            if (token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            return (await host.Client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await MetricsAsync("127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, await MetricsAsync("::1"));
        Assert.Equal(HttpStatusCode.NotFound, await MetricsAsync(AccessTestSettings.NewAddress()));
        Assert.Equal(HttpStatusCode.OK, await MetricsAsync(AccessTestSettings.NewAddress(), token: AccessTestSettings.MetricsToken));
        Assert.Equal(HttpStatusCode.NotFound, await MetricsAsync(AccessTestSettings.NewAddress(), token: "not-the-token"));

        // A local proxy nobody declared relays outsiders: they are not the machine itself.
        Assert.Equal(HttpStatusCode.NotFound, await MetricsAsync("127.0.0.1", forwardedFor: "198.51.100.30"));
        Assert.Equal(HttpStatusCode.NotFound, await MetricsAsync(AccessTestSettings.KnownProxy, forwardedFor: "198.51.100.31"));
    }

    [Fact]
    public async Task Cookie_authenticated_api_writes_need_the_antiforgery_token_and_bearer_writes_do_not()
    {
        await SeedAsync();
        var browser = new CookieBrowser(host.Client);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("root.access", Password)).StatusCode);
        var requestToken = await browser.RequestTokenAsync();
        var bearer = await host.SignedInClientAsync("root.access", Password);

        var forged = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/units") { Content = NewUnit("AF1") });
        var forgedImport = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/units/import") { Content = UnitFile("AF2") });
        var forgedPut = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/users/root.access") { Content = JsonContent.Create(new { fullName = "Forged", roles = new[] { Roles.SystemAdmin } }) });
        var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/units") { Content = NewUnit("AF3") };
        withToken.Headers.Add("RequestVerificationToken", requestToken);
        var allowed = await browser.SendAsync(withToken);
        var importWithToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/units/import") { Content = UnitFile("AF4") };
        importWithToken.Headers.Add("RequestVerificationToken", requestToken);
        var allowedImport = await browser.SendAsync(importWithToken);
        var byBearer = await bearer.PostAsync("/api/v1/units", NewUnit("AF5"));
        var importByBearer = await bearer.PostAsync("/api/v1/units/import", UnitFile("AF6"));
        var codes = (await bearer.GetFromJsonAsync<JsonElement[]>("/api/v1/units"))!.Select(u => u.GetProperty("code").GetString()).ToList();
        var root = await bearer.GetFromJsonAsync<JsonElement>("/api/v1/users/root.access");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("mã xác thực yêu cầu", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forgedImport.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedPut.StatusCode);
        Assert.True(allowed.IsSuccessStatusCode, await allowed.Content.ReadAsStringAsync());
        Assert.True(allowedImport.IsSuccessStatusCode, await allowedImport.Content.ReadAsStringAsync());
        Assert.True(byBearer.IsSuccessStatusCode, await byBearer.Content.ReadAsStringAsync());
        Assert.True(importByBearer.IsSuccessStatusCode, await importByBearer.Content.ReadAsStringAsync());
        Assert.DoesNotContain("AF1", codes);
        Assert.DoesNotContain("AF2", codes);
        Assert.Contains("AF3", codes);
        Assert.Contains("AF4", codes);
        Assert.Contains("AF5", codes);
        Assert.Contains("AF6", codes);
        Assert.Equal("root.access", root.GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task The_public_lookups_429_carries_retry_after()
    {
        await SeedAsync();
        var address = AccessTestSettings.NewAddress();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 31; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/dossiers/K1-000000-0000?secret=WRONG123");
            request.Headers.Add(AccessTestSettings.PeerHeader, address);
            answers.Add(await host.Client.SendAsync(request));
        }

        var refused = answers[^1];
        Assert.All(answers.Take(30), a => Assert.NotEqual((HttpStatusCode)429, a.StatusCode));
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    private static JsonContent NewUnit(string code) =>
        JsonContent.Create(new { code, name = "Xã Thử " + code, kind = "commune", parentCode = "AP", validFrom = "2026-01-01" });

    private static MultipartFormDataContent UnitFile(string code) =>
        new() { { new StringContent($"code,name,kind,parentCode,validFrom\n{code},Xã Nhập {code},commune,AP,2025-07-01\n", System.Text.Encoding.UTF8, "text/csv"), "file", "units.csv" } };

    /// <summary>What a problem answer says, without its trace identifier.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return $"{problem.GetProperty("status").GetInt32()} {problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}";
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith("motcua.auth=", StringComparison.Ordinal)) ?? throw new InvalidOperationException("No sign-in cookie.")
            : throw new InvalidOperationException("No cookies.");

    private async Task<HttpResponseMessage> TokenAsync(string userName, string password, string? peer = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username = userName, password }) };
        request.Headers.Add(AccessTestSettings.PeerHeader, peer ?? AccessTestSettings.NewAddress());
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        var response = await host.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<string> BearerAsync(string userName, string password)
    {
        var response = await TokenAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private async Task<HttpResponseMessage> WithBearer(HttpMethod method, string url, string token)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request);
    }
}

/// <summary>A browser's cookie jar over the in-memory client, coming from one address.</summary>
internal sealed partial class CookieBrowser(HttpClient client, string? address = null)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string Address { get; } = address ?? AccessTestSettings.NewAddress();

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Has(string cookie) => _cookies.ContainsKey(cookie);

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Add(AccessTestSettings.PeerHeader, Address);
        foreach (var (name, value) in Headers)
        {
            request.Headers.Add(name, value);
        }

        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals], pair[(equals + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var page = await (await GetAsync("/account/sign-in")).Content.ReadAsStringAsync();
        var token = FormToken().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = form });
    }

    /// <summary>Posts a page's form handler with the form's antiforgery token, as the browser would.</summary>
    public async Task<HttpResponseMessage> PostPageAsync(string page, string handler)
    {
        var html = await (await GetAsync(page)).Content.ReadAsStringAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FormToken().Match(html).Groups[1].Value });
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{page}?handler={handler}") { Content = form });
    }

    /// <summary>The token a signed-in page gives its scripts.</summary>
    public async Task<string> RequestTokenAsync()
    {
        var page = await (await GetAsync("/")).Content.ReadAsStringAsync();
        return MetaToken().Match(page).Groups[1].Value is { Length: > 0 } token ? token : throw new InvalidOperationException("No token on the page.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}

public sealed class AccessHardeningOnSqlite(AccessSqliteHost host) : AccessHardeningTests<AccessSqliteHost>(host);

public sealed class AccessHardeningOnPostgres(AccessPostgresHost host) : AccessHardeningTests<AccessPostgresHost>(host);
