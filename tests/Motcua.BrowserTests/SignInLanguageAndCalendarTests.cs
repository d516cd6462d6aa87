using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Motcua.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInLanguageAndCalendarTests(BrowserHost host)
{
    [Fact]
    public async Task An_administrator_signs_in_in_vietnamese_switches_to_english_and_adds_a_calendar_override()
    {
        var page = await host.NewPageAsync();

        // A visitor is sent to the Vietnamese sign-in page and comes back where they wanted to go.
        await page.GotoAsync("/admin/calendar");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await page.GetByLabel("Tên đăng nhập").FillAsync(BrowserHost.AdminUserName);
        await page.GetByLabel("Mật khẩu").FillAsync(BrowserHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(host.BaseUrl + "/admin/calendar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quản trị lịch làm việc", Level = 1 })).ToBeVisibleAsync();

        // The English switch keeps the page and sticks for the next pages.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendar administration", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.EndsWith("/admin/calendar", page.Url, StringComparison.Ordinal);

        // Add a national day off on the last Thursday of next year, as a year-end announcement would (always
        // in the future, whatever day the tests run and however far earlier tests moved the clock).
        var year = Motcua.Common.VietnamTime.Today(host.Clock).Year + 1;
        var dayOff = new DateOnly(year, 12, 31);
        while (dayOff.DayOfWeek != DayOfWeek.Thursday)
        {
            dayOff = dayOff.AddDays(-1);
        }

        var shown = dayOff.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Add a day off or a working day" });
        await form.GetByLabel("Date", new() { Exact = true }).FillAsync(dayOff.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Day off" });
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Nghỉ tổng kết năm");
        await form.GetByLabel("Legal basis").FillAsync("Thông báo 812/TB-UBND");
        await form.GetByLabel("Applies to").SelectOptionAsync(new SelectOptionValue { Label = "All units (national)" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The calendar entry was added.");
        var row = page.Locator("#overrides tbody tr", new() { HasText = "Nghỉ tổng kết năm" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(shown);
        await Assertions.Expect(row).ToContainTextAsync("Thông báo 812/TB-UBND");
        await Assertions.Expect(row).ToContainTextAsync(BrowserHost.AdminUserName);
        await Assertions.Expect(page.Locator("table").Last).ToContainTextAsync("Override added");

        // The month view shows it as a day off; back in Vietnamese, with Vietnamese weekday names.
        await page.GotoAsync($"/calendar?month={year}-12");
        await Assertions.Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = shown + " — Nghỉ tổng kết năm" })).ToHaveClassAsync(new Regex(@"\boff\b"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Thứ Năm" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Lịch làm việc — Tháng 12/{year}");
    }
}
