using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Dossiers.Data;
using Motcua.Dossiers.Portal;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// Dossiers arriving from the National Public Service Portal: fetched from the (local) portal on the
/// background schedule's unit of work, or pushed to the signed integration endpoint; idempotent on the
/// portal's reference, refused with a reason reported back, acknowledged with our code; on both databases.
/// </summary>
public abstract class NationalPortalIntakeTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    public const string Secret = "portal-shared-secret-for-tests";

    private const string Password = "Passw0rdLong";

    private const string Endpoint = "/api/v1/integrations/national-portal/dossiers";

    private static readonly byte[] Pdf = Motcua.UnitTests.Common.SampleFiles.Pdf();

    private LocalNationalPortal Portal => host.App.Services.GetRequiredService<LocalNationalPortal>();

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("NP1")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("NP", "Tỉnh Thử Cổng Quốc Gia", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("NP1", "Xã Nhận Hồ Sơ", UnitKind.Commune, "NP", new DateOnly(2025, 7, 1)));
            await units.CreateAsync(new NewUnit("NP2", "Xã Không Giải Quyết", UnitKind.Commune, "NP", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("portal.root", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("portal.desk", Password, "NP1", Roles.ReceivingOfficer);
        var root = await host.SignedInClientAsync("portal.root", Password);
        const string Catalogue = "code,name,field,level,onlineLevel,variantCode,variantName,processingTime,timeUnit,fee,documentName,originals,copies\n"
            + "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,full,01,Đúng hạn,3,workingDays,0,Tờ khai đăng ký khai sinh,1,0\n"
            + "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,full,01,Đúng hạn,3,workingDays,0,Giấy chứng sinh,1,0\n"
            + "2.000908,Chứng thực bản sao từ bản chính,Chứng thực,commune,none,01,Chứng thực,0.5,workingDays,2000,Bản chính giấy tờ,1,0\n";
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Catalogue, Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var assign = await root.PutAsJsonAsync("/api/v1/units/NP1/procedures", new[]
        {
            new { procedureCode = "1.001193", departmentCode = "TP" },
            new { procedureCode = "2.000908", departmentCode = "TP" },
        });
        Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_submission_fetched_from_the_portal_becomes_an_online_dossier_with_its_files_and_a_repeat_changes_nothing()
    {
        await SeedAsync();
        var reference = NewReference();
        Portal.Queue(Submission(reference, "NP1", "1.001193", withFiles: true));

        var first = await PullAsync();
        Portal.Queue(Submission(reference, "NP1", "1.001193", withFiles: true));
        var again = await PullAsync();
        var fetchedAfterwards = await host.WithServiceAsync<INationalPortal, IReadOnlyList<PortalSubmission>>(p => p.FetchSubmissionsAsync(CancellationToken.None));

        Assert.Equal((1, 0), first);
        Assert.Equal((1, 0), again);
        Assert.Empty(fetchedAfterwards);
        var acknowledgement = Portal.Acknowledged[reference];
        Assert.True(acknowledgement.Accepted);
        var code = acknowledgement.DossierCode!;
        Assert.StartsWith("NP1-", code, StringComparison.Ordinal);
        Assert.Equal(1, await DossiersWithReferenceAsync(reference));

        var desk = await host.SignedInClientAsync("portal.desk", Password);
        var dossier = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        Assert.Equal("online", dossier.GetProperty("channel").GetString());
        Assert.Equal("submitted", dossier.GetProperty("status").GetString());
        Assert.Equal(reference, dossier.GetProperty("portalReference").GetString());
        Assert.Equal("Trần Thị Cổng", dossier.GetProperty("applicant").GetProperty("name").GetString());
        Assert.All(dossier.GetProperty("documents").EnumerateArray(), d => Assert.True(d.GetProperty("provided").GetBoolean() && d.GetProperty("digitised").GetBoolean()));
        var events = dossier.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["create", "attach", "attach"], events.Select(e => e.GetProperty("action").GetString()));
        Assert.All(events, e => Assert.Equal(PortalIntake.Actor, e.GetProperty("actor").GetString()));
        Assert.Contains($"National Public Service Portal {reference}", events[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        var files = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/files");
        Assert.Equal(2, files!.Length);
        Assert.Equal(Pdf, await desk.GetByteArrayAsync($"/api/v1/dossiers/{code}/files/{files[0].GetProperty("id").GetString()}"));

        // It waits for the desk's intake check like any online dossier, and shows where it came from.
        var inbox = await desk.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?box=toReceive");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code && i.GetProperty("fromNationalPortal").GetBoolean());
        var page = await desk.GetStringAsync($"/dossiers/{code}");
        Assert.Contains($"Từ Cổng Dịch vụ công quốc gia (mã {reference})", page, StringComparison.Ordinal);
        var received = await desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/receive", new { });
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.Equal("received", (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // Its changes go back to the portal with the portal's reference.
        await host.WithServiceAsync<PortalSynchroniser, (int, int)>(s => s.SyncDueAsync(1000, CancellationToken.None));
        Assert.Equal(reference, Portal.Received[code].PortalReference);
    }

    [Fact]
    public async Task A_pushed_submission_needs_the_signature_and_a_repeated_delivery_answers_the_same_code()
    {
        await SeedAsync();
        var reference = NewReference();
        var body = Json(Submission(reference, "NP1", "1.001193", withFiles: true));

        var unsigned = await host.Client.PostAsync(Endpoint, new StringContent(body, Encoding.UTF8, "application/json"));
        var forged = await PushAsync(body, Sign(body, "not-the-secret"));
        var created = await PushAsync(body, Sign(body));
        var repeated = await PushAsync(body, Sign(body));
        var malformed = await PushAsync("""{"reference": 5""", Sign("""{"reference": 5"""));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var first = await created.Content.ReadFromJsonAsync<JsonElement>();
        var second = await repeated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", first.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("code").GetString(), second.GetProperty("code").GetString());
        Assert.Equal(first.GetProperty("code").GetString(), Portal.Acknowledged[reference].DossierCode);
        Assert.Equal(1, await DossiersWithReferenceAsync(reference));
    }

    [Fact]
    public async Task A_submission_the_unit_cannot_take_is_refused_with_the_reason_reported_to_the_portal_and_nothing_is_created()
    {
        await SeedAsync();
        var notHandled = NewReference();
        var notOnline = NewReference();
        var disguised = NewReference();
        var badFile = Submission(disguised, "NP1", "1.001193", withFiles: true) with
        {
            Documents = [new PortalDocument("Tờ khai đăng ký khai sinh", "to-khai.pdf", Portal.AddFile("MZ\u0090 not a pdf"u8.ToArray()))],
        };
        var filesBefore = await host.WithServiceAsync<DossiersDbContext, int>(db => db.Set<Motcua.Dossiers.Files.DossierFile>().CountAsync());

        var refused = await PushAsync(Submission(notHandled, "NP2", "1.001193", withFiles: false));
        var offline = await PushAsync(Submission(notOnline, "NP1", "2.000908", withFiles: false));
        var rejectedFile = await PushAsync(badFile);
        Portal.Queue(Submission(NewReference(), "NP9", "1.001193", withFiles: false));
        var pulled = await PullAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Đơn vị NP2 không giải quyết thủ tục 1.001193 (hoặc không có trường hợp đã chọn).", problem.GetProperty("vi").GetString());
        Assert.Equal("Unit NP2 does not handle procedure 1.001193 (or the variant is missing).", problem.GetProperty("en").GetString());
        Assert.Equal(problem.GetProperty("vi").GetString(), problem.GetProperty("detail").GetString());
        Assert.Equal(notHandled, problem.GetProperty("reference").GetString());
        Assert.False(Portal.Acknowledged[notHandled].Accepted);
        Assert.Equal(problem.GetProperty("vi").GetString(), Portal.Acknowledged[notHandled].Reason);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, offline.StatusCode);
        Assert.Contains("2.000908", Portal.Acknowledged[notOnline].ReasonEn, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejectedFile.StatusCode);
        Assert.Contains("PDF", Portal.Acknowledged[disguised].Reason, StringComparison.Ordinal);
        Assert.Equal((0, 1), pulled);
        Assert.Equal(0, await DossiersWithReferenceAsync(notHandled) + await DossiersWithReferenceAsync(notOnline) + await DossiersWithReferenceAsync(disguised));
        Assert.Equal(filesBefore, await host.WithServiceAsync<DossiersDbContext, int>(db => db.Set<Motcua.Dossiers.Files.DossierFile>().CountAsync()));
    }

    [Fact]
    public async Task When_the_portal_cannot_be_reached_nothing_is_recorded_and_acknowledgements_are_sent_again()
    {
        await SeedAsync();
        var withFiles = NewReference();
        var withoutFiles = NewReference();
        Portal.Unreachable = true;
        HttpResponseMessage unreachable, created;
        int pending;
        try
        {
            unreachable = await PushAsync(Submission(withFiles, "NP1", "1.001193", withFiles: true));

            // Created while the portal does not take acknowledgements: the outcome waits to be sent.
            created = await PushAsync(Submission(withoutFiles, "NP1", "1.001193", withFiles: false));
            pending = await host.WithServiceAsync<DossiersDbContext, int>(db => db.Set<PortalInbound>().CountAsync(r => r.Reference == withoutFiles && r.AcknowledgedAt == null));
        }
        finally
        {
            Portal.Unreachable = false;
        }

        var sent = await host.WithServiceAsync<PortalIntake, int>(i => i.AcknowledgePendingAsync(CancellationToken.None));
        var later = await PushAsync(Submission(withFiles, "NP1", "1.001193", withFiles: true));

        Assert.Equal(HttpStatusCode.BadGateway, unreachable.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, pending);
        Assert.True(sent >= 1);
        Assert.True(Portal.Acknowledged[withoutFiles].Accepted);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(1, await DossiersWithReferenceAsync(withFiles));
    }

    [Fact]
    public async Task An_administrator_queues_a_demo_submission_on_the_local_portal_and_the_next_round_takes_it_in()
    {
        await SeedAsync();
        var reference = NewReference();
        var root = await host.SignedInClientAsync("portal.root", Password);
        var desk = await host.SignedInClientAsync("portal.desk", Password);
        var submission = new
        {
            reference,
            unitCode = "NP1",
            procedureCode = "1.001193",
            applicant = new { name = "Đoàn Văn Thử" },
            files = new[] { new { documentName = "Giấy chứng sinh", fileName = "giay-chung-sinh.pdf", contentBase64 = Convert.ToBase64String(Pdf) } },
        };

        var byDesk = await desk.PostAsJsonAsync("/api/v1/integrations/national-portal/local/submissions", submission);
        var badFile = await root.PostAsJsonAsync("/api/v1/integrations/national-portal/local/submissions", submission with { files = [new { documentName = "Giấy chứng sinh", fileName = "x.pdf", contentBase64 = "***" }] });
        var queued = await root.PostAsJsonAsync("/api/v1/integrations/national-portal/local/submissions", submission);
        var pulled = await PullAsync();

        Assert.Equal(HttpStatusCode.Forbidden, byDesk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFile.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal((1, 0), pulled);
        Assert.Equal(1, await DossiersWithReferenceAsync(reference));
    }

    private PortalSubmission Submission(string reference, string unitCode, string procedureCode, bool withFiles) => new(
        reference,
        unitCode,
        procedureCode,
        null,
        "full",
        new DateTime(2026, 3, 2, 21, 30, 0),
        new PortalApplicant("Trần Thị Cổng", "001190001234", "0912345678", null, "Thôn Một, xã Nhận Hồ Sơ"),
        withFiles
            ? [new PortalDocument("Tờ khai đăng ký khai sinh", "to-khai.pdf", Portal.AddFile(Pdf)), new PortalDocument("Giấy chứng sinh", "giay-chung-sinh.pdf", Portal.AddFile(Pdf))]
            : []);

    private static string NewReference() => "G22.99-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private static string Json(PortalSubmission submission) => JsonSerializer.Serialize(submission, PortalJson.Options);

    private static string Sign(string body, string secret = Secret) => "sha256=" + PortalIntake.Sign(secret, Encoding.UTF8.GetBytes(body));

    private Task<HttpResponseMessage> PushAsync(PortalSubmission submission)
    {
        var body = Json(submission);
        return PushAsync(body, Sign(body));
    }

    private async Task<HttpResponseMessage> PushAsync(string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(PortalIntakeEndpoint.SignatureHeader, signature);
        return await host.Client.SendAsync(request);
    }

    private Task<(int, int)> PullAsync() => host.WithServiceAsync<PortalIntake, (int, int)>(i => i.PullAsync(CancellationToken.None));

    private Task<int> DossiersWithReferenceAsync(string reference) =>
        host.WithServiceAsync<DossiersDbContext, int>(db => db.Dossiers.CountAsync(d => d.PortalReference == reference));
}

public sealed class PortalSqliteHost : SqliteHost
{
    protected override void ReplaceServices(IServiceCollection services) =>
        services.Configure<NationalPortalOptions>(o => o.InboundSecret = NationalPortalIntakeTests<PortalSqliteHost>.Secret);
}

public sealed class PortalPostgresHost : PostgresHost
{
    protected override void ReplaceServices(IServiceCollection services) =>
        services.Configure<NationalPortalOptions>(o => o.InboundSecret = NationalPortalIntakeTests<PortalPostgresHost>.Secret);
}

public sealed class NationalPortalIntakeOnSqlite(PortalSqliteHost host) : NationalPortalIntakeTests<PortalSqliteHost>(host);

public sealed class NationalPortalIntakeOnPostgres(PortalPostgresHost host) : NationalPortalIntakeTests<PortalPostgresHost>(host);
