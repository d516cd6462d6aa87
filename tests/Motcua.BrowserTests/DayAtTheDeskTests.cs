using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Motcua.BrowserTests;

/// <summary>A whole day at the one-stop desk, in Vietnamese, by the three officers and the citizen.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DayAtTheDeskTests(BrowserHost host)
{
    [Fact]
    public async Task A_birth_registration_is_received_processed_with_one_supplement_returned_and_rated()
    {
        await host.SeedOneStopAsync();

        // The desk receives the dossier at the counter: procedure, applicant, checklist.
        var desk = await host.SignedInAsAsync("tiepnhan");
        await desk.GotoAsync("/dossiers/new");
        await desk.GetByLabel("Thủ tục hành chính").SelectOptionAsync(new SelectOptionValue { Value = "1.001193|01" });
        await Assertions.Expect(desk.Locator("#checklist")).ToContainTextAsync("Giấy chứng sinh");
        await desk.GetByLabel("Họ và tên").FillAsync("Nguyễn Thị Hoa");
        await desk.GetByLabel("Số điện thoại").FillAsync("0905123456");
        await desk.GetByRole(AriaRole.Checkbox, new() { Name = "Đã nộp: Tờ khai đăng ký khai sinh", Exact = true }).CheckAsync();
        await desk.GetByRole(AriaRole.Checkbox, new() { Name = "Đã nộp: Giấy chứng sinh", Exact = true }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và hẹn trả kết quả" }).ClickAsync();

        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận hồ sơ B21760-");
        var code = CodePattern().Match(desk.Url).Value;
        var secret = await desk.Locator("code.secret").InnerTextAsync();

        // The receipt prints (PDF download) with the appointment.
        var download = await desk.RunAndWaitForDownloadAsync(() => desk.GetByRole(AriaRole.Link, new() { Name = "PDF" }).First.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));

        await Act(desk, "Phân công", form => form.GetByLabel("Công chức thụ lý (tên đăng nhập)").FillAsync("chuyenvien"));

        // The specialist asks for a supplement (once); the desk takes it in; the specialist submits.
        var specialist = await host.SignedInAsAsync("chuyenvien");
        await specialist.GotoAsync($"/dossiers/{code}");
        await Act(specialist, "Yêu cầu bổ sung hồ sơ", form => form.GetByLabel("Lý do").FillAsync("Bổ sung bản sao giấy chứng nhận kết hôn của cha mẹ"));
        await Assertions.Expect(specialist.Locator("dl.facts")).ToContainTextAsync("Chờ công dân bổ sung hồ sơ");
        await desk.GotoAsync($"/dossiers/{code}");
        await Act(desk, "Tiếp nhận hồ sơ bổ sung", _ => Task.CompletedTask);
        await specialist.GotoAsync($"/dossiers/{code}");
        await Assertions.Expect(specialist.GetByRole(AriaRole.Form, new() { Name = "Yêu cầu bổ sung hồ sơ" })).ToHaveCountAsync(0);
        await Act(specialist, "Trình phê duyệt", _ => Task.CompletedTask);

        // The leader approves; the specialist issues the result; the desk returns it.
        var leader = await host.SignedInAsAsync("lanhdao");
        await leader.GotoAsync("/dossiers?box=ToApprove");
        await leader.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Act(leader, "Phê duyệt", _ => Task.CompletedTask);
        await specialist.GotoAsync($"/dossiers/{code}");
        await Act(specialist, "Có kết quả", form => form.GetByLabel("Đã cấp kết quả điện tử").CheckAsync());
        await desk.GotoAsync($"/dossiers/{code}");
        await Act(desk, "Trả kết quả", _ => Task.CompletedTask);
        await Assertions.Expect(desk.Locator("dl.facts")).ToContainTextAsync("Đã trả kết quả");
        await Assertions.Expect(desk.Locator("#history tbody tr")).ToHaveCountAsync(9);

        // The citizen looks the dossier up with the secret from the receipt and rates the service once.
        var citizen = await host.NewPageAsync();
        await citizen.GotoAsync("/tra-cuu");
        await citizen.GetByLabel("Mã hồ sơ").FillAsync(code);
        await citizen.GetByLabel("Mã tra cứu (ghi trên phiếu tiếp nhận)").FillAsync(secret);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("dl.facts")).ToContainTextAsync("Đã trả kết quả");
        await citizen.GetByLabel("Rất hài lòng").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cảm ơn ông/bà: kết quả đánh giá đã được ghi nhận.");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_secret_shows_the_same_answer_as_an_unknown_code()
    {
        var citizen = await host.NewPageAsync();
        await citizen.GotoAsync("/tra-cuu?code=B21760-260101-0001&secret=SAIMA123");

        await Assertions.Expect(citizen.GetByRole(AriaRole.Alert).Last).ToHaveTextAsync("Không tìm thấy hồ sơ khớp với mã hồ sơ và mã tra cứu đã nhập.");
    }

    /// <summary>Fills and submits the action form named <paramref name="action"/>, then waits for the confirmation.</summary>
    private static async Task Act(IPage page, string action, Func<ILocator, Task> fill)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = action, Exact = true });
        await fill(form);
        await form.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã thực hiện: {action}.");
    }

    [GeneratedRegex(@"B21760-\d{6}-\d{4}")]
    private static partial Regex CodePattern();
}
