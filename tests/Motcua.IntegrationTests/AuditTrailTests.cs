using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Audit;
using Motcua.Audit.Contracts;
using Motcua.Audit.Data;
using Motcua.Audit.Verify;
using Motcua.Common;
using Motcua.Dossiers.Data;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>Every request of these hosts comes from 203.0.113.7, as a real connection would (TestServer gives none).</summary>
internal sealed class ClientAddress : IStartupFilter
{
    public static readonly IPAddress Address = IPAddress.Parse("203.0.113.7");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= Address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class AuditSqliteHost : SqliteHost
{
    protected override void ReplaceServices(IServiceCollection services) => services.AddTransient<IStartupFilter, ClientAddress>();
}

public sealed class AuditPostgresHost : PostgresHost
{
    protected override void ReplaceServices(IServiceCollection services) => services.AddTransient<IStartupFilter, ClientAddress>();
}

/// <summary>
/// The audit trail through HTTP on both databases: what is recorded, with actor and address; and the hash
/// chains, tampered with directly in the database (edit, delete, reorder), found by the verification.
/// </summary>
public abstract class AuditTrailTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private static async Task OkAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private const string Catalogue = """
        code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate
        2.000908,Chứng thực bản sao từ bản chính,Chứng thực,commune,Nghị định 23/2015/NĐ-CP,none,no,no,2025-07-01,01,Chứng thực bản sao,0.5,workingDays,2000,2.000 đồng/trang,Bản chính giấy tờ,1,0,
        """;

    private bool Postgres => host is PostgresHost;

    private string AuditTable => Postgres ? "audit.audit_entries" : "audit_entries";

