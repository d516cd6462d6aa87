using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;
using Motcua.Dossiers;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// Who may be named on a dossier and who may act on it (issue 12), through HTTP on both databases:
/// assignment names an active specialist and an active department of the competent unit; only the
/// holder (or a leader) works on a dossier as specialist; and separation of duties, on by default,
/// keeps one person from taking a dossier through every step even when they hold every desk role.
/// </summary>
public abstract class DossierDutiesBase<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    protected const string Password = "Passw0rdLong";

    protected THost Host => host;

    protected async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("DP")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("DP", "Tỉnh Phân Công", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("DU1", "Xã Một Cửa", UnitKind.Commune, "DP", new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("DU2", "Xã Bên Cạnh", UnitKind.Commune, "DP", new DateOnly(2000, 1, 1)));
            return new object();
        });
        await host.AddDepartmentsAsync("DU1", "TP", "VP", "CU");
        await host.AddDepartmentsAsync("DU2", "TP2");
        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.UpdateDepartmentAsync("DU1", "CU", "Phòng cũ", DepartmentKind.Department, isActive: false);
            return new object();
        });
        await host.CreateUserAsync("du.root", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("du.desk", Password, "DU1", Roles.ReceivingOfficer);
        await host.CreateUserAsync("du.cv", Password, "DU1", Roles.Specialist);
        await host.CreateUserAsync("du.cv2", Password, "DU1", Roles.Specialist);
        await host.CreateUserAsync("du.ld", Password, "DU1", Roles.Leader);
        await host.CreateUserAsync("du.ld2", Password, "DU1", Roles.Leader);
        // A small commune: one officer who holds every desk role, and a desk officer who also signs.
        await host.CreateUserAsync("du.all", Password, "DU1", Roles.ReceivingOfficer, Roles.Specialist, Roles.Leader);
        await host.CreateUserAsync("du.deskld", Password, "DU1", Roles.ReceivingOfficer, Roles.Leader);
        await host.CreateUserAsync("du.gone", Password, "DU1", Roles.Specialist);
        await host.CreateUserAsync("du2.cv", Password, "DU2", Roles.Specialist);
        await host.WithServiceAsync<UserAdministration, object>(async users =>
        {
            await users.SetDisabledAsync("du.gone", true);
            return new object();
        });
        var root = await host.SignedInClientAsync("du.root", Password);
        const string Catalogue = "code,name,field,level,onlineLevel,variantCode,variantName,processingTime,timeUnit,fee,documentName,originals,copies\n"
            + "2.000908,Chứng thực bản sao từ bản chính,Chứng thực,commune,none,01,Chứng thực,0.5,workingDays,0,Bản chính giấy tờ,1,0\n";
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Catalogue, Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var assign = await root.PutAsJsonAsync("/api/v1/units/DU1/procedures", new[] { new { procedureCode = "2.000908", departmentCode = "TP" } });
        Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
    }

    protected async Task<string> ReceivedAsync(HttpClient desk)
    {
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "2.000908",
            applicant = new { name = "Lê Thị Phân" },
            documents = new[] { new { name = "Bản chính giấy tờ", provided = true } },
            receive = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    protected static async Task<JsonElement> Act(HttpClient client, string code, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>A 400 keyed by <paramref name="field"/>; returns its message.</summary>
    protected static async Task<string> RefusedAsync(HttpClient client, string code, string action, object body, string field)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{action}: {(int)response.StatusCode} {text}");
        var errors = JsonSerializer.Deserialize<JsonElement>(text).GetProperty("errors");
        return Assert.Single(errors.GetProperty(field).EnumerateArray()).GetString()!;
    }

    protected static async Task<int> VersionAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("version").GetInt32();
}

