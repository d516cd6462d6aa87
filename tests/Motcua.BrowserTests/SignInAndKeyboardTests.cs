using Microsoft.Playwright;

namespace Motcua.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInAndKeyboardTests(BrowserHost host)
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_a_vietnamese_alert_and_the_user_name_kept()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Tên đăng nhập").FillAsync(BrowserHost.AdminUserName);
        await page.GetByLabel("Mật khẩu").FillAsync("Sai-mat-khau-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        await Assertions.Expect(page.GetByLabel("Tên đăng nhập")).ToHaveValueAsync(BrowserHost.AdminUserName);
        await Assertions.Expect(page.GetByLabel("Mật khẩu")).ToHaveValueAsync(string.Empty);
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_works_with_the_keyboard_alone_and_the_skip_link_comes_first()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        // The user name field has focus on arrival; Tab moves to the password; Enter submits.
        await Assertions.Expect(page.GetByLabel("Tên đăng nhập")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(BrowserHost.AdminUserName);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Mật khẩu")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(BrowserHost.AdminPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(host.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Xin chào, Nguyễn Thị Quản Trị");

        // From the top of a page, the first Tab reaches "skip to content", which moves focus to the main area.
        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Chuyển đến nội dung chính" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_appointment_calculator_answers_in_place_skipping_the_april_and_may_holidays()
    {
        var page = await host.SignedInPageAsync();
        var calculator = page.GetByRole(AriaRole.Region, new() { Name = "Tính ngày hẹn trả" });

        // 29/04/2026 09:00 + 1 working day: 30/04 and 01/05 are holidays, 02-03/05 a weekend.
        await calculator.GetByLabel("Thời điểm tiếp nhận").FillAsync("2026-04-29T09:00");
        await calculator.GetByLabel("Thời hạn giải quyết (ngày làm việc)").FillAsync("1");
        var navigated = false;
        page.FrameNavigated += (_, frame) => navigated |= frame == page.MainFrame;
        await calculator.GetByRole(AriaRole.Button, new() { Name = "Tính" }).ClickAsync();

        await Assertions.Expect(calculator.Locator("#due-result")).ToHaveTextAsync("Hạn trả lúc 04/05/2026 09:00 (số ngày bỏ qua: 4).");
        Assert.False(navigated, "htmx should have replaced the result without reloading the page.");
    }
}
