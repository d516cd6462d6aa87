using Microsoft.Playwright;
using MiniExcelLibs;

namespace Motcua.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserHost host)
{
    [Fact]
    public async Task A_leader_opens_the_dashboard_drills_into_a_number_and_downloads_its_dossiers()
    {
        await host.SeedOneStopAsync();
        await host.MoveToOfficeHoursAsync();

        // A dossier received at the desk today.
        var desk = await host.SignedInAsAsync("tiepnhan");
        await desk.GotoAsync("/dossiers/new");
        await desk.GetByLabel("Thủ tục hành chính").SelectOptionAsync(new SelectOptionValue { Value = "1.004873|01" });
        await Assertions.Expect(desk.Locator("#checklist")).ToContainTextAsync("Tờ khai cấp bản sao trích lục");
        await desk.GetByLabel("Họ và tên").FillAsync("Võ Thị Chỉ Số");
        await desk.GetByRole(AriaRole.Checkbox, new() { Name = "Đã nộp: Tờ khai cấp bản sao trích lục", Exact = true }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và hẹn trả kết quả" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận hồ sơ");
        var code = desk.Url.Split('/')[^1];

        // The leader's dashboard opens on their commune and this month; the counters appear within seconds
        // (the background job learns the new commune's place in the unit tree).
        var leader = await host.SignedInAsAsync("lanhdao");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Chỉ số", Exact = true }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Chỉ số chất lượng phục vụ — Xã Tuy Phước");
        var denominator = leader.Locator("#card-onTimeRate a.denominator");
        for (var attempt = 0; attempt < 40 && await denominator.CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await leader.ReloadAsync();
        }

        await Assertions.Expect(leader.Locator("#card-onTimeRate h3")).ToHaveTextAsync("Tỷ lệ hồ sơ đúng hạn");
        await Assertions.Expect(leader.Locator("#card-onTimeRate")).ToContainTextAsync("Chỉ tiêu: ≥ 95 %");
        await Assertions.Expect(leader.Locator("#total-points")).ToContainTextAsync("/ 100");
        await Assertions.Expect(leader.Locator("#early-warning")).ToContainTextAsync("Tỷ lệ đúng hạn tháng");

        // Drill into the denominator: the dossier is listed, linked to its page, with the formula.
        await denominator.ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tỷ lệ hồ sơ đúng hạn");
        await Assertions.Expect(leader.Locator("#formula")).ToContainTextAsync("Số hồ sơ trong kỳ được đánh giá đúng hạn");
        await Assertions.Expect(leader.Locator("#explained").GetByRole(AriaRole.Link, new() { Name = code })).ToHaveAttributeAsync("href", "/dossiers/" + code);

        // Download its working and read it back.
        var download = await leader.RunAndWaitForDownloadAsync(() => leader.GetByRole(AriaRole.Link, new() { Name = "Tải XLSX" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), "motcua-bt-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await download.SaveAsAsync(path);
            var rows = MiniExcel.Query(path).Cast<IDictionary<string, object?>>().ToList();

            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Equal("Mã hồ sơ", rows[0]["A"]?.ToString());
            Assert.Contains(rows, row => string.Equals(row["A"]?.ToString(), code, StringComparison.Ordinal));
            Assert.Contains(rows, row => string.Equals(row["A"]?.ToString(), "Công thức", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }

    }
}
