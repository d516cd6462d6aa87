using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>The foundation's HTTP contract and unit scope; every fact runs on SQLite and on PostgreSQL.</summary>
public abstract class FoundationApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("P1")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("P1", "Tỉnh Thử Nghiệm", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("A1", "Xã An Hòa", UnitKind.Commune, "P1", new DateOnly(2025, 7, 1)));
            await units.CreateAsync(new NewUnit("B1", "Phường Bình Minh", UnitKind.Ward, "P1", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("root", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("admin.p1", Password, "P1", Roles.UnitAdmin);
        await host.CreateUserAsync("admin.a1", Password, "A1", Roles.UnitAdmin);
        await host.CreateUserAsync("desk.a1", Password, "A1", Roles.ReceivingOfficer);
    }

    [Fact]
    public async Task Lunar_date_has_the_exact_public_shape()
    {
        var json = await host.Client.GetStringAsync("/api/v1/calendar/lunar?date=2025-01-29");

        Assert.Equal("""{"date":"2025-01-29","lunarYear":2025,"lunarMonth":1,"lunarDay":1,"leapMonth":false}""", json);
    }

    [Fact]
    public async Task Due_date_skips_Tet_and_names_the_skipped_days()
    {
        var simple = await host.Client.GetStringAsync("/api/v1/calendar/due?from=2026-03-02T09:00:00&workingDays=3");
        var tet = await host.Client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/due?from=2026-02-13T09:00:00&workingDays=3");

        Assert.Equal("""{"from":"2026-03-02T09:00:00","workingDays":3,"dueAt":"2026-03-05T09:00:00","skipped":[]}""", simple);
        Assert.Equal("2026-02-25T09:00:00", tet.GetProperty("dueAt").GetString());
        Assert.Contains(tet.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("date").GetString() == "2026-02-16" && s.GetProperty("reason").GetString() == "Tết Nguyên đán");
    }

    [Theory]
    [InlineData("/api/v1/calendar/lunar?date=2025-13-01", "date")]
    [InlineData("/api/v1/calendar/holidays?year=abc", "year")]
    [InlineData("/api/v1/calendar/due?from=x&workingDays=1", "from")]
    [InlineData("/api/v1/calendar/due?from=2026-03-02T09:00:00&workingDays=0.3", "workingDays")]
    [InlineData("/api/v1/calendar/due?from=2026-03-02T09:00:00&days=-1", "days")]
    public async Task Bad_parameters_get_a_problem_naming_the_parameter(string url, string parameter)
    {
        var response = await host.Client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Units_are_listed_within_the_callers_scope_only()
    {
        await SeedAsync();
        var commune = await host.SignedInClientAsync("admin.a1", Password);
        var province = await host.SignedInClientAsync("admin.p1", Password);

        var communeUnits = await commune.GetFromJsonAsync<JsonElement[]>("/api/v1/units");
        var provinceUnits = await province.GetFromJsonAsync<JsonElement[]>("/api/v1/units");

        Assert.Equal(["A1"], communeUnits!.Select(u => u.GetProperty("code").GetString()));
        Assert.Equal(["code", "name", "kind", "parentCode", "validFrom", "validTo"], communeUnits![0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("P1", communeUnits[0].GetProperty("parentCode").GetString());
        Assert.Equal(["A1", "B1", "P1"], provinceUnits!.Select(u => u.GetProperty("code").GetString()).Order());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/v1/units")).StatusCode);
    }

    [Fact]
    public async Task A_commune_administrator_cannot_touch_another_commune()
    {
        await SeedAsync();
        var commune = await host.SignedInClientAsync("admin.a1", Password);

        var rename = await commune.PostAsJsonAsync("/api/v1/units/B1/rename", new { name = "Phường Khác", effectiveOn = "2026-01-01" });
        var departments = await commune.GetAsync("/api/v1/units/B1/departments");
        var user = await commune.PostAsJsonAsync("/api/v1/users", new { userName = "intruder", fullName = "X", unitCode = "B1", roles = new[] { "Specialist" } });
        var grant = await commune.PostAsJsonAsync("/api/v1/users", new { userName = "boss", fullName = "X", unitCode = "A1", roles = new[] { "SystemAdmin" } });

        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, departments.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, user.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
        Assert.Equal("Phường Bình Minh", (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("B1")))!.Name);
    }

    [Fact]
    public async Task A_receiving_officer_cannot_administer_units()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.a1", Password);

        var response = await desk.PostAsJsonAsync("/api/v1/units", new { code = "X9", name = "Xã Mới", kind = "commune", parentCode = "A1", validFrom = "2026-01-01" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_national_override_changes_holidays_and_deadlines_and_is_audited()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root", Password);

        var created = await root.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2026-11-24", kind = "dayOff", name = "Ngày Văn hóa Việt Nam" });
        var holidays = await host.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/calendar/holidays?year=2026");
        var due = await host.Client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/due?from=2026-11-23T09:00:00&workingDays=1");
        var duplicate = await root.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2026-11-24", kind = "dayOff", name = "Again" });
        var revisions = await root.GetFromJsonAsync<JsonElement[]>("/api/v1/calendar/revisions");
        var unitAdmin = await host.SignedInClientAsync("admin.p1", Password);
        var national = await unitAdmin.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2026-12-24", kind = "dayOff", name = "Không được" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(holidays!, h => h.GetProperty("date").GetString() == "2026-11-24" && h.GetProperty("kind").GetString() == "holiday");
        Assert.Equal("2026-11-25T09:00:00", due.GetProperty("dueAt").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains(revisions!, r => r.GetProperty("actor").GetString() == "root" && r.GetProperty("action").GetString() == "OverrideAdded");
        Assert.Equal(HttpStatusCode.Forbidden, national.StatusCode);
    }

    [Fact]
    public async Task A_unit_import_with_a_bad_row_imports_nothing()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root", Password);
        const string Bad = "code,name,kind,parentCode,validFrom\nC1,Xã Một,commune,P1,2025-07-01\nC2,Xã Hai,commune,NOPE,2025-07-01\n";
        const string Good = "code,name,kind,parentCode,validFrom\nC1,Xã Một,commune,P1,2025-07-01\nC2,Xã Hai,xã,P1,01/07/2025\n";

        var rejected = await root.PostAsync("/api/v1/units/import", File(Bad));
        var afterRejection = await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("C1"));
        var accepted = await root.PostAsync("/api/v1/units/import", File(Good));
        var again = await root.PostAsync("/api/v1/units/import", File(Good));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("3", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(afterRejection);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task Wrong_passwords_slow_the_user_name_down_without_locking_the_account()
    {
        await SeedAsync();
        await host.CreateUserAsync("locked.a1", Password, "A1", Roles.Specialist);

        // Five wrong passwords (anyone can send them) do not lock the officer out.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "locked.a1", password = "wrong" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "locked.a1", password = Password })).StatusCode);

        // Beyond the free failures the next attempt waits, even with the right password.
        for (var i = 0; i < 6; i++)
        {
            await host.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "locked.a1", password = "wrong" });
        }

        var right = await host.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "locked.a1", password = Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Health_and_openapi_answer()
    {
        Assert.Equal("Healthy", await host.Client.GetStringAsync("/health/ready"));
        var openApi = await host.Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/calendar/due", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/auth/token", openApi, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent File(string csv) =>
        new() { { new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), "file", "units.csv" } };
}

public sealed class FoundationApiOnSqlite(SqliteHost host) : FoundationApiTests<SqliteHost>(host);

public sealed class FoundationApiOnPostgres(PostgresHost host) : FoundationApiTests<PostgresHost>(host);
