using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Motcua.BrowserTests;

/// <summary>The citizen pays a dossier's fee online from the lookup page, through the local test gateway.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OnlinePaymentTests(BrowserHost host)
{
    [Fact]
    public async Task A_citizen_pays_the_fee_online_through_the_test_gateway_and_comes_back_with_nothing_left_to_pay()
    {
        await host.SeedOneStopAsync();
        var (code, secret) = await ReceiveAtTheDeskAsync();

        // The lookup shows the fee due and offers online payment.
        var citizen = await host.NewPageAsync();
        await citizen.GotoAsync($"/tra-cuu?code={code}&secret={secret}");
        await Assertions.Expect(citizen.Locator("dl.facts")).ToContainTextAsync("Phí, lệ phí phải nộp");
        await Assertions.Expect(citizen.Locator("dl.facts")).ToContainTextAsync("75.000 ₫");
        await citizen.Locator("#pay-online button[type=submit]").ClickAsync();

        // The test gateway says it is one, shows the amount, and the citizen pays.
        await citizen.WaitForURLAsync(GatewayUrl());
        await Assertions.Expect(citizen.Locator("#test-gateway-warning")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.Locator("#test-gateway-amount")).ToHaveTextAsync("75.000 ₫");
        await citizen.Locator("#test-gateway-pay button[type=submit]").ClickAsync();

        // Back on the lookup: the payment is confirmed and nothing is left to pay.
        await citizen.WaitForURLAsync(LookupUrl());
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("75.000");
        await Assertions.Expect(citizen.Locator("#result-heading")).ToContainTextAsync(code);
        await Assertions.Expect(citizen.Locator("dl.facts")).Not.ToContainTextAsync("Phí, lệ phí phải nộp");
        await Assertions.Expect(citizen.Locator("#pay-online")).ToHaveCountAsync(0);

        // The desk sees it paid online, once.
        var desk = await host.SignedInAsAsync("tiepnhan");
        await desk.GotoAsync($"/dossiers/{code}");
        await Assertions.Expect(desk.Locator("#history tbody tr").Filter(new() { HasText = "payment:" })).ToHaveCountAsync(1);
    }

    /// <summary>The desk receives a complete dossier through the API; returns its code and lookup secret.</summary>
    private async Task<(string Code, string Secret)> ReceiveAtTheDeskAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "tiepnhan", password = BrowserHostBase.StaffPassword });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var created = await http.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "2.001234",
            applicant = new { name = "Trương Thị Mai", phone = "0935123456" },
            documents = new[] { new { name = "Đơn đề nghị cấp giấy phép", provided = true } },
            receive = true,
        });
        created.EnsureSuccessStatusCode();
        var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (dossier.GetProperty("code").GetString()!, dossier.GetProperty("secret").GetString()!);
    }

    [GeneratedRegex(@"/thanh-toan-thu/[0-9a-f-]{36}$")]
    private static partial Regex GatewayUrl();

    [GeneratedRegex(@"/tra-cuu\?code=")]
    private static partial Regex LookupUrl();
}
