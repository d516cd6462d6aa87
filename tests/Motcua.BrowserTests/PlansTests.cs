using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;

namespace Motcua.BrowserTests;

/// <summary>
/// A reform plan from the text of seed 003 (Kế hoạch 41/KH-UBND, chính quyền thân thiện): pasted, reviewed and
/// confirmed by the reform officer; the lead unit's specialist posts a report with an evidence file; the reform
/// officer acknowledges it; the board and the plan page show it. Elements are found by id and role, so the test
/// does not depend on the wording of the translations. Needs the plan-text parser (branch plans-parser).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlansTests(BrowserHost host)
{
    /// <summary>Seed 003 as kept in the repository (tests/Motcua.UnitTests/Plans/Seeds), found from the test's folder upwards.</summary>
    internal static string Seed003()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "tests", "Motcua.UnitTests", "Plans", "Seeds", "003_c9a23b6f641d9d91.txt");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("Seed 003 was not found under tests/Motcua.UnitTests/Plans/Seeds.");
    }

    [Fact]
    public async Task A_plan_from_its_text_is_confirmed_reported_on_with_evidence_and_acknowledged()
    {
        await host.SeedOneStopAsync();
        await CreateReformOfficerAsync();

        // The reform officer pastes the plan's text and reviews the draft.
        var officer = await host.SignedInAsAsync("caicach");
        await officer.GotoAsync("/ke-hoach");
        await Assertions.Expect(officer.Locator("#weekly-report")).ToHaveAttributeAsync("href", "/ke-hoach/bao-cao-tuan");
        await officer.Locator("#from-text").ClickAsync();
        await officer.Locator("#plan-text").FillAsync(await File.ReadAllTextAsync(Seed003()));
        await officer.Locator("#read-draft").ClickAsync();
        await Assertions.Expect(officer.Locator("input[name=NumberAndSymbol]")).ToHaveValueAsync("41/KH-UBND");
        await Assertions.Expect(officer.Locator("input[name=IssuedOn]")).ToHaveValueAsync("2024-02-25");
        var drafted = await officer.Locator("#draft-tasks tbody tr").CountAsync();
        Assert.True(drafted >= 5, $"{drafted} tasks read from seed 003.");

        // Leave the last task out: exactly the others are created.
        await officer.Locator($"#draft-tasks tbody tr:nth-child({drafted}) input[type=checkbox]").UncheckAsync();
        await officer.Locator("#confirm-draft").ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("41/KH-UBND");
        await Assertions.Expect(officer.Locator("#tasks tbody tr")).ToHaveCountAsync(drafted - 1);
        var planUrl = officer.Url;

        // The specialist of the lead unit (the commune itself) reports with an evidence file.
        var specialist = await host.SignedInAsAsync("chuyenvien");
        await specialist.GotoAsync(planUrl);
        await specialist.Locator("#tasks tbody tr:first-child a").ClickAsync();
        var taskUrl = specialist.Url;
        var evidence = Path.Combine(Path.GetTempPath(), "bien-ban-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(evidence, Motcua.UnitTests.Common.SampleFiles.Pdf());
        try
        {
            await specialist.Locator("#post-report select[name=Status]").SelectOptionAsync("inProgress");
            await specialist.Locator("#post-report input[name=Percent]").FillAsync("60");
            await specialist.Locator("#post-report textarea[name=Text]").FillAsync("Đã rà soát các tiêu chí, niêm yết công khai tại trụ sở UBND.");
            await specialist.Locator("#post-report input[type=file]").SetInputFilesAsync(evidence);
            await specialist.Locator("#post-report button[type=submit]").ClickAsync();
        }
        finally
        {
            File.Delete(evidence);
        }

        await Assertions.Expect(specialist.Locator("#reports li.report")).ToHaveCountAsync(1);
        await Assertions.Expect(specialist.Locator("#reports li.report a")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^bien-ban-.*\\.pdf$"));
        await Assertions.Expect(specialist.Locator("#task-percent")).ToContainTextAsync("60%");
        await Assertions.Expect(specialist.Locator("#reports button")).ToHaveCountAsync(0);

        // The reform officer acknowledges it; the evidence downloads.
        await officer.GotoAsync(taskUrl);
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.Locator("#reports li.report a").First.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await officer.Locator("form[action*=Acknowledge] button").ClickAsync();
        await Assertions.Expect(officer.Locator("#reports li.report")).ToContainTextAsync("caicach");
        await Assertions.Expect(officer.Locator("form[action*=Acknowledge]")).ToHaveCountAsync(0);

        // The board and the plan page show it.
        await officer.GotoAsync("/ke-hoach/bang-nhiem-vu?unit=B21760&by=status");
        var taskPath = new Uri(taskUrl).AbsolutePath;
        await Assertions.Expect(officer.Locator($"#board a[href='{taskPath}']")).ToHaveCountAsync(1);
        await officer.GotoAsync(planUrl);
        await Assertions.Expect(officer.Locator("#tasks tbody tr:first-child")).ToContainTextAsync("60%");
        await Assertions.Expect(officer.Locator("#roll-up")).Not.ToContainTextAsync(" 0%");

        // The weekly report for the chairman, produced now, carries the task with what the commune reported;
        // downloaded as Excel and read back, and as Word in the Decree 30 layout.
        await officer.GotoAsync("/ke-hoach/bao-cao-tuan");
        await officer.Locator("#produce-weekly").ClickAsync();
        var row = officer.Locator("#weekly-reports tbody tr", new() { Has = officer.Locator("td[data-unit=B21760]") }).First;
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var excel = await officer.RunAndWaitForDownloadAsync(() => row.Locator("a.xlsx").ClickAsync());
        var workbook = Path.Combine(Path.GetTempPath(), "bao-cao-tuan-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await excel.SaveAsAsync(workbook);
            var lines = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Nhiệm vụ").Cast<IDictionary<string, object?>>().ToList();
            var reported = Assert.Single(lines, l => string.Equals(l["Kế hoạch"]?.ToString(), "41/KH-UBND", StringComparison.Ordinal)
                && l["Nội dung báo cáo"]?.ToString() == "Đã rà soát các tiêu chí, niêm yết công khai tại trụ sở UBND.");
            // The first row of the plan page: an item numbered 1 (the plan has two lists that both start at 1).
            Assert.StartsWith("1. ", reported["Nhiệm vụ"]?.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(workbook);
        }

        var word = await officer.RunAndWaitForDownloadAsync(() => row.Locator("a.docx").ClickAsync());
        Assert.EndsWith(".docx", word.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_by_hand_gets_a_task_a_report_with_evidence_a_return_and_an_acknowledgement()
    {
        await host.SeedOneStopAsync();
        await CreateReformOfficerAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

        // The reform officer enters a plan and a task due in five days.
        var officer = await host.SignedInAsAsync("caicach");
        await officer.GotoAsync("/ke-hoach/tao-moi");
        await officer.Locator("input[name=NumberAndSymbol]").FillAsync("7 /KH-UBND");
        await officer.Locator("input[name=Title]").FillAsync("Kế hoạch cải cách hành chính năm " + today.Year);
        await officer.Locator("#new-plan button[type=submit]").ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("7/KH-UBND");
        await officer.Locator("#add-task input[name='NewTask.Number']").FillAsync("1");
        await officer.Locator("#add-task textarea[name='NewTask.Content']").FillAsync("Số hóa 100% hồ sơ mới tại Bộ phận Một cửa");
        await officer.Locator("#add-task input[name='NewTask.DeadlineDate']").FillAsync(today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await officer.Locator("#add-task button[type=submit]").ClickAsync();
        await Assertions.Expect(officer.Locator("#tasks tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(officer.Locator("#tasks tbody tr")).ToContainTextAsync(today.AddDays(5).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(officer.Locator("#tasks .task-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("atRisk"));
        await Assertions.Expect(officer.Locator("#timeline .bar")).ToHaveCountAsync(1);
        var planUrl = officer.Url;

        // The specialist reports 50% with a PDF; a file that only pretends to be a PDF is refused.
        var specialist = await host.SignedInAsAsync("chuyenvien");
        await specialist.GotoAsync(planUrl);
        await specialist.Locator("#tasks tbody tr:first-child a").ClickAsync();
        var taskUrl = specialist.Url;
        var fake = Path.Combine(Path.GetTempPath(), "gia-" + Guid.NewGuid().ToString("N") + ".pdf");
        var evidence = Path.Combine(Path.GetTempPath(), "bien-ban-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllTextAsync(fake, "MZ this is not a PDF");
        await File.WriteAllBytesAsync(evidence, Motcua.UnitTests.Common.SampleFiles.Pdf());
        try
        {
            await specialist.Locator("#post-report input[name=Percent]").FillAsync("50");
            await specialist.Locator("#post-report textarea[name=Text]").FillAsync("Đã số hóa 120/240 hồ sơ.");
            await specialist.Locator("#post-report input[type=file]").SetInputFilesAsync(fake);
            await specialist.Locator("#post-report button[type=submit]").ClickAsync();
            await Assertions.Expect(specialist.GetByRole(AriaRole.Alert).First).ToContainTextAsync("PDF");
            await Assertions.Expect(specialist.Locator("#reports li.report")).ToHaveCountAsync(0);

            await specialist.Locator("#post-report input[name=Percent]").FillAsync("50");
            await specialist.Locator("#post-report textarea[name=Text]").FillAsync("Đã số hóa 120/240 hồ sơ.");
            await specialist.Locator("#post-report input[type=file]").SetInputFilesAsync(evidence);
            await specialist.Locator("#post-report button[type=submit]").ClickAsync();
        }
        finally
        {
            File.Delete(fake);
            File.Delete(evidence);
        }

        await Assertions.Expect(specialist.Locator("#reports li.report")).ToHaveCountAsync(1);
        await Assertions.Expect(specialist.Locator("#task-percent")).ToContainTextAsync("50%");

        // The officer returns it with a comment; the specialist reports again; the officer acknowledges.
        await officer.GotoAsync(taskUrl);
        await officer.Locator("form[action*=Return] input[name=Comment]").FillAsync("Thiếu danh sách hồ sơ đã số hóa");
        await officer.Locator("form[action*=Return] button").ClickAsync();
        await Assertions.Expect(officer.Locator("#reports li.report")).ToContainTextAsync("Thiếu danh sách hồ sơ đã số hóa");
        await Assertions.Expect(officer.Locator("#task-percent")).ToContainTextAsync("0%");

        await specialist.GotoAsync(taskUrl);
        await specialist.Locator("#post-report select[name=Status]").SelectOptionAsync("done");
        await specialist.Locator("#post-report textarea[name=Text]").FillAsync("Đã số hóa đủ 240 hồ sơ, kèm danh sách.");
        await specialist.Locator("#post-report button[type=submit]").ClickAsync();
        await Assertions.Expect(specialist.Locator("#reports li.report")).ToHaveCountAsync(2);

        await officer.GotoAsync(taskUrl);
        await officer.Locator("form[action*=Acknowledge] button").ClickAsync();
        await Assertions.Expect(officer.Locator("form[action*=Acknowledge]")).ToHaveCountAsync(0);
        await Assertions.Expect(officer.Locator("#task-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("done"));

        // The board, the calendar and the plan page show it done.
        await officer.GotoAsync("/ke-hoach/bang-nhiem-vu?unit=B21760&by=status");
        await Assertions.Expect(officer.Locator($"#board section[data-column=done] a[href='{new Uri(taskUrl).AbsolutePath}']")).ToHaveCountAsync(1);
        await officer.GotoAsync($"/ke-hoach/lich?unit=B21760&month={today.AddDays(5):yyyy-MM}");
        await Assertions.Expect(officer.Locator($"#calendar td[data-date='{today.AddDays(5):yyyy-MM-dd}'] a")).ToHaveCountAsync(1);
        await officer.GotoAsync(planUrl);
        await Assertions.Expect(officer.Locator("#roll-up")).ToContainTextAsync("100%");
    }

    private async Task CreateReformOfficerAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Motcua.Access.MotcuaUser>>();
        if (await users.FindByNameAsync("caicach") is null)
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new UserInput("caicach", "Lê Thị Cải Cách", null, "B21760", "Công chức Văn phòng - Nội vụ", [Roles.ReformOfficer]), BrowserHost.StaffPassword);
        }
    }
}
