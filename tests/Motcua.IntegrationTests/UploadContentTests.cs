using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Dossiers.Data;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;
using Motcua.UnitTests.Common;
using static Motcua.IntegrationTests.PlansApi;

namespace Motcua.IntegrationTests;

/// <summary>
/// Uploads judged by their content through HTTP, on both databases (ADR 0019): every hostile file is a 400
/// naming the field "file", leaves no row in the database and no file in the data directory; a file whose
/// record the dossier refuses after it was written is deleted again.
/// </summary>
public abstract class UploadContentTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private const string Catalogue = """
        code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate
        2.000908,Chứng thực bản sao từ bản chính,Chứng thực,commune,Nghị định 23/2015/NĐ-CP,none,no,no,2025-07-01,01,Chứng thực bản sao,0.5,workingDays,2000,2.000 đồng/trang,Bản chính giấy tờ,1,0,
        """;

    private static int _plansMade;

    private readonly PlansApi _plans = new(host);

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string? documentName = "Bản chính giấy tờ", bool result = false)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        form.Add(result ? new StringContent("true") : new StringContent(documentName ?? string.Empty), result ? "result" : "documentName");
        return form;
    }

    private int FilesOnDisk(string folder)
    {
        var root = host.App.Services.GetRequiredService<DataDirectory>().Combine(folder);
        return Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count() : 0;
    }

    private Task<int> DossierFileRowsAsync() =>
        host.WithServiceAsync<DossiersDbContext, int>(db => db.Set<Motcua.Dossiers.Files.DossierFile>().CountAsync());

    private async Task<(HttpClient Desk, string Code)> DossierAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("UP1")) is null)
        {
            await host.WithServiceAsync<UnitAdministration, object>(async units =>
            {
                await units.CreateAsync(new NewUnit("UP", "Tỉnh Tải Lên", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("UP1", "Xã Tải Lên", UnitKind.Commune, "UP", new DateOnly(2025, 7, 1)));
                return new object();
            });
            await host.CreateUserAsync("up.root", Password, null, Roles.SystemAdmin);
            await host.CreateUserAsync("up.desk", Password, "UP1", Roles.ReceivingOfficer);
            var root = await host.SignedInClientAsync("up.root", Password);
            var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
            {
                { new StringContent(Catalogue.Replace("\n        ", "\n", StringComparison.Ordinal), System.Text.Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
            });
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
            var assign = await root.PutAsJsonAsync("/api/v1/units/UP1/procedures", new[] { new { procedureCode = "2.000908", departmentCode = "VP" } });
            Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
        }

        var desk = await host.SignedInClientAsync("up.desk", Password);
        var submitted = await desk.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "2.000908", applicant = new { name = "Lê Thị Tải" } });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        return (desk, (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var errors = JsonSerializer.Deserialize<JsonElement>(text).GetProperty("errors");
        Assert.True(errors.TryGetProperty("file", out var messages), text);
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Theory]
    [MemberData(nameof(HostileUploads.All), MemberType = typeof(HostileUploads))]
    public async Task A_hostile_dossier_file_is_refused_and_leaves_nothing_behind(string kind, string fileName)
    {
        var (desk, code) = await DossierAsync();
        var (rows, files) = (await DossierFileRowsAsync(), FilesOnDisk("files"));

        await AssertRefusedAsync(await desk.PostAsync($"/api/v1/dossiers/{code}/files", Upload(HostileUploads.Content(kind), fileName)));

        Assert.Equal(rows, await DossierFileRowsAsync());
        Assert.Equal(files, FilesOnDisk("files"));
        Assert.Empty((await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/files"))!);
    }

    [Fact]
    public async Task Refusals_are_translated_and_a_real_file_is_kept_under_its_cleaned_name()
    {
        var (desk, code) = await DossierAsync();
        var files = FilesOnDisk("files");
        desk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        var refused = await desk.PostAsync($"/api/v1/dossiers/{code}/files", Upload(HostileUploads.Content("macro"), "to-khai.docx"));
        var message = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.StartsWith("Tệp Office chứa macro", message, StringComparison.Ordinal);

        var accepted = await desk.PostAsync($"/api/v1/dossiers/{code}/files", Upload(SampleFiles.Png(), "ban\u202Echinh\u200E.png"));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var saved = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("banchinh.png", saved.GetProperty("fileName").GetString());
        Assert.Equal("image/png", saved.GetProperty("contentType").GetString());
        Assert.Equal(files + 1, FilesOnDisk("files"));
    }

    [Fact]
    public async Task A_file_written_for_a_record_the_dossier_then_refuses_is_deleted()
    {
        // A result may be attached only once the dossier is decided: the store has written the (valid) file
        // by the time the dossier refuses, so the refusal must take the file away again.
        var (desk, code) = await DossierAsync();
        var (rows, files) = (await DossierFileRowsAsync(), FilesOnDisk("files"));

        var early = await desk.PostAsync($"/api/v1/dossiers/{code}/files", Upload(SampleFiles.Pdf(), "ket-qua.pdf", result: true));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(rows, await DossierFileRowsAsync());
        Assert.Equal(files, FilesOnDisk("files"));
    }

    [Theory]
    [MemberData(nameof(HostileUploads.All), MemberType = typeof(HostileUploads))]
    public async Task A_hostile_evidence_file_of_a_plan_report_is_refused_and_leaves_nothing_behind(string kind, string fileName)
    {
        var (plan, reform) = await _plans.PlanAsync($"{Interlocked.Increment(ref _plansMade) + 500}/KH-UBND");
        var task = await AddTaskAsync(reform, plan, NewTask("1", "KW1", Day(5)));
        var staff = await _plans.ClientAsync("kw1.staff");
        var report = await ReadAsync(await staff.PostAsJsonAsync($"/api/v1/plans/tasks/{task}/reports", new { status = "inProgress", percent = 10, text = "Đang làm" }), HttpStatusCode.Created);
        var rows = await host.WithServiceAsync<PlansDbContext, int>(db => db.Evidence.CountAsync());
        var files = FilesOnDisk("plans");

        await AssertRefusedAsync(await staff.PostAsync($"/api/v1/plans/reports/{report.GetProperty("id").GetGuid()}/evidence", FileContent(fileName, HostileUploads.Content(kind))));

        Assert.Equal(rows, await host.WithServiceAsync<PlansDbContext, int>(db => db.Evidence.CountAsync()));
        Assert.Equal(files, FilesOnDisk("plans"));
    }

    [Fact]
    public async Task A_plan_source_with_macros_is_refused_and_a_clean_one_is_kept()
    {
        var (plan, reform) = await _plans.PlanAsync("77/KH-UBND");
        var files = FilesOnDisk("plans");
        var docm = SampleFiles.Docx(mainType: "application/vnd.ms-word.document.macroEnabled.main+xml");

        await AssertRefusedAsync(await reform.PostAsync($"/api/v1/plans/{plan}/source", FileContent("ke-hoach.docx", docm)));
        Assert.Equal(files, FilesOnDisk("plans"));

        var clean = await ReadAsync(await reform.PostAsync($"/api/v1/plans/{plan}/source", FileContent("ke-hoach.docx", SampleFiles.Docx())), HttpStatusCode.OK);
        Assert.Equal("ke-hoach.docx", clean.GetProperty("sourceFile").GetString());
        Assert.Equal(files + 1, FilesOnDisk("plans"));
    }
}

/// <summary>Hostile files, each starting with the bytes its name promises.</summary>
public static class HostileUploads
{
    public static TheoryData<string, string> All() => new()
    {
        { "macro", "to-khai.docx" },
        { "bomb", "to-khai.docx" },
        { "lying-size", "to-khai.docx" },
        { "javascript", "ban-chinh.pdf" },
        { "embedded-html", "ban-chinh.pdf" },
        { "truncated", "ban-chinh.pdf" },
        { "broken-image", "anh.png" },
        { "rtl-exe", "anh\u202Egnp.exe" },
    };

    internal static byte[] Content(string kind) => kind switch
    {
        "macro" => SampleFiles.Docx((package, main) => SampleFiles.AddPart(
            package, main, "/word/vbaProject.bin", "application/vnd.ms-office.vbaProject", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", [0xCC, 0x61])),
        "bomb" => SampleFiles.ZipBomb(),
        "lying-size" => SampleFiles.WithLyingSize(SampleFiles.Docx(), "word/document.xml", 12),
        "javascript" => SampleFiles.Pdf("/OpenAction 5 0 R", "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"),
        "embedded-html" => SampleFiles.Pdf(
            "/Names << /EmbeddedFiles << /Names [(a.htm) 5 0 R] >> >>", "<< /Type /Filespec /F (a.htm) /EF << /F 6 0 R >> >>",
            "<< /Type /EmbeddedFile /Subtype /text#2Fhtml /Length 9 >>\nstream\n<p>hi</p>\nendstream"),
        "truncated" => SampleFiles.Pdf()[..200],
        "broken-image" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3],
        "rtl-exe" => "MZ\u0090\0"u8.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

}

public sealed class UploadContentOnSqlite(SqliteHost host) : UploadContentTests<SqliteHost>(host);

public sealed class UploadContentOnPostgres(PostgresHost host) : UploadContentTests<PostgresHost>(host);
