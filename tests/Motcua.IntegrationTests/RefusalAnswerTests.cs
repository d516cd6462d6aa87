using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// Every refusal is a clean answer, decided in one place (ADR 0015): problem details for API clients,
/// the site's Vietnamese error page (with the English switch) for browsers, a refused form shown again with
/// the message beside its field; the language switch never answers 500. On both databases.
/// </summary>
public abstract partial class RefusalAnswerTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("R1")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("R0", "Tỉnh Thử Từ Chối", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("R1", "Xã Một", UnitKind.Commune, "R0", new DateOnly(2025, 7, 1)));
            await units.CreateAsync(new NewUnit("S0", "Tỉnh Khác", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("S1", "Xã Ngoài", UnitKind.Commune, "S0", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("root.r", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("desk.r1", Password, "R1", Roles.ReceivingOfficer);
        await host.CreateUserAsync("cv.r1", Password, "R1", Roles.Specialist);
    }

    [Fact]
    public async Task A_refused_rule_is_400_problem_details_keyed_by_its_field_in_the_callers_language()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root.r", Password);

        var vietnamese = await root.PostAsJsonAsync("/api/v1/units", new { code = "R9", name = "Xã Chín", kind = "commune", parentCode = "R0" });
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/units") { Content = JsonContent.Create(new { code = "R9", name = "Xã Chín", kind = "commune", parentCode = "R0" }) };
        english.Headers.AcceptLanguage.ParseAdd("en-GB");
        var inEnglish = await root.SendAsync(english);

        Assert.Equal(HttpStatusCode.BadRequest, vietnamese.StatusCode);
        Assert.Equal("application/problem+json", vietnamese.Content.Headers.ContentType?.MediaType);
        var problem = await vietnamese.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Yêu cầu không được chấp nhận.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("validFrom", out _), problem.ToString());
        Assert.Equal("The request was not accepted.", (await inEnglish.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Out_of_scope_is_404_and_a_role_that_may_not_is_403_as_problem_details()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.r1", Password);

        var outside = await desk.GetAsync("/api/v1/dossiers/S1-000-000000-0000");
        var forbidden = await desk.GetAsync("/api/v1/users");
        var planForbidden = await (await host.SignedInClientAsync("cv.r1", Password)).PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "1.000001" });

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("application/problem+json", outside.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, planForbidden.StatusCode);
        Assert.Equal("application/problem+json", planForbidden.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_browser_gets_the_vietnamese_404_page_in_the_sites_layout_with_the_english_switch()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.r1", Password);

        var missingPage = await desk.SendAsync(Browser(HttpMethod.Get, "/trang-khong-co"));
        var missingDossier = await desk.SendAsync(Browser(HttpMethod.Get, "/dossiers/S1-000-000000-0000"));
        var otherUnitsKiosk = await desk.SendAsync(Browser(HttpMethod.Get, "/danh-gia/quay/S1"));

        foreach (var response in new[] { missingPage, missingDossier, otherUnitsKiosk })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
            Assert.Contains("action=\"/culture\"", html, StringComparison.Ordinal);
            Assert.Contains("<nav", html, StringComparison.Ordinal);
        }

        Assert.Contains($"value=\"/trang-khong-co\"", await missingPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_gets_the_403_page_and_its_english_version()
    {
        await SeedAsync();
        var specialist = await host.SignedInClientAsync("cv.r1", Password);

        var forbidden = await specialist.SendAsync(Browser(HttpMethod.Get, "/danh-gia/quay/R1"));
        var english = Browser(HttpMethod.Get, "/danh-gia/quay/R1");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");
        var inEnglish = await specialist.SendAsync(english);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("Vai trò của bạn không được phép", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, inEnglish.StatusCode);
        Assert.Contains("Your role does not allow this page or action.", await inEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_client_never_gets_an_html_error_page()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.r1", Password);
        var missing = await desk.SendAsync(Api(HttpMethod.Get, "/api/v1/nothing-here"));
        var missingPageAskedAsJson = await desk.SendAsync(Api(HttpMethod.Get, "/trang-khong-co"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missingPageAskedAsJson.StatusCode);
        Assert.Equal("application/problem+json", missingPageAskedAsJson.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_refused_form_is_shown_again_with_the_message_beside_its_field_and_its_lists_reloaded()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root.r", Password);
        var (token, cookie) = await AntiforgeryAsync(root, "/admin/units");

        using var post = Browser(HttpMethod.Post, "/admin/units?handler=Create");
        post.Headers.Add("Cookie", cookie);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["NewCode"] = "R8",
            ["NewName"] = "Xã Tám",
            ["NewKind"] = "Commune",
            ["NewParentCode"] = "R0",
            ["NewValidFrom"] = string.Empty,
        });
        var response = await root.SendAsync(post);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("validation-summary-errors", html, StringComparison.Ordinal);
        Assert.Contains("Xã Một", html, StringComparison.Ordinal);
        Assert.Null(await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("R8")));
    }

    [Fact]
    public async Task A_page_form_refuses_control_characters_with_a_localised_400_and_stores_text_in_nfc()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root.r", Password);

        async Task<HttpResponseMessage> CreateAsync(string code, string name)
        {
            var (token, cookie) = await AntiforgeryAsync(root, "/admin/units");
            using var post = Browser(HttpMethod.Post, "/admin/units?handler=Create");
            post.Headers.Add("Cookie", cookie);
            post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["NewCode"] = code,
                ["NewName"] = name,
                ["NewKind"] = "Commune",
                ["NewParentCode"] = "R0",
                ["NewValidFrom"] = "2025-07-01",
            });
            return await root.SendAsync(post);
        }

        // NUL in a form field: a localised 400, nothing written (ADR 0020).
        var refused = await CreateAsync("R7", "Xã\u0000Bảy");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Yêu cầu không được chấp nhận.", html, StringComparison.Ordinal);
        Assert.Null(await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("R7")));

        // A name typed in NFD (combining marks) is stored in NFC.
        var decomposed = "Xã Sáu".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("Xã Sáu", decomposed);
        var created = await CreateAsync("R6", decomposed);
        Assert.True(created.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, created.StatusCode.ToString());
        var unit = await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("R6"));
        Assert.Equal("Xã Sáu", unit?.Name);
    }

    [Fact]
    public async Task The_language_switch_never_answers_500()
    {
        await SeedAsync();
        var (token, cookie) = await AntiforgeryAsync(host.Client, "/account/sign-in");

        async Task<HttpResponseMessage> PostAsync(Dictionary<string, string>? form, bool withToken, string? contentType = null)
        {
            using var request = Browser(HttpMethod.Post, "/culture");
            if (withToken)
            {
                request.Headers.Add("Cookie", cookie);
                form = new Dictionary<string, string>(form ?? []) { ["__RequestVerificationToken"] = token };
            }

            request.Content = contentType is null ? new FormUrlEncodedContent(form ?? []) : new StringContent("{\"culture\":\"en\"}", System.Text.Encoding.UTF8, contentType);
            return await host.Client.SendAsync(request);
        }

        var answers = new List<(string Case, HttpResponseMessage Response)>
        {
            ("english", await PostAsync(new() { ["culture"] = "en", ["returnUrl"] = "/tra-cuu" }, withToken: true)),
            ("no fields", await PostAsync(null, withToken: true)),
            ("odd culture", await PostAsync(new() { ["culture"] = "xx-\u0000", ["returnUrl"] = "//evil.example" }, withToken: true)),
            ("absolute return", await PostAsync(new() { ["culture"] = "vi", ["returnUrl"] = "https://evil.example/" }, withToken: true)),
            ("control characters", await PostAsync(new() { ["culture"] = "en", ["returnUrl"] = "/\r\nLocation: x" }, withToken: true)),
            ("backslash", await PostAsync(new() { ["culture"] = "en", ["returnUrl"] = "/\\evil.example" }, withToken: true)),
            ("no antiforgery token", await PostAsync(new() { ["culture"] = "en" }, withToken: false)),
            ("json body", await PostAsync(null, withToken: false, contentType: "application/json")),
            ("GET", await host.Client.SendAsync(Browser(HttpMethod.Get, "/culture"))),
        };

        foreach (var (name, response) in answers)
        {
            var status = (int)response.StatusCode;
            Assert.True(status is >= 300 and < 500, $"{name}: {status}");
        }

        var english = answers[0].Response;
        Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        Assert.Equal("/tra-cuu", english.Headers.Location?.OriginalString);
        Assert.Equal("/", answers[3].Response.Headers.Location?.OriginalString);
        Assert.Equal("/", answers[4].Response.Headers.Location?.OriginalString);
        Assert.Equal("/", answers[5].Response.Headers.Location?.OriginalString);
    }

    internal static HttpRequestMessage Browser(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    internal static HttpRequestMessage Api(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    /// <summary>A form's antiforgery token and the cookie it pairs with, as a browser would hold them.</summary>
    internal static async Task<(string Token, string Cookie)> AntiforgeryAsync(HttpClient client, string page)
    {
        var response = await client.SendAsync(Browser(HttpMethod.Get, page));
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenField().Match(html).Groups[1].Value;
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)));
        Assert.False(string.IsNullOrEmpty(token), html);
        return (token, cookie);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

