using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// Rating at the counter's tablet: the desk invites after the return, the tablet (signed in as the same
/// officer) shows that dossier, the citizen rates once, the tablet waits again; the rules are the dossier's.
/// On both databases.
/// </summary>
public abstract class KioskRatingTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("KQ1")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("KQ", "Tỉnh Thử Quầy", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("KQ1", "Phường Quầy Một", UnitKind.Ward, "KQ", new DateOnly(2025, 7, 1)));
            await units.CreateAsync(new NewUnit("KQ2", "Phường Quầy Hai", UnitKind.Ward, "KQ", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("kiosk.root", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("kiosk.desk", Password, "KQ1", Roles.ReceivingOfficer);
        await host.CreateUserAsync("kiosk.desk2", Password, "KQ1", Roles.ReceivingOfficer);
        await host.CreateUserAsync("kiosk.other", Password, "KQ2", Roles.ReceivingOfficer);
        await host.CreateUserAsync("kiosk.cv", Password, "KQ1", Roles.Specialist);
        await host.CreateUserAsync("kiosk.ld", Password, "KQ1", Roles.Leader);
        await host.AddDepartmentsAsync("KQ1", "TP");
        var root = await host.SignedInClientAsync("kiosk.root", Password);
        const string Catalogue = "code,name,field,level,onlineLevel,variantCode,variantName,processingTime,timeUnit,fee,documentName,originals,copies\n"
            + "2.000908,Chứng thực bản sao từ bản chính,Chứng thực,commune,none,01,Chứng thực,0.5,workingDays,0,Bản chính giấy tờ,1,0\n";
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Catalogue, Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var assign = await root.PutAsJsonAsync("/api/v1/units/KQ1/procedures", new[] { new { procedureCode = "2.000908", departmentCode = "TP" } });
        Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_tablet_shows_the_dossier_the_officer_returned_and_takes_one_rating_then_waits_again()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("kiosk.desk", Password);
        var colleague = await host.SignedInClientAsync("kiosk.desk2", Password);
        var specialist = await host.SignedInClientAsync("kiosk.cv", Password);
        var code = await ProcessedAsync(returned: false);

        var tooEarly = await desk.PostAsync($"/api/v1/dossiers/{code}/rating-invitation", null);
        await Act(desk, code, "return", new { channel = "counter" });
        var bySpecialist = await specialist.PostAsync($"/api/v1/dossiers/{code}/rating-invitation", null);
        var invited = await desk.PostAsync($"/api/v1/dossiers/{code}/rating-invitation", null);
        var screen = await desk.GetFromJsonAsync<JsonElement>("/api/v1/kiosk/KQ1");
        var colleaguesScreen = await colleague.GetFromJsonAsync<JsonElement>("/api/v1/kiosk/KQ1");
        var otherUnitsCounter = await desk.GetAsync("/api/v1/kiosk/KQ2");
        var wrongDossier = await desk.PostAsJsonAsync("/api/v1/kiosk/KQ1/rating", new { code = "KQ1-000000-0000", rating = "verySatisfied" });
        var reasonsWhenSatisfied = await desk.PostAsJsonAsync("/api/v1/kiosk/KQ1/rating", new { code, rating = "satisfied", reasons = new[] { "slow" } });
        var noRating = await desk.PostAsJsonAsync("/api/v1/kiosk/KQ1/rating", new { code });
        var rated = await desk.PostAsJsonAsync("/api/v1/kiosk/KQ1/rating", new { code, rating = "notSatisfied", reasons = new[] { "harassment", "slow" } });
        var again = await desk.PostAsJsonAsync("/api/v1/kiosk/KQ1/rating", new { code, rating = "verySatisfied" });
        var after = await desk.GetFromJsonAsync<JsonElement>("/api/v1/kiosk/KQ1");
        var inviteAgain = await desk.PostAsync($"/api/v1/dossiers/{code}/rating-invitation", null);
        var dossier = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySpecialist.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, invited.StatusCode);
        Assert.False(screen.GetProperty("waiting").GetBoolean());
        Assert.Equal(code, screen.GetProperty("dossier").GetProperty("code").GetString());
        Assert.Equal("Ngô Thị Quầy", screen.GetProperty("dossier").GetProperty("applicantName").GetString());
        Assert.False(screen.GetProperty("dossier").TryGetProperty("secret", out _));
        Assert.True(colleaguesScreen.GetProperty("waiting").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, otherUnitsCounter.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, wrongDossier.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reasonsWhenSatisfied.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noRating.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.True((await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("harassment").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True(after.GetProperty("waiting").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, inviteAgain.StatusCode);
        Assert.Equal("notSatisfied", dossier.GetProperty("rating").GetString());
        var rate = dossier.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "rate");
        Assert.Equal("applicant (kiosk of kiosk.desk)", rate.GetProperty("actor").GetString());
        Assert.Equal("NotSatisfied: reasons: slow, harassment", rate.GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_dossier_rated_from_the_lookup_page_meanwhile_leaves_the_tablet_waiting()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("kiosk.desk", Password);
        var code = await ProcessedAsync(returned: true);
        var secret = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("secret").GetString();

        var invited = await desk.PostAsync($"/api/v1/dossiers/{code}/rating-invitation", null);
        var online = await host.Client.PostAsJsonAsync($"/api/v1/public/dossiers/{code}/rating?secret={secret}", new { rating = "satisfied" });
        var screen = await desk.GetFromJsonAsync<JsonElement>("/api/v1/kiosk/KQ1");
        var atCounter = await desk.PostAsJsonAsync("/api/v1/kiosk/KQ1/rating", new { code, rating = "verySatisfied" });

        Assert.Equal(HttpStatusCode.NoContent, invited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, online.StatusCode);
        Assert.True(screen.GetProperty("waiting").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, atCounter.StatusCode);
    }

    /// <summary>A dossier received, processed and (optionally) returned at the KQ1 counter.</summary>
    private async Task<string> ProcessedAsync(bool returned)
    {
        var desk = await host.SignedInClientAsync("kiosk.desk", Password);
        var specialist = await host.SignedInClientAsync("kiosk.cv", Password);
        var leader = await host.SignedInClientAsync("kiosk.ld", Password);
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "2.000908",
            applicant = new { name = "Ngô Thị Quầy" },
            documents = new[] { new { name = "Bản chính giấy tờ", provided = true } },
            receive = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await Act(desk, code, "assign", new { departmentCode = "TP", specialist = "kiosk.cv" });
        await Act(specialist, code, "submit", new { });
        await Act(leader, code, "approve", new { });
        await Act(specialist, code, "complete", new { });
        if (returned)
        {
            await Act(desk, code, "return", new { channel = "counter" });
        }

        return code;
    }

    private static async Task Act(HttpClient client, string code, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class KioskRatingOnSqlite(SqliteHost host) : KioskRatingTests<SqliteHost>(host);

public sealed class KioskRatingOnPostgres(PostgresHost host) : KioskRatingTests<PostgresHost>(host);
