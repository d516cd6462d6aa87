using System.Net;
using Microsoft.Playwright;

namespace Motcua.BrowserTests;

public sealed class FirstRunTests(FirstRunBrowserHost host) : IClassFixture<FirstRunBrowserHost>
{
    [Fact]
    public async Task The_first_administrator_is_created_on_the_setup_page_which_then_closes()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/setup", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lần chạy đầu tiên: tạo quản trị viên");

        await page.GetByLabel("Tên đăng nhập").FillAsync("admin.tinh");
        await page.GetByLabel("Họ và tên").FillAsync("Trần Văn Bình");
        await page.GetByLabel("Mật khẩu", new() { Exact = false }).First.FillAsync("Mat-khau-manh-2026");
        await page.GetByLabel("Xác nhận mật khẩu").FillAsync("Mat-khau-khac-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo quản trị viên" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Mật khẩu xác nhận không khớp.");

        await page.GetByLabel("Mật khẩu", new() { Exact = false }).First.FillAsync("Mat-khau-manh-2026");
        await page.GetByLabel("Xác nhận mật khẩu").FillAsync("Mat-khau-manh-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo quản trị viên" }).ClickAsync();
        await page.WaitForURLAsync(host.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tạo tài khoản quản trị viên. Chào mừng bạn đến với Motcua.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Xin chào, Trần Văn Bình");

        var again = await page.GotoAsync("/setup");
        Assert.Equal((int)HttpStatusCode.NotFound, again!.Status);
    }
}
