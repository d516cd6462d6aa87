using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>The one-stop shop through HTTP: catalogue, intake, the lifecycle with its rules, the citizen side; on both databases.</summary>
public abstract class OneStopLifecycleTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private const string Catalogue = """
        code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate
        1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,2025-07-01,01,Đăng ký khai sinh đúng hạn,3,workingDays,0,,Tờ khai đăng ký khai sinh,1,0,Mẫu TT 04/2024/TT-BTP
        1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,2025-07-01,01,Đăng ký khai sinh đúng hạn,3,workingDays,0,,Giấy chứng sinh,1,0,
        1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,2025-07-01,02,Đăng ký khai sinh quá hạn,5,workingDays,0,,Tờ khai đăng ký khai sinh,1,0,
        2.000908,Chứng thực bản sao từ bản chính,Chứng thực,commune,Nghị định 23/2015/NĐ-CP,none,no,no,2025-07-01,01,Chứng thực bản sao,0.5,workingDays,2000,2.000 đồng/trang,Bản chính giấy tờ,1,0,
        2.001234,Cấp giấy phép xây dựng nhà ở riêng lẻ,Hoạt động xây dựng,commune,Luật Xây dựng 2014,partial,yes,yes,2025-07-01,01,Cấp mới,15,calendarDays,75000,,Đơn đề nghị cấp giấy phép,1,0,Mẫu số 01
        """;

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("P7")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("P7", "Tỉnh Hòa Bình Thử", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("K1", "Xã Kim Sơn", UnitKind.Commune, "P7", new DateOnly(2025, 7, 1)));
            await units.CreateAsync(new NewUnit("K2", "Phường Kỳ Sơn", UnitKind.Ward, "P7", new DateOnly(2025, 7, 1)));
            await units.CreateAsync(new NewUnit("Q9", "Tỉnh Khác", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("Q91", "Xã Ngoài Tỉnh", UnitKind.Commune, "Q9", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("root7", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("desk.k1", Password, "K1", Roles.ReceivingOfficer);
        await host.CreateUserAsync("desk.k2", Password, "K2", Roles.ReceivingOfficer);
        await host.CreateUserAsync("desk.p7", Password, "P7", Roles.ReceivingOfficer);
        await host.CreateUserAsync("cv.k1", Password, "K1", Roles.Specialist);
        await host.CreateUserAsync("ld.k1", Password, "K1", Roles.Leader);
        await host.AddDepartmentsAsync("K1", "VP", "PKT");
        var root = await host.SignedInClientAsync("root7", Password);
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Catalogue.Replace("\n        ", "\n", StringComparison.Ordinal), System.Text.Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var assign = await root.PutAsJsonAsync("/api/v1/units/K1/procedures", new[]
        {
            new { procedureCode = "1.001193", departmentCode = "VP" },
            new { procedureCode = "2.000908", departmentCode = "VP" },
            new { procedureCode = "2.001234", departmentCode = "PKT" },
        });
        Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_unit_publishes_its_procedures_in_the_documented_shape()
    {
        await SeedAsync();

        var procedures = await host.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/procedures?unit=K1");
        var none = await host.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/procedures?unit=K2");
        var unknown = await host.Client.GetAsync("/api/v1/procedures?unit=NOPE");

        Assert.Equal(["1.001193", "2.000908", "2.001234"], procedures!.Select(p => p.GetProperty("code").GetString()).Order());
        var birth = procedures!.Single(p => p.GetProperty("code").GetString() == "1.001193");
        Assert.Equal(["code", "name", "onlineLevel", "variants"], birth.EnumerateObject().Select(p => p.Name).Take(4));
        Assert.Equal("full", birth.GetProperty("onlineLevel").GetString());
        var late = birth.GetProperty("variants")[1];
        Assert.Equal(["code", "name", "processingTime", "fee"], late.EnumerateObject().Select(p => p.Name).Take(4));
        Assert.Equal("""{"value":5,"unit":"workingDays"}""", late.GetProperty("processingTime").GetRawText());
        Assert.Equal("calendarDays", procedures!.Single(p => p.GetProperty("code").GetString() == "2.001234").GetProperty("variants")[0].GetProperty("processingTime").GetProperty("unit").GetString());
        Assert.Empty(none!);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_bad_catalogue_file_is_rejected_whole_with_row_numbers()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root7", Password);
        const string Bad = "code,name,field,level,onlineLevel,variantCode,processingTime,timeUnit,fee,documentName,originals,copies\n"
            + "9.000001,Thủ tục mới,Hộ tịch,commune,full,01,3,workingDays,0,Tờ khai,1,0\n"
            + "9.000002,Thủ tục lỗi,Hộ tịch,commune,sometimes,01,2.3,weeks,-5,Tờ khai,1,0\n";

        var response = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Bad, System.Text.Encoding.UTF8, "text/csv"), "file", "bad.csv" },
        });
        var body = await response.Content.ReadAsStringAsync();
        var catalogue = await host.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/procedures");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("3", body, StringComparison.Ordinal);
        Assert.DoesNotContain(catalogue!, p => p.GetProperty("code").GetString() == "9.000001");
    }

    [Fact]
    public async Task A_dossier_goes_from_the_counter_to_the_applicant_and_every_rule_holds_on_the_way()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.k1", Password);
        var specialist = await host.SignedInClientAsync("cv.k1", Password);
        var leader = await host.SignedInClientAsync("ld.k1", Password);

        // Intake at the counter, complete: received at once, with a code, a secret and an appointment.
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "2.001234",
            channel = "counter",
            applicant = new { name = "Nguyễn Thị Hoa", identityNumber = "017190001234", phone = "0912345678", address = "Xóm Mới, xã Kim Sơn" },
            documents = new[] { new { name = "Đơn đề nghị cấp giấy phép", provided = true, digitised = true } },
            receive = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
        var code = dossier.GetProperty("code").GetString()!;
        var secret = dossier.GetProperty("secret").GetString()!;
        Assert.Matches(@"^K1-\d{6}-\d{4}$", code);
        Assert.Equal("received", dossier.GetProperty("status").GetString());
        var receivedAt = dossier.GetProperty("receivedAt").GetDateTime();
        var expectedDue = await host.Client.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/due?from={receivedAt:yyyy-MM-ddTHH:mm:ss}&days=15");
        Assert.Equal(expectedDue.GetProperty("dueAt").GetString(), dossier.GetProperty("dueAt").GetString());

        // The role decides who may act; the state decides what may happen.
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/approve", new { })).StatusCode);
        var tooEarly = await leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        var problem = await tooEarly.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("approve", problem.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("vi").GetString()));
        Assert.NotEqual(problem.GetProperty("en").GetString(), problem.GetProperty("vi").GetString());

        await Act(desk, code, "assign", new { departmentCode = "PKT", specialist = "cv.k1" });
        var stale = await specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/submit", new { expectedVersion = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // One supplement request; a second is refused; the clock restarts with a new appointment.
        var paused = await Act(specialist, code, "request-supplement", new { reason = "Bổ sung bản vẽ thiết kế" });
        Assert.Equal("supplementRequested", paused.GetProperty("status").GetString());
        var resumed = await Act(desk, code, "supplement", new { note = "Công dân đã nộp bản vẽ" });
        Assert.True(resumed.GetProperty("dueAt").GetDateTime() >= dossier.GetProperty("dueAt").GetDateTime());
        Assert.Equal(dossier.GetProperty("dueAt").GetString(), resumed.GetProperty("originalDueAt").GetString());
        var second = await specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/request-supplement", new { reason = "Lần hai" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        await Act(specialist, code, "submit", new { note = "Đủ điều kiện cấp phép" });
        await Act(leader, code, "approve", new { });
        await Act(specialist, code, "complete", new { electronicResult = true });

        // Not returned before the fee is paid; then returned by post.
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/return", new { channel = "postal" })).StatusCode);
        await Act(desk, code, "pay", new { amount = 75000 });
        var returned = await Act(desk, code, "return", new { channel = "postal" });
        Assert.Equal("returned", returned.GetProperty("status").GetString());

        // The history is complete and in order.
        var full = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal(
            ["create", "receive", "assign", "request-supplement", "supplement", "submit", "approve", "complete", "pay", "return"],
            full.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        // The citizen side: a wrong secret looks like an unknown code; rating once.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/v1/public/dossiers/{code}?secret=WRONG123")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/v1/public/dossiers/K1-000000-0000?secret={secret}")).StatusCode);
        var lookup = await host.Client.GetFromJsonAsync<JsonElement>($"/api/v1/public/dossiers/{code}?secret={secret.ToLowerInvariant()}");
        Assert.Equal("returned", lookup.GetProperty("status").GetString());
        Assert.True(lookup.GetProperty("canRate").GetBoolean());
        Assert.False(lookup.TryGetProperty("secret", out _));
        var rated = await host.Client.PostAsJsonAsync($"/api/v1/public/dossiers/{code}/rating?secret={secret}", new { rating = "verySatisfied" });
        var again = await host.Client.PostAsJsonAsync($"/api/v1/public/dossiers/{code}/rating?secret={secret}", new { rating = "notSatisfied", harassment = true });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Desks_receiving_at_the_same_moment_get_consecutive_codes_and_a_refused_receipt_takes_none()
    {
        await SeedAsync();
        var desks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.SignedInClientAsync("desk.k1", Password)));
        static object Dossier(bool complete) => new
        {
            procedureCode = "1.001193",
            variantCode = "01",
            applicant = new { name = "Lê Văn Đồng" },
            documents = complete
                ? new[] { new { name = "Tờ khai đăng ký khai sinh", provided = true }, new { name = "Giấy chứng sinh", provided = true } }
                : new[] { new { name = "Tờ khai đăng ký khai sinh", provided = true } },
            receive = true,
        };
        static async Task<int> NumberAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
            return int.Parse(code[^4..], CultureInfo.InvariantCulture);
        }

        var received = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => desks[i % desks.Length].PostAsJsonAsync("/api/v1/dossiers", Dossier(complete: true))));
        var numbers = (await Task.WhenAll(received.Select(NumberAsync))).Order().ToList();
        var refused = await desks[0].PostAsJsonAsync("/api/v1/dossiers", Dossier(complete: false));
        var next = await NumberAsync(await desks[0].PostAsJsonAsync("/api/v1/dossiers", Dossier(complete: true)));

        Assert.Equal(Enumerable.Range(numbers[0], 8), numbers);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(numbers[^1] + 1, next);
    }

    [Fact]
    public async Task Incomplete_dossiers_are_not_received_and_other_units_do_not_see_them()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.k1", Password);
        var other = await host.SignedInClientAsync("desk.k2", Password);

        var incomplete = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "1.001193",
            variantCode = "01",
            applicant = new { name = "Trần Văn Bình" },
            documents = new[] { new { name = "Tờ khai đăng ký khai sinh", provided = true } },
            receive = true,
        });
        var submitted = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "1.001193",
            variantCode = "01",
            applicant = new { name = "Trần Văn Bình" },
            documents = new[] { new { name = "Tờ khai đăng ký khai sinh", provided = true } },
        });
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var guidance = await Act(desk, code!, "request-intake-supplement", new { reason = "Thiếu giấy chứng sinh" });
        var seenByOther = await other.GetAsync($"/api/v1/dossiers/{code}");
        var actByOther = await other.PostAsJsonAsync($"/api/v1/dossiers/{code}/refuse-intake", new { reason = "x" });
        var notHandled = await other.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "1.001193", applicant = new { name = "A" } });

        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Giấy chứng sinh", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("intakeSupplementRequested", guidance.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, guidance.GetProperty("dueAt").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, seenByOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, actByOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notHandled.StatusCode);
    }

    [Fact]
    public async Task A_provincial_desk_receives_for_a_commune_and_both_see_it_but_not_another_province()
    {
        await SeedAsync();
        var province = await host.SignedInClientAsync("desk.p7", Password);
        var commune = await host.SignedInClientAsync("desk.k1", Password);

        var created = await province.PostAsJsonAsync("/api/v1/dossiers", new
        {
            unitCode = "K1",
            procedureCode = "2.000908",
            applicant = new { name = "Lê Văn Cường" },
            documents = new[] { new { name = "Bản chính giấy tờ", provided = true } },
            receive = true,
        });
        var outside = await province.PostAsJsonAsync("/api/v1/dossiers", new { unitCode = "Q91", procedureCode = "2.000908", applicant = new { name = "X" } });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var inbox = await commune.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?box=toAssign");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("K1-", code, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/v1/dossiers/{code}")).StatusCode);
    }

    [Fact]
    public async Task An_online_submission_without_an_account_is_looked_up_with_its_secret()
    {
        await SeedAsync();

        var offline = await host.Client.PostAsJsonAsync("/api/v1/public/dossiers", new { unitCode = "K1", procedureCode = "2.000908", applicant = new { name = "Phạm Thị Dung" } });
        var online = await host.Client.PostAsJsonAsync("/api/v1/public/dossiers", new
        {
            unitCode = "K1",
            procedureCode = "1.001193",
            variantCode = "02",
            applicant = new { name = "Phạm Thị Dung", email = "dung@example.vn" },
            documents = new[] { new { name = "Tờ khai đăng ký khai sinh", provided = true, digitised = true } },
        });
        var body = await online.Content.ReadFromJsonAsync<JsonElement>();
        var lookup = await host.Client.GetFromJsonAsync<JsonElement>($"/api/v1/public/dossiers/{body.GetProperty("code").GetString()}?secret={body.GetProperty("secret").GetString()}");

        Assert.Equal(HttpStatusCode.BadRequest, offline.StatusCode);
        Assert.Equal(HttpStatusCode.Created, online.StatusCode);
        Assert.Equal("submitted", lookup.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("dueAt").ValueKind);
    }

    [Fact]
    public async Task The_receipt_and_the_control_sheet_print_as_docx_and_pdf_and_forms_that_do_not_apply_are_refused()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.k1", Password);
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "2.000908",
            applicant = new { name = "Võ Thị Ánh Tuyết", address = "Thôn Đông, xã Kim Sơn" },
            documents = new[] { new { name = "Bản chính giấy tờ", provided = true } },
            receive = true,
        });
        var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
        var code = dossier.GetProperty("code").GetString()!;

        var docx = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/01?format=docx");
        var pdf = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/01?format=pdf");
        var sheet = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/06");
        var apology = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/04");
        var badFormat = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/01?format=odt");
        var anonymous = await host.Client.GetAsync($"/api/v1/dossiers/{code}/forms/01");
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var register = await desk.GetAsync($"/api/v1/dossiers/register?from={today}&to={today}&format=docx");

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var text = DocxText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 01 — Thông tư 03/2025/TT-VPCP", text, StringComparison.Ordinal);
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("Võ Thị Ánh Tuyết", text, StringComparison.Ordinal);
        Assert.Contains("Bộ phận Một cửa của Xã Kim Sơn đã tiếp nhận hồ sơ của:", text, StringComparison.Ordinal);
        Assert.Contains(dossier.GetProperty("secret").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", DocxText(await sheet.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, apology.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Contains(code, DocxText(await register.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_change_reaches_the_national_portal_and_the_sync_state_is_shown()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.k1", Password);
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "2.000908",
            applicant = new { name = "Hồ Văn Đức" },
            documents = new[] { new { name = "Bản chính giấy tờ", provided = true } },
            receive = true,
        });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        async Task<JsonElement> SyncStateAsync() => (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("portalSync");
        async Task SyncAsync() => await host.WithServiceAsync<Motcua.Dossiers.Portal.PortalSynchroniser, (int, int)>(s => s.SyncDueAsync(1000, CancellationToken.None));

        var before = await SyncStateAsync();
        await SyncAsync();
        var after = await SyncStateAsync();
        await Act(desk, code, "assign", new { departmentCode = "VP", specialist = "cv.k1" });
        var behind = await SyncStateAsync();
        await SyncAsync();
        var caughtUp = await SyncStateAsync();
        var nothingDue = await host.WithServiceAsync<Motcua.Dossiers.Portal.PortalSynchroniser, (int, int)>(s => s.SyncDueAsync(1000, CancellationToken.None));
        var portal = host.App.Services.GetRequiredService<Motcua.Dossiers.Portal.LocalNationalPortal>();

        Assert.False(before.GetProperty("upToDate").GetBoolean());
        Assert.True(after.GetProperty("upToDate").GetBoolean());
        Assert.False(behind.GetProperty("upToDate").GetBoolean());
        Assert.True(caughtUp.GetProperty("upToDate").GetBoolean());
        Assert.Equal(3, caughtUp.GetProperty("syncedVersion").GetInt32());
        // Once the portal has the latest version, the dossier is no longer due: the next round sends nothing.
        Assert.Equal((0, 0), nothingDue);
        Assert.Equal("InProcessing", portal.Received[code].Status);
    }

    [Fact]
    public async Task A_dossier_the_portal_keeps_refusing_waits_and_does_not_hold_up_the_others()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.k1", Password);
        async Task<string> ReceiveAsync(string applicant)
        {
            var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
            {
                procedureCode = "2.000908",
                applicant = new { name = applicant },
                documents = new[] { new { name = "Bản chính giấy tờ", provided = true } },
                receive = true,
            });
            return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        }

        async Task<(int, int)> SyncAsync(int batch) =>
            await host.WithServiceAsync<Motcua.Dossiers.Portal.PortalSynchroniser, (int, int)>(s => s.SyncDueAsync(batch, CancellationToken.None));

        await SyncAsync(1000);
        var portal = host.App.Services.GetRequiredService<Motcua.Dossiers.Portal.LocalNationalPortal>();
        var refused = await ReceiveAsync("Lê Văn Từ");
        var next = await ReceiveAsync("Phan Thị Hoa");
        portal.Refuse(refused);
        try
        {
            // One dossier per round: the oldest is refused, then it waits and the next one goes.
            var first = await SyncAsync(1);
            var second = await SyncAsync(1);
            var state = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{refused}")).GetProperty("portalSync");
            var refusedPage = await desk.GetStringAsync($"/dossiers/{refused}");
            var syncedPage = await desk.GetStringAsync($"/dossiers/{next}");

            Assert.Equal((0, 1), first);
            Assert.Equal((1, 0), second);
            Assert.True(portal.Received.ContainsKey(next));
            Assert.False(portal.Received.ContainsKey(refused));
            Assert.False(state.GetProperty("upToDate").GetBoolean());
            Assert.Equal(1, state.GetProperty("attempts").GetInt32());
            Assert.Contains(refused, state.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.String, state.GetProperty("retryAfter").ValueKind);
            // The officers see it on the dossier's page too, with the portal's error and the next attempt.
            Assert.Contains("Chưa đồng bộ được", refusedPage, StringComparison.Ordinal);
            Assert.Contains($"The local portal refuses dossier {refused}.", refusedPage, StringComparison.Ordinal);
            Assert.Contains("Đã đồng bộ lúc", syncedPage, StringComparison.Ordinal);
        }
        finally
        {
            portal.Accept(refused);
        }
    }

    [Fact]
    public async Task The_dossiers_due_for_the_portal_are_read_through_the_partial_index()
    {
        await SeedAsync();
        var plan = await host.WithServiceAsync<Motcua.Dossiers.Data.DossiersDbContext, string>(async db =>
        {
            // The query the synchroniser runs, with its parameters written in (EXPLAIN takes no parameters).
            var lines = Motcua.Dossiers.Portal.PortalSynchroniser.Due(db, 200, new DateTime(2026, 11, 26, 10, 0, 0)).ToQueryString().Split('\n');
            var sql = string.Join('\n', lines.Where(l => !l.StartsWith("-- @", StringComparison.Ordinal) && !l.StartsWith(".param", StringComparison.Ordinal)));
            foreach (var line in lines.Select(l => l.TrimEnd('\r')))
            {
                // "-- @name='value' (DbType = …)" from PostgreSQL, ".param set @name value" from SQLite.
                if (line.StartsWith("-- @", StringComparison.Ordinal))
                {
                    var name = line[3..line.IndexOf('=', StringComparison.Ordinal)];
                    var value = line.Split('\'')[1];
                    sql = sql.Replace(name, int.TryParse(value, CultureInfo.InvariantCulture, out _) ? value : $"'{value}'", StringComparison.Ordinal);
                }
                else if (line.StartsWith(".param set ", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ', 4);
                    sql = sql.Replace(parts[2], parts[3], StringComparison.Ordinal);
                }
            }

            var postgres = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // The test's tables are tiny: without this PostgreSQL reads them whole whatever the indexes.
            command.CommandText = postgres ? "SET LOCAL enable_seqscan = off; EXPLAIN " + sql : "EXPLAIN QUERY PLAN " + sql;
            await using var transaction = await connection.BeginTransactionAsync();
            command.Transaction = transaction;
            var text = new System.Text.StringBuilder();
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    text.AppendLine(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
                }
            }
            while (await reader.NextResultAsync());
            return text.ToString();
        });

        Assert.Contains("IX_dossiers_portal_due", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_are_checked_by_content_stored_privately_and_served_only_to_who_may_see_the_dossier()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.k1", Password);
        var other = await host.SignedInClientAsync("desk.k2", Password);
        var submitted = await desk.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "2.000908", applicant = new { name = "Mai Văn Phúc" } });
        var dossier = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var code = dossier.GetProperty("code").GetString()!;
        var secret = dossier.GetProperty("secret").GetString()!;
        var pdf = Motcua.UnitTests.Common.SampleFiles.Pdf();
        MultipartFormDataContent Upload(byte[] bytes, string fileName, string? documentName = "Bản chính giấy tờ") =>
            new() { { new ByteArrayContent(bytes), "file", fileName }, { new StringContent(documentName ?? string.Empty), "documentName" } };

        var disguised = await desk.PostAsync($"/api/v1/dossiers/{code}/files", Upload("MZ\u0090 not a pdf"u8.ToArray(), "scan.pdf"));
        var wrongLine = await desk.PostAsync($"/api/v1/dossiers/{code}/files", Upload(pdf, "scan.pdf", "Giấy tờ không có trong danh mục"));
        var byOtherUnit = await other.PostAsync($"/api/v1/dossiers/{code}/files", Upload(pdf, "scan.pdf"));
        var byApplicant = await host.Client.PostAsync($"/api/v1/public/dossiers/{code}/files?secret={secret}", Upload(pdf, "ban-chinh.pdf"));
        var wrongSecret = await host.Client.PostAsync($"/api/v1/public/dossiers/{code}/files?secret=AAAAAAAA", Upload(pdf, "x.pdf"));
        var received = await desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/receive", new { });
        var list = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/files");
        var id = list![0].GetProperty("id").GetString();
        var download = await desk.GetAsync($"/api/v1/dossiers/{code}/files/{id}");
        var downloadByOther = await other.GetAsync($"/api/v1/dossiers/{code}/files/{id}");
        var anonymous = await host.Client.GetAsync($"/api/v1/dossiers/{code}/files/{id}");
        var afterReceipt = await host.Client.PostAsync($"/api/v1/public/dossiers/{code}/files?secret={secret}", Upload(pdf, "late.pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongLine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byApplicant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var documents = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents");
        Assert.True(documents[0].GetProperty("provided").GetBoolean());
        Assert.True(documents[0].GetProperty("digitised").GetBoolean());
        Assert.Single(list!);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, downloadByOther.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterReceipt.StatusCode);
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "files")));
    }

    [Fact]
    public async Task The_applicant_is_told_of_the_receipt_and_the_supplement_request_by_email_and_sms_once()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.k1", Password);
        var specialist = await host.SignedInClientAsync("cv.k1", Password);
        var root = await host.SignedInClientAsync("root7", Password);
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "2.000908",
            applicant = new { name = "Lý Thị Mai", email = "mai@example.vn", phone = "0912 345 678" },
            documents = new[] { new { name = "Bản chính giấy tờ", provided = true } },
            receive = true,
        });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await Act(desk, code, "assign", new { departmentCode = "VP", specialist = "cv.k1" });
        await Act(specialist, code, "request-supplement", new { reason = "Bổ sung bản sao có chứng thực" });

        var messages = await root.GetFromJsonAsync<JsonElement[]>($"/api/v1/notifications?reference={code}");
        var bodies = await host.WithServiceAsync<Motcua.Notifications.Data.NotificationsDbContext, List<string>>(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Outbox.Where(m => m.Reference == code).Select(m => m.Body)));

        Assert.Equal(4, messages!.Length);
        Assert.Equal(2, messages.Count(m => m.GetProperty("channel").GetString() == "email"));
        Assert.Contains(messages, m => m.GetProperty("subject").GetString() == $"Hồ sơ {code}: đã tiếp nhận");
        Assert.Contains(bodies, b => b.Contains("đã được tiếp nhận", StringComparison.Ordinal));
        Assert.Equal(2, bodies.Count(b => b.Contains("Bổ sung bản sao có chứng thực", StringComparison.Ordinal)));
        Assert.All(bodies, b => Assert.DoesNotContain("Tra cứu: /", b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queues_filter_by_procedure_and_submission_period()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.k1", Password);
        await desk.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "2.001234", applicant = new { name = "Đinh Công Tráng" } });
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddHours(31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var permits = await desk.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?procedure=2.001234");
        var todays = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?from={today}&to={today}");
        var future = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?from={tomorrow}");
        var backwards = await desk.GetAsync($"/api/v1/dossiers?from={tomorrow}&to={today}");

        Assert.True(permits.GetProperty("total").GetInt32() >= 1);
        Assert.All(permits.GetProperty("items").EnumerateArray(), i => Assert.Equal("Cấp giấy phép xây dựng nhà ở riêng lẻ", i.GetProperty("procedureName").GetString()));
        Assert.True(todays.GetProperty("total").GetInt32() >= permits.GetProperty("total").GetInt32());
        Assert.Equal(0, future.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_dossier_api_with_examples()
    {
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var submit = document.GetProperty("paths").GetProperty("/api/v1/dossiers").GetProperty("post");
        var action = document.GetProperty("paths").GetProperty("/api/v1/dossiers/{code}/{action}").GetProperty("post");

        Assert.Equal("1.001193", submit.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("procedureCode").GetString());
        Assert.Equal(3, action.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("expectedVersion").GetInt32());
        Assert.Contains("409", action.GetProperty("responses").EnumerateObject().Select(r => r.Name));
        Assert.Contains("request-supplement", action.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    private static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static async Task<JsonElement> Act(HttpClient client, string code, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}

public sealed class OneStopLifecycleOnSqlite(SqliteHost host) : OneStopLifecycleTests<SqliteHost>(host);

public sealed class OneStopLifecycleOnPostgres(PostgresHost host) : OneStopLifecycleTests<PostgresHost>(host);