public abstract class DossierDutiesTests<THost>(THost host) : DossierDutiesBase<THost>(host)
    where THost : TestHost
{
    [Fact]
    public async Task Assignment_names_an_active_specialist_and_an_active_department_of_the_unit()
    {
        await SeedAsync();
        var desk = await Host.SignedInClientAsync("du.desk", Password);
        var code = await ReceivedAsync(desk);
        var version = await VersionAsync(desk, code);

        Assert.Contains("nobody", await RefusedAsync(desk, code, "assign", new { departmentCode = "TP", specialist = "nobody" }, "specialist"), StringComparison.Ordinal);
        await RefusedAsync(desk, code, "assign", new { departmentCode = "TP", specialist = "du2.cv" }, "specialist");      // another unit
        await RefusedAsync(desk, code, "assign", new { departmentCode = "TP", specialist = "du.gone" }, "specialist");     // disabled
        await RefusedAsync(desk, code, "assign", new { departmentCode = "TP", specialist = "du.deskld" }, "specialist");   // not a specialist
        await RefusedAsync(desk, code, "assign", new { departmentCode = "TP", specialist = new string('x', 300) }, "specialist");
        Assert.Contains("TP2", await RefusedAsync(desk, code, "assign", new { departmentCode = "TP2", specialist = "du.cv" }, "departmentCode"), StringComparison.Ordinal);
        await RefusedAsync(desk, code, "assign", new { departmentCode = "CU", specialist = "du.cv" }, "departmentCode");   // inactive
        await RefusedAsync(desk, code, "assign", new { departmentCode = "NO SUCH", specialist = "du.cv" }, "departmentCode");
        Assert.Equal(version, await VersionAsync(desk, code));

        // The user name in any letter case; stored as the user's own.
        var assigned = await Act(desk, code, "assign", new { departmentCode = "vp", specialist = "DU.CV" });
        Assert.Equal("du.cv", assigned.GetProperty("specialist").GetString());
        Assert.Equal("VP", assigned.GetProperty("departmentCode").GetString());

        // Forward: the same rules; the department may stay as it is.
        var cv = await Host.SignedInClientAsync("du.cv", Password);
        version = await VersionAsync(desk, code);
        await RefusedAsync(cv, code, "forward", new { specialist = "du2.cv" }, "specialist");
        await RefusedAsync(cv, code, "forward", new { specialist = "du.desk" }, "specialist");
        await RefusedAsync(cv, code, "forward", new { departmentCode = "TP2", specialist = "du.cv2" }, "departmentCode");
        Assert.Equal(version, await VersionAsync(desk, code));
        var forwarded = await Act(cv, code, "forward", new { specialist = "du.cv2", note = "Chuyển đồng chí Hai" });
        Assert.Equal("du.cv2", forwarded.GetProperty("specialist").GetString());
    }

    [Fact]
    public async Task Only_the_holder_or_a_leader_works_on_a_dossier_as_specialist()
    {
        await SeedAsync();
        var desk = await Host.SignedInClientAsync("du.desk", Password);
        var holder = await Host.SignedInClientAsync("du.cv", Password);
        var colleague = await Host.SignedInClientAsync("du.cv2", Password);
        var leader = await Host.SignedInClientAsync("du.ld", Password);
        var code = await ReceivedAsync(desk);
        await Act(desk, code, "assign", new { departmentCode = "TP", specialist = "du.cv" });
        var version = await VersionAsync(desk, code);

        var notTheHolder = await colleague.PostAsJsonAsync($"/api/v1/dossiers/{code}/submit", new { });
        Assert.Equal(HttpStatusCode.Forbidden, notTheHolder.StatusCode);
        // The refusal says why, in the caller's language.
        Assert.Contains("Chỉ cán bộ đang giữ hồ sơ", await notTheHolder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostAsJsonAsync($"/api/v1/dossiers/{code}/request-supplement", new { reason = "Thiếu" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostAsJsonAsync($"/api/v1/dossiers/{code}/forward", new { specialist = "du.cv2" })).StatusCode);
        Assert.Equal(version, await VersionAsync(desk, code));

        // The leader may hand it on in the holder's place; then the new holder works on it, the old one no more.
        await Act(leader, code, "forward", new { specialist = "du.cv2" });
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.PostAsJsonAsync($"/api/v1/dossiers/{code}/submit", new { })).StatusCode);
        await Act(colleague, code, "submit", new { });
        await Act(leader, code, "approve", new { });
        await Act(colleague, code, "complete", new { });
    }

    [Fact]
    public async Task One_officer_with_every_desk_role_is_stopped_at_the_step_that_would_join_the_duties()
    {
        await SeedAsync();
        var all = await Host.SignedInClientAsync("du.all", Password);
        var otherLeader = await Host.SignedInClientAsync("du.ld2", Password);
        var code = await ReceivedAsync(all);
        await Act(all, code, "assign", new { departmentCode = "TP", specialist = "du.all" });
        await Act(all, code, "submit", new { note = "Đủ điều kiện" });
        var version = await VersionAsync(all, code);

        var response = await all.PostAsJsonAsync($"/api/v1/dossiers/{code}/approve", new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var message = Assert.Single(JsonSerializer.Deserialize<JsonElement>(text).GetProperty("errors").GetProperty("separationOfDuties").EnumerateArray()).GetString();
        Assert.Equal("Bạn đã thẩm định hồ sơ này; lãnh đạo khác phải phê duyệt hồ sơ (nguyên tắc phân tách nhiệm vụ).", message);
        var english = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{code}/refuse") { Content = JsonContent.Create(new { reason = "Không đủ" }) };
        english.Headers.AcceptLanguage.ParseAdd("en-GB");
        var refused = await (await all.SendAsync(english)).Content.ReadAsStringAsync();
        Assert.Contains("You examined this dossier; another leader must refuse it (separation of duties).", refused, StringComparison.Ordinal);
        Assert.Equal(version, await VersionAsync(all, code));

        // Another leader approves; the officer may then complete and return it (they did not decide).
        await Act(otherLeader, code, "approve", new { });
        await Act(all, code, "complete", new { });
        var returned = await Act(all, code, "return", new { channel = "counter" });
        Assert.Equal("returned", returned.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_officer_who_received_and_approved_does_not_also_return_the_result()
    {
        await SeedAsync();
        var deskLeader = await Host.SignedInClientAsync("du.deskld", Password);
        var desk = await Host.SignedInClientAsync("du.desk", Password);
        var cv = await Host.SignedInClientAsync("du.cv", Password);
        var code = await ReceivedAsync(deskLeader);
        await Act(deskLeader, code, "assign", new { departmentCode = "TP", specialist = "du.cv" });
        await Act(cv, code, "submit", new { });
        await Act(deskLeader, code, "approve", new { });
        await Act(cv, code, "complete", new { });

        var message = await RefusedAsync(deskLeader, code, "return", new { channel = "counter" }, "separationOfDuties");
        Assert.Contains("phân tách nhiệm vụ", message, StringComparison.Ordinal);
        Assert.Equal("returned", (await Act(desk, code, "return", new { channel = "counter" })).GetProperty("status").GetString());
    }
}

public sealed class DossierDutiesOnSqlite(SqliteHost host) : DossierDutiesTests<SqliteHost>(host);

public sealed class DossierDutiesOnPostgres(PostgresHost host) : DossierDutiesTests<PostgresHost>(host);

/// <summary>A province that switched separation of duties off (<c>Motcua:Dossiers:SeparationOfDuties:Enabled=false</c>).</summary>
public abstract class DutiesSwitchedOffTests<THost>(THost host) : DossierDutiesBase<THost>(host)
    where THost : TestHost
{
    [Fact]
    public async Task With_the_setting_off_one_officer_takes_a_dossier_through_every_step()
    {
        await SeedAsync();
        var all = await Host.SignedInClientAsync("du.all", Password);
        var code = await ReceivedAsync(all);
        await Act(all, code, "assign", new { departmentCode = "TP", specialist = "du.all" });
        await Act(all, code, "submit", new { });
        await Act(all, code, "approve", new { });
        await Act(all, code, "complete", new { });
        Assert.Equal("returned", (await Act(all, code, "return", new { channel = "counter" })).GetProperty("status").GetString());
    }
}

/// <summary>Binds the options from configuration as the application does, with the setting off.</summary>
internal static class SeparationSwitchedOff
{
    public static void Apply(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SeparationOfDutiesOptions.SectionName + ":Enabled"] = "false" })
            .Build();
        services.AddOptions<SeparationOfDutiesOptions>().Bind(configuration.GetSection(SeparationOfDutiesOptions.SectionName));
    }
}

public class SqliteHostWithoutSeparation : SqliteHost
{
    protected override void ReplaceServices(IServiceCollection services) => SeparationSwitchedOff.Apply(services);
}

public class PostgresHostWithoutSeparation : PostgresHost
{
    protected override void ReplaceServices(IServiceCollection services) => SeparationSwitchedOff.Apply(services);
}

public sealed class DutiesSwitchedOffOnSqlite(SqliteHostWithoutSeparation host) : DutiesSwitchedOffTests<SqliteHostWithoutSeparation>(host);

public sealed class DutiesSwitchedOffOnPostgres(PostgresHostWithoutSeparation host) : DutiesSwitchedOffTests<PostgresHostWithoutSeparation>(host);