    private string EventsTable => Postgres ? "dossiers.dossier_events" : "dossier_events";

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("A1")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("AP", "Tỉnh Kiểm Toán", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("A1", "Xã Kiểm Toán", UnitKind.Commune, "AP", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("audit.root", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("audit.desk", Password, "A1", Roles.ReceivingOfficer);
        await host.CreateUserAsync("audit.victim", Password, "A1", Roles.Specialist);
        var root = await host.SignedInClientAsync("audit.root", Password);
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Catalogue.Replace("\n        ", "\n", StringComparison.Ordinal), System.Text.Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var assign = await root.PutAsJsonAsync("/api/v1/units/A1/procedures", new[] { new { procedureCode = "2.000908", departmentCode = "VP" } });
        Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
    }

    /// <summary>A dossier with four events: submitted, sent back for a supplement, resubmitted, received.</summary>
    private async Task<string> DossierWithFourEventsAsync(HttpClient desk)
    {
        var submitted = await desk.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "2.000908", applicant = new { name = "Lê Thị Kiểm" }, documents = new[] { new { name = "Bản chính giấy tờ", provided = true } } });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await OkAsync(desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/request-intake-supplement", new { reason = "Thiếu bản chính" }));
        await OkAsync(desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/resubmit", new { }));
        await OkAsync(desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/receive", new { }));
        return code;
    }

    private Task<List<AuditEntry>> EntriesAsync() =>
        host.WithServiceAsync<AuditDbContext, List<AuditEntry>>(db => db.Entries.AsNoTracking().OrderBy(e => e.Chain).ThenBy(e => e.Sequence).ToListAsync());

    private Task<ChainReport> VerifyAsync() => host.WithServiceAsync<AuditVerification, ChainReport>(v => v.VerifyAsync("test"));

    /// <summary>The audit log's chains only (the tests of this class share a database, and another may have broken a dossier's chain).</summary>
    private Task<ChainReport> AuditLogAsync() => host.WithServiceAsync<AuditVerification, ChainReport>(v => v.VerifyAuditLogAsync());

    private Task<ChainReport> DossierChainsAsync() => host.WithServiceAsync<Dossiers.Contracts.IDossierChains, ChainReport>(v => v.VerifyAsync());

    private Task<int> SqlAsync(string sql) => host.WithServiceAsync<AuditDbContext, int>(db => db.Database.ExecuteSqlRawAsync(sql));

    private Task<Guid> DossierIdAsync(string code) =>
        host.WithServiceAsync<DossiersDbContext, Guid>(db => db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    /// <summary>The dossier id as the provider stores it (SQLite keeps GUIDs as upper-case text).</summary>
    private string Key(Guid id) => Postgres ? $"'{id}'" : $"'{id.ToString().ToUpperInvariant()}'";

    [Fact]
    public async Task Sign_ins_user_changes_views_downloads_exports_and_imports_are_recorded_with_actor_and_address()
    {
        await SeedAsync();
        var failed = await host.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "audit.desk", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        var desk = await host.SignedInClientAsync("audit.desk", Password);
        var root = await host.SignedInClientAsync("audit.root", Password);
        Assert.True((await root.PostAsJsonAsync("/api/v1/users/audit.victim/disable", new { })).IsSuccessStatusCode);

        var submitted = await desk.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "2.000908", applicant = new { name = "Trần Văn Xem" }, documents = new[] { new { name = "Bản chính giấy tờ", provided = true } }, receive = true });
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/dossiers/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/dossiers/{code}")).StatusCode);
        var form = await desk.GetAsync($"/api/v1/dossiers/{code}/forms/01?format=pdf");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var upload = await desk.PostAsync($"/api/v1/dossiers/{code}/files", new MultipartFormDataContent
        {
            { new ByteArrayContent(await form.Content.ReadAsByteArrayAsync()), "file", "ban-chinh.pdf" },
            { new StringContent("Bản chính giấy tờ"), "documentName" },
        });
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        var files = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/files");
        var fileId = files![0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/dossiers/{code}/files/{fileId}")).StatusCode);
        var export = await root.GetAsync("/api/v1/procedures/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        var entries = await EntriesAsync();
        var deskId = await host.WithServiceAsync<Access.Data.AccessDbContext, Guid>(db => db.Users.Where(u => u.UserName == "audit.desk").Select(u => u.Id).SingleAsync());
        void Recorded(string action, string actor, string? objectId = null, bool withId = true)
        {
            var entry = entries.LastOrDefault(e => e.Action == action && e.ActorName == actor && (objectId is null || e.ObjectId == objectId));
            Assert.True(entry is not null, $"No {action} by {actor} on {objectId}: {string.Join("; ", entries.Select(e => $"{e.Action} {e.ActorName} {e.ObjectId}"))}");
            Assert.Equal(ClientAddress.Address.ToString(), entry!.Address);
            Assert.True(!withId || entry.ActorId is not null, $"{action} has no actor id");
        }

        Recorded(AuditActions.SignInFailed, "audit.desk", "audit.desk");
        Recorded(AuditActions.SignInSucceeded, "audit.desk", "audit.desk");
        Recorded(AuditActions.UserDisable, "audit.root", "audit.victim");
        Recorded(AuditActions.DossierView, "audit.desk", code);
        Recorded(AuditActions.DossierFormDownload, "audit.desk", code);
        Recorded(AuditActions.DossierFileDownload, "audit.desk", code);
        Recorded(AuditActions.Export, "audit.root", "/api/v1/procedures/export");
        Recorded(AuditActions.Import, "audit.root", "/api/v1/procedures/import");
        Assert.Equal(2, entries.Count(e => e.Action == AuditActions.DossierView && e.ObjectId == code)); // the API and the page
        Assert.Equal(deskId, entries.Last(e => e.Action == AuditActions.DossierView).ActorId);
        Assert.Contains(entries, e => e.Action == AuditActions.UserCreate && e.ActorName == "system" && e.ActorId is null);

        // The system administrators' page lists the entries; other users are refused.
        var page = await root.GetAsync("/admin/audit?search=audit.desk");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Nhật ký kiểm toán", html, StringComparison.Ordinal);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await desk.GetAsync("/admin/audit")).StatusCode);

        var report = await AuditLogAsync();
        Assert.True(report.Intact, string.Join("; ", report.Breaks));
        Assert.Equal(entries.Count, report.Entries);
    }

    [Fact]
    public async Task Dossier_events_edited_deleted_or_reordered_in_the_database_are_found_at_the_right_entry()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("audit.desk", Password);
        var edited = await DossierWithFourEventsAsync(desk);
        var deleted = await DossierWithFourEventsAsync(desk);
        var reordered = await DossierWithFourEventsAsync(desk);
        var truncated = await DossierWithFourEventsAsync(desk);
        Assert.True((await DossierChainsAsync()).Intact);

        await SqlAsync($"UPDATE {EventsTable} SET \"Note\" = 'đã sửa' WHERE \"DossierId\" = {Key(await DossierIdAsync(edited))} AND \"Sequence\" = 2");
        await SqlAsync($"DELETE FROM {EventsTable} WHERE \"DossierId\" = {Key(await DossierIdAsync(deleted))} AND \"Sequence\" = 3");
        var id = Key(await DossierIdAsync(reordered));
        await SqlAsync($"UPDATE {EventsTable} SET \"Sequence\" = -2 WHERE \"DossierId\" = {id} AND \"Sequence\" = 2");
        await SqlAsync($"UPDATE {EventsTable} SET \"Sequence\" = 2 WHERE \"DossierId\" = {id} AND \"Sequence\" = 3");
        await SqlAsync($"UPDATE {EventsTable} SET \"Sequence\" = 3 WHERE \"DossierId\" = {id} AND \"Sequence\" = -2");
        await SqlAsync($"DELETE FROM {EventsTable} WHERE \"DossierId\" = {Key(await DossierIdAsync(truncated))} AND \"Sequence\" = 4");

        var report = await VerifyAsync();

        Assert.False(report.Intact);
        Assert.Contains(new ChainBreak("dossier " + edited, 2, ChainBreakKind.Edited), report.Breaks);
        Assert.Contains(new ChainBreak("dossier " + deleted, 3, ChainBreakKind.Deleted), report.Breaks);
        Assert.Contains(new ChainBreak("dossier " + reordered, 2, ChainBreakKind.Reordered), report.Breaks);
        Assert.Contains(new ChainBreak("dossier " + truncated, 4, ChainBreakKind.Deleted), report.Breaks);
        Assert.Equal(4, report.Breaks.Count(b => b.Chain.StartsWith("dossier ", StringComparison.Ordinal)));

        // The alert: every system administrator finds it in the in-app inbox, naming the entries.
        var root = await host.SignedInClientAsync("audit.root", Password);
        var inbox = await root.GetStringAsync("/thong-bao");
        Assert.Contains("CẢNH BÁO: nhật ký kiểm toán bị sửa đổi", inbox, StringComparison.Ordinal);
        Assert.Contains($"hồ sơ {edited}: mục #2 đã bị sửa", inbox, StringComparison.Ordinal);

        // A later action on an untouched dossier still chains on from its head.
        var fine = await DossierWithFourEventsAsync(desk);
        Assert.DoesNotContain((await DossierChainsAsync()).Breaks, b => b.Chain == "dossier " + fine);
    }

    [Fact]
    public async Task Audit_entries_edited_deleted_or_reordered_in_the_database_are_found_at_the_right_entry()
    {
        await SeedAsync();
        for (var i = 0; i < 3; i++)
        {
            await host.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody" + i, password = "x" });
        }

        var entries = await EntriesAsync();
        var chain = entries[^1].Chain;
        Assert.True(entries.Count(e => e.Chain == chain) >= 4);
        Assert.True((await AuditLogAsync()).Intact);
        var target = $"\"Chain\" = '{chain}' AND \"Sequence\" = 2";

        // Edited: found, then put back.
        await SqlAsync($"UPDATE {AuditTable} SET \"ActorName\" = 'someone-else' WHERE {target}");
        Assert.Contains(new ChainBreak("audit " + chain, 2, ChainBreakKind.Edited), (await AuditLogAsync()).Breaks);
        await SqlAsync($"UPDATE {AuditTable} SET \"ActorName\" = '{entries.Single(e => e.Chain == chain && e.Sequence == 2).ActorName}' WHERE {target}");
        Assert.True((await AuditLogAsync()).Intact);

        // Reordered: entries 2 and 3 exchange places.
        await SqlAsync($"UPDATE {AuditTable} SET \"Sequence\" = -2 WHERE {target}");
        await SqlAsync($"UPDATE {AuditTable} SET \"Sequence\" = 2 WHERE \"Chain\" = '{chain}' AND \"Sequence\" = 3");
        await SqlAsync($"UPDATE {AuditTable} SET \"Sequence\" = 3 WHERE \"Chain\" = '{chain}' AND \"Sequence\" = -2");
        Assert.Contains(new ChainBreak("audit " + chain, 2, ChainBreakKind.Reordered), (await AuditLogAsync()).Breaks);
        await SqlAsync($"UPDATE {AuditTable} SET \"Sequence\" = -2 WHERE {target}");
        await SqlAsync($"UPDATE {AuditTable} SET \"Sequence\" = 2 WHERE \"Chain\" = '{chain}' AND \"Sequence\" = 3");
        await SqlAsync($"UPDATE {AuditTable} SET \"Sequence\" = 3 WHERE \"Chain\" = '{chain}' AND \"Sequence\" = -2");
        Assert.True((await AuditLogAsync()).Intact);

        // Deleted.
        await SqlAsync($"DELETE FROM {AuditTable} WHERE {target}");
        Assert.Equal([new ChainBreak("audit " + chain, 2, ChainBreakKind.Deleted)], (await AuditLogAsync()).Breaks);

        // Put back as it was, the chain is whole again (and the other tests of the class see an intact log).
        var original = entries.Single(e => e.Chain == chain && e.Sequence == 2);
        await host.WithServiceAsync<AuditDbContext, int>(db =>
        {
            db.Entries.Add(original);
            return db.SaveChangesAsync();
        });
        Assert.True((await AuditLogAsync()).Intact);
    }
}

public sealed class AuditTrailOnSqlite(AuditSqliteHost host) : AuditTrailTests<AuditSqliteHost>(host);

public sealed class AuditTrailOnPostgres(AuditPostgresHost host) : AuditTrailTests<AuditPostgresHost>(host);
