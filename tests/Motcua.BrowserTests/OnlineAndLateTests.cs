using Microsoft.Playwright;

namespace Motcua.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OnlineAndLateTests(BrowserHost host)
{
    private static readonly byte[] Pdf = Motcua.UnitTests.Common.SampleFiles.Pdf();

    [Fact]
    public async Task A_citizen_submits_online_with_uploads_and_the_desk_receives_it_with_the_files()
    {
        await host.SeedOneStopAsync();
        var citizen = await host.NewPageAsync();
        await citizen.GotoAsync("/thu-tuc/B21760");
        await citizen.GetByText("Thủ tục đăng ký khai sinh").ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Nộp trực tuyến" }).First.ClickAsync();

        await citizen.GetByLabel("Họ và tên").FillAsync("Trương Thị Ngọc Ánh");
        await citizen.GetByLabel("Số điện thoại").FillAsync("0987654321");
        await citizen.GetByLabel("Tờ khai đăng ký khai sinh").SetInputFilesAsync(new FilePayload { Name = "to-khai.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await citizen.GetByLabel("Giấy chứng sinh").SetInputFilesAsync(new FilePayload { Name = "giay-chung-sinh.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();

        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("B21760-");
        await Assertions.Expect(citizen.Locator("dl.facts")).ToContainTextAsync("Đã nộp, chờ kiểm tra tính đầy đủ");
        var code = await citizen.Locator("#Code").InputValueAsync();

        var desk = await host.SignedInAsAsync("tiepnhan");
        await desk.GotoAsync("/dossiers?box=ToReceive");
        await desk.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Assertions.Expect(desk.Locator("#files-heading + ul li")).ToHaveCountAsync(2);
        await Assertions.Expect(desk.Locator("section", new() { HasText = "Tệp đính kèm" })).ToContainTextAsync("giay-chung-sinh.pdf");
        var form = desk.GetByRole(AriaRole.Form, new() { Name = "Tiếp nhận", Exact = true });
        await form.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận", Exact = true }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã thực hiện: Tiếp nhận.");
        await Assertions.Expect(desk.Locator("dl.facts")).ToContainTextAsync("Đã tiếp nhận");
    }

    [Fact]
    public async Task A_late_dossier_is_flagged_until_its_leader_signs_an_apology_with_a_new_appointment()
    {
        await host.SeedOneStopAsync();
        var desk = await host.SignedInAsAsync("tiepnhan");
        await desk.GotoAsync("/dossiers/new");
        await desk.GetByLabel("Thủ tục hành chính").SelectOptionAsync(new SelectOptionValue { Value = "1.004873|01" });
        await Assertions.Expect(desk.Locator("#checklist")).ToContainTextAsync("Tờ khai cấp bản sao trích lục");
        await desk.GetByLabel("Họ và tên").FillAsync("Phan Văn Lâm");
        await desk.GetByRole(AriaRole.Checkbox, new() { Name = "Đã nộp: Tờ khai cấp bản sao trích lục", Exact = true }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và hẹn trả kết quả" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận hồ sơ");
        var url = desk.Url;

        // Ten days later nothing has happened: the dossier is overdue and has no apology.
        host.Clock.Advance(TimeSpan.FromDays(10));
        var leader = await host.SignedInAsAsync("lanhdao");
        await leader.GotoAsync("/dossiers?box=Overdue");
        var row = leader.Locator("#dossiers tbody tr", new() { HasText = "Phan Văn Lâm" });
        await Assertions.Expect(row).ToContainTextAsync("Chưa có phiếu xin lỗi");
        await leader.GotoAsync(url);
        await Assertions.Expect(leader.GetByRole(AriaRole.Alert).Filter(new() { HasText = "quá hạn" })).ToBeVisibleAsync();

        var apology = leader.GetByRole(AriaRole.Form, new() { Name = "Xin lỗi và hẹn lại ngày trả", Exact = true });
        await apology.GetByLabel("Lý do trễ hạn").FillAsync("Phải xác minh thông tin hộ tịch tại nơi đăng ký trước đây");
        var newAppointment = DateTime.UtcNow.Add(host.Clock.Offset).AddHours(7).AddDays(3);
        await apology.GetByLabel("Ngày hẹn trả mới").FillAsync(newAppointment.ToString("yyyy-MM-dd'T'10:00", System.Globalization.CultureInfo.InvariantCulture));
        await apology.GetByRole(AriaRole.Button, new() { Name = "Xin lỗi và hẹn lại ngày trả", Exact = true }).ClickAsync();

        await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã thực hiện: Xin lỗi và hẹn lại ngày trả.");
        await Assertions.Expect(leader.GetByRole(AriaRole.Alert).Filter(new() { HasText = "quá hạn" })).ToHaveCountAsync(0);
        await Assertions.Expect(leader.GetByRole(AriaRole.Form, new() { Name = "Xin lỗi và hẹn lại ngày trả", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(leader.Locator("ul.forms")).ToContainTextAsync("Phiếu xin lỗi và hẹn lại ngày trả kết quả");
    }
}
