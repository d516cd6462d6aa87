using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;
using Motcua.Plans;
using Motcua.Plans.Data;
using Motcua.Plans.Deadlines;

namespace Motcua.BrowserTests;

/// <summary>
/// The reform officer produces this week's report from the page and downloads it as Word and Excel; the
/// Word file is read back (the task not reported this week is listed, the document is numbered …/BC-UBND).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WeeklyReportTests(BrowserHost host)
{
    private const string Content = "Xây dựng sơ đồ mạng LAN của UBND xã";

    [Fact]
    public async Task The_reform_officer_produces_the_weekly_report_and_downloads_it()
    {
        await host.SeedOneStopAsync();
        await SeedPlanAsync();

        var officer = await host.SignedInAsAsync("caicach.bc");
        await officer.GotoAsync("/ke-hoach/bao-cao-tuan");
        await officer.Locator("#produce-weekly").ClickAsync();
        var row = officer.Locator("#weekly-reports tbody tr", new() { Has = officer.Locator("td[data-unit=B21760]") }).First;
        await Assertions.Expect(row).ToHaveCountAsync(1);

        var word = await officer.RunAndWaitForDownloadAsync(() => row.Locator("a.docx").ClickAsync());
        Assert.Matches(new Regex(@"^bao-cao-tuan-B21760-\d{4}-W\d{2}\.docx$"), word.SuggestedFilename);
        var text = await DocumentTextAsync(word);
        Assert.Contains("BC-UBND", text);
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains(Content, text);
        Assert.Contains("Chưa báo cáo", text);

        var excel = await officer.RunAndWaitForDownloadAsync(() => row.Locator("a.xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", excel.SuggestedFilename, StringComparison.Ordinal);
    }

    private static async Task<string> DocumentTextAsync(IDownload download)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            return Regex.Replace(await reader.ReadToEndAsync(), "<[^>]+>", string.Empty);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task SeedPlanAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Motcua.Access.MotcuaUser>>();
        if (await users.FindByNameAsync("caicach.bc") is null)
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new UserInput("caicach.bc", "Trần Văn Báo Cáo", null, "B21760", "Công chức Văn phòng - Nội vụ", [Roles.ReformOfficer]), BrowserHost.StaffPassword);
        }

        var unit = (await scope.ServiceProvider.GetRequiredService<Motcua.Organisation.Contracts.IUnitDirectory>().FindByCodeAsync("B21760"))!.Id;
        var db = scope.ServiceProvider.GetRequiredService<PlansDbContext>();
        var now = Motcua.Common.VietnamTime.Now(host.Clock);
        var today = DateOnly.FromDateTime(now);
        var plan = Plan.Create(new PlanFields($"{Random.Shared.Next(100, 999)}/KH-UBND", unit, today, "Kế hoạch chuyển đổi số", null, today.Year), "caicach.bc", now);
        db.Plans.Add(plan);
        db.Tasks.Add(PlanTask.Create(plan, new TaskFields("1", null, Content, new UnitRef(unit, null), [], null, TaskDeadline.OnDate(today.AddDays(30)), null, TaskPriority.Normal, []), "caicach.bc", now));
        await db.SaveChangesAsync();
    }
}
