using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Motcua.BrowserTests;

/// <summary>The counter's rating tablet: the desk invites after the return, the citizen rates once on the tablet, the tablet waits again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskRatingTests(BrowserHost host)
{
    [Fact]
    public async Task A_citizen_rates_at_the_counter_on_the_tablet_the_officer_opened_and_it_goes_back_to_waiting()
    {
        await host.SeedOneStopAsync();
        var code = await ReturnedDossierAsync();

        // The officer opens the tablet in kiosk mode: a waiting screen without menus or links.
        var tablet = await host.SignedInAsAsync("tiepnhan");
        await tablet.GotoAsync("/danh-gia/quay/B21760");
        await Assertions.Expect(tablet.Locator("#kiosk-screen")).ToContainTextAsync("Sau khi nhận kết quả, ông/bà vui lòng đánh giá");
        await Assertions.Expect(tablet.Locator("a")).ToHaveCountAsync(0);

        // At the desk, after the return: "Mời công dân đánh giá".
        var desk = await host.SignedInAsAsync("tiepnhan");
        await desk.GotoAsync($"/dossiers/{code}");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Mời công dân đánh giá" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Công dân có thể đánh giá hồ sơ trên máy tính bảng tại quầy của bạn.");

        // The tablet, polling, shows the dossier; the citizen is not satisfied and reports harassment.
        await Assertions.Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "Mời ông/bà đánh giá việc giải quyết hồ sơ" })).ToBeVisibleAsync();
        await Assertions.Expect(tablet.Locator("#kiosk-screen")).ToContainTextAsync(code);
        await tablet.GetByLabel("Không hài lòng", new() { Exact = true }).CheckAsync();
        await tablet.GetByLabel("Nhũng nhiễu, gây phiền hà, đòi hỏi không đúng quy định").CheckAsync();
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();

        await Assertions.Expect(tablet.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cảm ơn ông/bà: kết quả đánh giá đã được ghi nhận.");
        await Assertions.Expect(tablet.Locator("#kiosk-screen")).ToContainTextAsync("Sau khi nhận kết quả, ông/bà vui lòng đánh giá");

        // Rated once: the desk can no longer invite, and the history names the kiosk.
        await desk.GotoAsync($"/dossiers/{code}");
        await Assertions.Expect(desk.GetByRole(AriaRole.Button, new() { Name = "Mời công dân đánh giá" })).ToHaveCountAsync(0);
        await Assertions.Expect(desk.Locator("#history")).ToContainTextAsync("applicant (kiosk of tiepnhan)");
        var dossier = await (await ApiAsync("tiepnhan")).GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal("notSatisfied", dossier.GetProperty("rating").GetString());
    }

    /// <summary>A birth registration received, processed and returned at the counter, through the API.</summary>
    private async Task<string> ReturnedDossierAsync()
    {
        var desk = await ApiAsync("tiepnhan");
        var specialist = await ApiAsync("chuyenvien");
        var leader = await ApiAsync("lanhdao");
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { name = "Lý Văn Quầy" },
            documents = new[] { new { name = "Tờ khai đăng ký khai sinh", provided = true }, new { name = "Giấy chứng sinh", provided = true } },
            receive = true,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        foreach (var (client, action, body) in new (HttpClient, string, object)[]
        {
            (desk, "assign", new { departmentCode = "VP", specialist = "chuyenvien" }),
            (specialist, "submit", new { }),
            (leader, "approve", new { }),
            (specialist, "complete", new { }),
            (desk, "return", new { channel = "counter" }),
        })
        {
            var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/{action}", body);
            Assert.True(response.IsSuccessStatusCode, $"{action}: {await response.Content.ReadAsStringAsync()}");
        }

        return code;
    }

    private async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = BrowserHostBase.StaffPassword });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }
}
