using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Dossiers.Data;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// Per-step time budgets: data in the catalogue (a default split, a variant's own split through the import),
/// copied into the dossier at submission, and printed on the process control sheet (form 06) with each
/// step's deadline from the calendar and its judgement; on both databases, with a clock set by the test.
/// </summary>
public abstract class StepBudgetTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost, IClockedHost
{
    private const string Password = "Passw0rdLong";

    private const string Header = "code,name,field,level,onlineLevel,variantCode,variantName,processingTime,timeUnit,fee,documentName,originals,copies";

    private static string Catalogue(string ownSplit) => $"""
        {Header},stepReceipt,stepAssignment,stepExamination,stepReview,stepSignature,stepIssue,stepReturn
        1.000894,Thủ tục đăng ký kết hôn,Hộ tịch,commune,partial,01,Trong nước,10,workingDays,0,Tờ khai đăng ký kết hôn,1,0,,,,,,,
        1.000894,Thủ tục đăng ký kết hôn,Hộ tịch,commune,partial,02,Có yếu tố nước ngoài,10,workingDays,0,Tờ khai đăng ký kết hôn,1,0,{ownSplit}
        """;

    private static readonly DateTime Monday = new(2026, 3, 2, 8, 0, 0);

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("SB1")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("SB", "Tỉnh Thử Thời Hạn", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("SB1", "Xã Bước Một", UnitKind.Commune, "SB", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("steps.root", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("steps.desk", Password, "SB1", Roles.ReceivingOfficer);
        await host.CreateUserAsync("steps.cv", Password, "SB1", Roles.Specialist);
        await host.CreateUserAsync("steps.ld", Password, "SB1", Roles.Leader);
        await host.AddDepartmentsAsync("SB1", "TP");
        await ImportAsync(Catalogue("0.5,0.5,6,0.5,1.5,1,0"), HttpStatusCode.OK);
        var root = await host.SignedInClientAsync("steps.root", Password);
        var assign = await root.PutAsJsonAsync("/api/v1/units/SB1/procedures", new[] { new { procedureCode = "1.000894", departmentCode = "TP" } });
        Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_catalogue_keeps_a_default_split_and_a_variants_own_split_and_refuses_one_that_does_not_add_up()
    {
        host.Clock.SetVietnamTime(Monday);
        await SeedAsync();
        var root = await host.SignedInClientAsync("steps.root", Password);

        var rejected = await ImportAsync(Catalogue("0.5,0.5,6,0.5,1.5,0.5,0"), HttpStatusCode.BadRequest);
        await ImportAsync(Catalogue("0.3,0.7,6,0.5,1.5,1,0"), HttpStatusCode.BadRequest);
        var published = await host.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/procedures?unit=SB1");
        var export = await root.GetStringAsync("/api/v1/procedures/export?format=csv");

        Assert.Contains("9.5", rejected, StringComparison.Ordinal);
        var variants = published!.Single().GetProperty("variants");
        Assert.Equal(7, variants[0].GetProperty("steps").GetProperty("examination").GetDecimal());
        Assert.True(variants[0].GetProperty("steps").GetProperty("isDefault").GetBoolean());
        Assert.Equal(6, variants[1].GetProperty("steps").GetProperty("examination").GetDecimal());
        Assert.False(variants[1].GetProperty("steps").GetProperty("isDefault").GetBoolean());
        var lines = export.Split('\n').Select(l => l.Trim()).ToList();
        Assert.EndsWith("stepReceipt,stepAssignment,stepExamination,stepReview,stepSignature,stepIssue,stepReturn", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(",02,", StringComparison.Ordinal) && l.EndsWith(",0.5,0.5,6,0.5,1.5,1,0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",01,", StringComparison.Ordinal) && l.EndsWith(",,,,,,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_control_sheet_gives_each_holder_the_deadline_of_their_step_and_judges_it()
    {
        host.Clock.SetVietnamTime(Monday);
        await SeedAsync();
        var code = await SubmitAsync("01");

        // Receipt at 08:00; the desk hands over to the department at 09:00, whose leader names the specialist at 10:00.
        await AtAsync(Monday.AddHours(1), "steps.desk", code, "assign", new { departmentCode = "TP" });
        await AtAsync(Monday.AddHours(2), "steps.ld", code, "assign", new { departmentCode = "TP", specialist = "steps.cv" });

        // The specialist takes two weeks instead of seven working days; the leader signs within the hour.
        var submitted = Monday.AddDays(14).AddHours(2);
        await AtAsync(submitted, "steps.cv", code, "submit", new { note = "Đủ điều kiện" });
        await AtAsync(submitted.AddHours(1), "steps.ld", code, "approve", new { });

        var rows = await SheetRowsAsync(code);

        Assert.Equal(["Tiếp nhận", "Phân công", "Thẩm định, xử lý", "Xem xét, ký duyệt", "Ban hành kết quả"], rows.Select(r => r[1]));
        Assert.Equal(["steps.desk", "steps.ld", "steps.cv", "steps.ld", "steps.cv"], rows.Select(r => r[2]));
        Assert.Equal($"{await DueAsync(Monday, 0.5m)} (0,5 ngày)", rows[0][5]);
        Assert.Equal("Đúng hạn", rows[0][6]);
        Assert.Equal($"{await DueAsync(Monday.AddHours(1), 0.5m)} (0,5 ngày)", rows[1][5]);
        Assert.Equal("Đúng hạn", rows[1][6]);
        Assert.Equal($"{await DueAsync(Monday.AddHours(2), 7m)} (7 ngày)", rows[2][5]);
        Assert.Equal("Quá hạn", rows[2][6]);
        Assert.Equal($"{await DueAsync(submitted, 1.5m)} (1,5 ngày)", rows[3][5]);
        Assert.Equal("Trước hạn", rows[3][6]);
        Assert.Equal("Đang giữ", rows[4][4]);
    }

    [Fact]
    public async Task A_supplement_pause_moves_the_steps_deadline_by_the_time_with_the_applicant()
    {
        host.Clock.SetVietnamTime(Monday);
        await SeedAsync();
        var code = await SubmitAsync("02");
        await AtAsync(Monday.AddHours(1), "steps.desk", code, "assign", new { departmentCode = "TP", specialist = "steps.cv" });
        await AtAsync(Monday.AddDays(1), "steps.cv", code, "request-supplement", new { reason = "Bổ sung giấy xác nhận tình trạng hôn nhân" });
        await AtAsync(Monday.AddDays(3), "steps.desk", code, "supplement", new { });

        var rows = await SheetRowsAsync(code);

        var due = await DueAsync(Monday.AddHours(1), 6m);
        var resumed = await ResumedAsync(code, Monday.AddDays(1), due, Monday.AddDays(3));
        Assert.Equal(["Tiếp nhận", "Thẩm định, xử lý", "Chờ bổ sung", "Thẩm định, xử lý"], rows.Select(r => r[1]));
        Assert.Equal($"{due} (6 ngày)", rows[1][5]);
        Assert.Equal("Tạm dừng, chờ bổ sung", rows[2][5]);
        Assert.Equal($"{Format(resumed)} (6 ngày)", rows[3][5]);
        Assert.Contains("Thời hạn từng bước", string.Join("\n", await SheetTextAsync(code)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_keeps_the_split_in_force_when_it_was_submitted_and_older_dossiers_still_print()
    {
        host.Clock.SetVietnamTime(Monday.AddDays(21));
        await SeedAsync();
        var before = await SubmitAsync("02");
        await ImportAsync(Catalogue("0.5,0.5,5,0.5,2.5,1,0"), HttpStatusCode.OK);
        string after;
        try
        {
            after = await SubmitAsync("02");
        }
        finally
        {
            // The other tests of the class expect the catalogue's own split.
            await ImportAsync(Catalogue("0.5,0.5,6,0.5,1.5,1,0"), HttpStatusCode.OK);
        }

        var legacy = await SubmitAsync("01");

        // A dossier from before step budgets existed has none stored.
        await host.WithServiceAsync<DossiersDbContext, int>(db => db.Dossiers.Where(d => d.Code == legacy).ExecuteUpdateAsync(u => u.SetProperty(d => d.StepBudgets, (string?)null)));
        await AtAsync(Monday.AddDays(21).AddHours(1), "steps.desk", before, "assign", new { departmentCode = "TP", specialist = "steps.cv" });
        await AtAsync(Monday.AddDays(21).AddHours(1), "steps.desk", after, "assign", new { departmentCode = "TP", specialist = "steps.cv" });
        await AtAsync(Monday.AddDays(21).AddHours(1), "steps.desk", legacy, "assign", new { departmentCode = "TP", specialist = "steps.cv" });

        Assert.EndsWith("(6 ngày)", (await SheetRowsAsync(before))[1][5], StringComparison.Ordinal);
        Assert.EndsWith("(5 ngày)", (await SheetRowsAsync(after))[1][5], StringComparison.Ordinal);
        var old = await SheetTextAsync(legacy);
        Assert.Contains("Hồ sơ tiếp nhận trước khi áp dụng thời hạn cho từng bước: các bước được đối chiếu với thời hạn trả kết quả.", old);
        Assert.Contains("Phân công thụ lý", old);
    }

    private async Task<string> ImportAsync(string csv, HttpStatusCode expected)
    {
        var root = await host.SignedInClientAsync("steps.root", Password);
        var response = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(csv.Replace("\n        ", "\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, body);
        return body;
    }

    private async Task<string> SubmitAsync(string variant)
    {
        var desk = await host.SignedInClientAsync("steps.desk", Password);
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "1.000894",
            variantCode = variant,
            applicant = new { name = "Hà Văn Bước" },
            documents = new[] { new { name = "Tờ khai đăng ký kết hôn", provided = true } },
            receive = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    /// <summary>Sets the clock, signs in (tokens follow the clock) and acts.</summary>
    private async Task AtAsync(DateTime at, string user, string code, string action, object body)
    {
        host.Clock.SetVietnamTime(at);
        var client = await host.SignedInClientAsync(user, Password);
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> DueAsync(DateTime from, decimal workingDays) => Format(await DueAtAsync(from, workingDays));

    private async Task<DateTime> DueAtAsync(DateTime from, decimal workingDays)
    {
        var due = await host.Client.GetFromJsonAsync<JsonElement>(string.Create(
            CultureInfo.InvariantCulture, $"/api/v1/calendar/due?from={from:yyyy-MM-ddTHH:mm:ss}&workingDays={workingDays}&unit=SB1"));
        return due.GetProperty("dueAt").GetDateTime();
    }

    private async Task<DateTime> ResumedAsync(string code, DateTime pausedAt, string due, DateTime resumedAt)
    {
        var dossier = await host.WithServiceAsync<DossiersDbContext, Motcua.Dossiers.Dossier>(db => db.Dossiers.SingleAsync(d => d.Code == code));
        return await host.WithServiceAsync<Motcua.Calendar.Contracts.IWorkingTime, DateTime>(async clock =>
            (await clock.ResumeAsync(dossier.UnitId, pausedAt, DateTime.ParseExact(due, "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), resumedAt, true)).DueAt);
    }

    private static string Format(DateTime at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<string>> SheetTextAsync(string code)
    {
        using var document = await SheetAsync(code);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText)];
    }

    /// <summary>The rows of the sheet's table below its header, cell by cell.</summary>
    private async Task<List<string[]>> SheetRowsAsync(string code)
    {
        using var document = await SheetAsync(code);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().Last()
            .Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(1)
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray())];
    }

    private async Task<WordprocessingDocument> SheetAsync(string code)
    {
        var desk = await host.SignedInClientAsync("steps.desk", Password);
        var response = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/06?format=docx");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
    }
}

public sealed class StepBudgetsOnSqlite(ClockedSqliteHost host) : StepBudgetTests<ClockedSqliteHost>(host);

public sealed class StepBudgetsOnPostgres(ClockedPostgresHost host) : StepBudgetTests<ClockedPostgresHost>(host);