public sealed class RefusalAnswersOnSqlite(SqliteHost host) : RefusalAnswerTests<SqliteHost>(host);

public sealed class RefusalAnswersOnPostgres(PostgresHost host) : RefusalAnswerTests<PostgresHost>(host);

/// <summary>A clock that fails for requests carrying <c>X-Test-Fail</c>: an unexpected error inside any handler.</summary>
public sealed class FailingSqliteHost : SqliteHost
{
    protected override void ReplaceServices(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<TimeProvider>(provider => new FailingClock(provider.GetRequiredService<IHttpContextAccessor>()));
    }

    private sealed class FailingClock(IHttpContextAccessor accessor) : TimeProvider
    {
        /// <summary>Fails once per request, so the error page (run again for the same request) renders.</summary>
        public override DateTimeOffset GetUtcNow()
        {
            if (accessor.HttpContext is { } context && context.Request.Headers.ContainsKey("X-Test-Fail") && context.Items.TryAdd("failed", true))
            {
                throw new InvalidOperationException("A failure nobody planned for.");
            }

            return base.GetUtcNow();
        }
    }
}

public sealed class UnexpectedErrorTests(FailingSqliteHost host) : IClassFixture<FailingSqliteHost>
{
    [Fact]
    public async Task An_unexpected_error_is_500_problem_details_for_the_api_never_an_html_page()
    {
        await host.CreateUserAsync("root.f", "Passw0rdLong", null, Access.Contracts.Roles.SystemAdmin);
        var root = await host.SignedInClientAsync("root.f", "Passw0rdLong");
        using var api = RefusalAnswerTests<SqliteHost>.Api(HttpMethod.Get, "/api/v1/units");
        api.Headers.Add("X-Test-Fail", "1");

        // The bearer token's expiry is checked against the clock, which fails: before any handler runs.
        var fromApi = await root.SendAsync(api);

        Assert.Equal(HttpStatusCode.InternalServerError, fromApi.StatusCode);
        Assert.Equal("application/problem+json", fromApi.Content.Headers.ContentType?.MediaType);
    }
}
