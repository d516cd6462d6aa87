using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// A dossier prints the forms of the rules in force when it was received: Circular 01/2018/TT-VPCP before
/// 1 July 2025 (six forms; the control sheet is 05 and the register 06; no stop notice), Circular
/// 03/2025/TT-VPCP from that day. Both as .docx and as PDF (read back with PdfPig), on both databases.
/// </summary>
public abstract class FormsByRulesTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost, IClockedHost
{
    private const string Password = "Passw0rdLong";

    private const string Catalogue = """
        code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate
        1.004873,Thủ tục cấp bản sao trích lục hộ tịch,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,2019-01-01,01,Cấp bản sao,3,workingDays,0,,Tờ khai cấp bản sao trích lục,1,0,
        """;

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("BD")) is not null)
        {
            return;
        }

        // Units that existed before the reorganisation of July 2025.
        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("BD", "Tỉnh Bình Định", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("BD1", "Xã Phước Lộc", UnitKind.Commune, "BD", new DateOnly(2000, 1, 1)));
            return new object();
        });
        await host.CreateUserAsync("forms.root", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("forms.desk", Password, "BD1", Roles.ReceivingOfficer);
        await host.CreateUserAsync("forms.cv", Password, "BD1", Roles.Specialist);
        await host.CreateUserAsync("forms.ld", Password, "BD1", Roles.Leader);
        await host.AddDepartmentsAsync("BD1", "VP");
        var root = await host.SignedInClientAsync("forms.root", Password);
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Catalogue.Replace("\n        ", "\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var assign = await root.PutAsJsonAsync("/api/v1/units/BD1/procedures", new[] { new { procedureCode = "1.004873", departmentCode = "VP" } });
        Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_dossier_received_in_march_2025_prints_the_forms_of_circular_01_2018()
    {
        host.Clock.SetVietnamTime(new DateTime(2025, 3, 12, 9, 0, 0));
        await SeedAsync();
        var (code, refusedCode, stoppedCode) = await MakeDossiersAsync();

        var receipt = await FormAsync(code, "01");
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", receipt);
        Assert.Contains("Mẫu số 01 — Thông tư 01/2018/TT-VPCP", receipt);
        Assert.Contains("ngày 12/03/2025", receipt);
        Assert.Contains("Xã Phước Lộc", receipt);

        var supplement = await FormAsync(code, "02");
        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", supplement);
        Assert.Contains("Mẫu số 02 — Thông tư 01/2018/TT-VPCP", supplement);
        Assert.Contains("Bổ sung bản sao giấy khai sinh", supplement);

        // Circular 01/2018 names the refusal without the comma of 2025.
        var refusal = await FormAsync(refusedCode, "03");
        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", refusal);
        Assert.Contains("Mẫu số 03 — Thông tư 01/2018/TT-VPCP", refusal);

        // The apology of 2018 gave a new date; asking for an extension came with Decree 118/2025.
        var apology = await FormAsync(code, "04");
        Assert.Contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", apology);
        Assert.Contains("Mẫu số 04 — Thông tư 01/2018/TT-VPCP", apology);
        Assert.Contains("và hẹn trả kết quả giải quyết hồ sơ cho ông/bà vào", apology);
        Assert.DoesNotContain("gia hạn", apology);

        // The 2018 control sheet is form 05; the URL keeps the 2025 number 06.
        var sheet = await FormAsync(code, "06");
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", sheet);
        Assert.Contains("Mẫu số 05 — Thông tư 01/2018/TT-VPCP", sheet);

        // Circular 01/2018 had no stop notice: the notice is printed without a form number of a circular not yet issued.
        var stop = await FormAsync(stoppedCode, "05");
        Assert.Contains("PHIẾU DỪNG XỬ LÝ HỒ SƠ", stop);
        Assert.DoesNotContain("Mẫu số", stop);

        var register = await RegisterAsync("2025-03-01", "2025-03-31");
        Assert.Contains("SỔ THEO DÕI HỒ SƠ", register);
        Assert.Contains("Mẫu số 06 — Thông tư 01/2018/TT-VPCP", register);
        Assert.Contains(code, register);

        Assert.All(new[] { receipt, supplement, refusal, apology, sheet, register }, text => Assert.DoesNotContain("Thông tư 03/2025", text));
    }

    [Fact]
    public async Task A_dossier_received_in_august_2025_prints_the_forms_of_circular_03_2025()
    {
        host.Clock.SetVietnamTime(new DateTime(2025, 8, 12, 9, 0, 0));
        await SeedAsync();
        var (code, refusedCode, stoppedCode) = await MakeDossiersAsync();

        var receipt = await FormAsync(code, "01");
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", receipt);
        Assert.Contains("Mẫu số 01 — Thông tư 03/2025/TT-VPCP", receipt);
        Assert.Contains("ngày 12/08/2025", receipt);

        var supplement = await FormAsync(code, "02");
        Assert.Contains("Mẫu số 02 — Thông tư 03/2025/TT-VPCP", supplement);

        var refusal = await FormAsync(refusedCode, "03");
        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", refusal);
        Assert.Contains("Mẫu số 03 — Thông tư 03/2025/TT-VPCP", refusal);

        var apology = await FormAsync(code, "04");
        Assert.Contains("PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ", apology);
        Assert.Contains("Mẫu số 04 — Thông tư 03/2025/TT-VPCP", apology);
        Assert.Contains("đề nghị được gia hạn", apology);

        var stop = await FormAsync(stoppedCode, "05");
        Assert.Contains("PHIẾU DỪNG XỬ LÝ HỒ SƠ", stop);
        Assert.Contains("Mẫu số 05 — Thông tư 03/2025/TT-VPCP", stop);

        var sheet = await FormAsync(code, "06");
        Assert.Contains("Mẫu số 06 — Thông tư 03/2025/TT-VPCP", sheet);

        var register = await RegisterAsync("2025-08-01", "2025-08-31");
        Assert.Contains("Mẫu số 07 — Thông tư 03/2025/TT-VPCP", register);
        Assert.Contains(code, register);

        Assert.All(new[] { receipt, supplement, refusal, apology, stop, sheet, register }, text => Assert.DoesNotContain("Thông tư 01/2018", text));
    }

    /// <summary>
    /// At the clock's moment: a dossier with a supplement and an apology, one refused at intake and one
    /// stopped. Returns their codes.
    /// </summary>
    private async Task<(string Code, string Refused, string Stopped)> MakeDossiersAsync()
    {
        var desk = await host.SignedInClientAsync("forms.desk", Password);
        var specialist = await host.SignedInClientAsync("forms.cv", Password);
        var leader = await host.SignedInClientAsync("forms.ld", Password);
        var code = await SubmitAsync(desk, "Nguyễn Văn Xưa", receive: true);
        await Act(desk, code, "assign", new { departmentCode = "VP", specialist = "forms.cv" });
        await Act(specialist, code, "request-supplement", new { reason = "Bổ sung bản sao giấy khai sinh" });
        host.Clock.Advance(TimeSpan.FromHours(2));

        // Tokens last an hour on the application's clock: sign in again after moving it.
        desk = await host.SignedInClientAsync("forms.desk", Password);
        leader = await host.SignedInClientAsync("forms.ld", Password);
        var supplemented = await Act(desk, code, "supplement", new { note = "Đã nộp" });
        await Act(leader, code, "apologize", new { reason = "Phải xác minh tại nơi đăng ký", newDueAt = supplemented.GetProperty("dueAt").GetDateTime().AddDays(5) });

        var refused = await SubmitAsync(desk, "Trần Thị Từ Chối", receive: false);
        await Act(desk, refused, "refuse-intake", new { reason = "Không thuộc thẩm quyền giải quyết" });

        var stopped = await SubmitAsync(desk, "Lê Văn Dừng", receive: true);
        await Act(leader, stopped, "stop", new { reason = "Theo đề nghị của người nộp" });
        return (code, refused, stopped);
    }

    private async Task<string> FormAsync(string code, string form)
    {
        var desk = await host.SignedInClientAsync("forms.desk", Password);
        var docx = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/{form}?format=docx");
        var pdf = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/{form}?format=pdf");
        Assert.True(docx.StatusCode == HttpStatusCode.OK, $"{form}: {(int)docx.StatusCode} {await docx.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        return BothAgree(DocxText(await docx.Content.ReadAsByteArrayAsync()), PdfText(await pdf.Content.ReadAsByteArrayAsync()));
    }

    private async Task<string> RegisterAsync(string from, string to)
    {
        var desk = await host.SignedInClientAsync("forms.desk", Password);
        var docx = await desk.GetAsync($"/api/v1/dossiers/register?from={from}&to={to}&format=docx");
        var pdf = await desk.GetAsync($"/api/v1/dossiers/register?from={from}&to={to}&format=pdf");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        return BothAgree(DocxText(await docx.Content.ReadAsByteArrayAsync()), PdfText(await pdf.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>
    /// The .docx text, after checking that the PDF says the same: the PDF is compared without white space,
    /// since its words are placed one by one and a table cell wraps where the page decides.
    /// </summary>
    private static string BothAgree(string docx, string pdf)
    {
        var squashedPdf = Squash(pdf);
        foreach (var line in docx.Split('\n').Where(l => l.Length > 0 && l.Length < 120))
        {
            Assert.True(squashedPdf.Contains(Squash(line), StringComparison.Ordinal), $"The PDF lacks \"{line}\".");
        }

        return docx;
    }

    private static string Squash(string text) => new([.. text.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c))]);

    private static string PdfText(byte[] bytes)
    {
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes[..5]), StringComparison.Ordinal);
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        return string.Join("\n", document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
    }

    private static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static async Task<string> SubmitAsync(HttpClient desk, string applicant, bool receive)
    {
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "1.004873",
            applicant = new { name = applicant, address = "Thôn Phong Tấn, xã Phước Lộc" },
            documents = new[] { new { name = "Tờ khai cấp bản sao trích lục", provided = true } },
            receive,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task<JsonElement> Act(HttpClient client, string code, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}

public sealed class FormsByRulesOnSqlite(ClockedSqliteHost host) : FormsByRulesTests<ClockedSqliteHost>(host);

public sealed class FormsByRulesOnPostgres(ClockedPostgresHost host) : FormsByRulesTests<ClockedPostgresHost>(host);
