using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// The dashboards' APIs and pages through HTTP on both databases: the ranking of the units under a unit
/// (with its minimum number of dossiers), early warning with the month's projection, scope and bad input.
/// Dossiers come in both ways the indexes know: received through the API and imported as history.
/// </summary>
public abstract class IndexDashboardTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";
    private const string March = "from=2026-03-01&to=2026-03-31";

    private const string Catalogue = """
        code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate
        2.000908,Chứng thực bản sao từ bản chính,Chứng thực,commune,Nghị định 23/2015/NĐ-CP,none,no,no,2025-07-01,01,Chứng thực bản sao,3,workingDays,0,,Bản chính giấy tờ,1,0,
        """;

    private static DateTime Now => DateTime.UtcNow.AddHours(7);

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("D8")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("D8", "Tỉnh Điện Biên Thử", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("D81", "Xã Mường Phăng", UnitKind.Commune, "D8", new DateOnly(2025, 7, 1)));
            await units.CreateAsync(new NewUnit("D82", "Phường Him Lam", UnitKind.Ward, "D8", new DateOnly(2025, 7, 1)));
            await units.CreateAsync(new NewUnit("D83", "Xã Nà Tấu", UnitKind.Commune, "D8", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("root8", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("cchc.d8", Password, "D8", Roles.ReformOfficer);
        await host.CreateUserAsync("desk.d81", Password, "D81", Roles.ReceivingOfficer);
        var root = await host.SignedInClientAsync("root8", Password);
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Catalogue.Replace("\n        ", "\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var assign = await root.PutAsJsonAsync("/api/v1/units/D81/procedures", new[] { new { procedureCode = "2.000908", departmentCode = "VP" } });
        Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());

        // March 2026: D81 25 dossiers (20 on time), D82 22 on time, D83 only 3 (too few to be ranked).
        var lines = new List<string>();
        void History(string unit, int count, int late)
        {
            for (var i = 0; i < count; i++)
            {
                var received = new DateTime(2026, 3, 2, 8, 0, 0).AddDays(i % 20);
                var due = received.AddDays(3);
                lines.Add(Line($"HIS-{unit}-{i:000}", unit, received, due, completed: i < late ? due.AddDays(1) : due.AddHours(-2)));
            }
        }

        History("D81", 25, 5);
        History("D82", 22, 0);
        History("D83", 3, 0);

        // Open now in D82: due within the hour; in two months; already late; waiting for a supplement
        // (clock stopped); and one whose supplement paused it two days (late only tomorrow).
        var now = Now;
        lines.Add(Line("OPEN-D82-SOON", "D82", now.AddDays(-3), now.AddHours(1)));
        lines.Add(Line("OPEN-D82-LATER", "D82", now.AddDays(-3), now.AddDays(60)));
        lines.Add(Line("OPEN-D82-LATE", "D82", now.AddDays(-3), now.AddDays(-1)));
        lines.Add(Line("OPEN-D82-WAITING", "D82", now.AddDays(-3), now.AddHours(1), supplement: (now.AddDays(-2), null)));
        lines.Add(Line("OPEN-D82-PAUSED", "D82", now.AddDays(-5), now.AddDays(-1).AddHours(1), supplement: (now.AddDays(-3), now.AddDays(-1))));
        var imported = await root.PostAsync("/api/v1/dossiers/import", new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
    }

    private static string Line(string code, string unit, DateTime received, DateTime due, DateTime? completed = null, (DateTime At, DateTime? Supplemented)? supplement = null) =>
        JsonSerializer.Serialize(new
        {
            code,
            procedureCode = "2.000908",
            unitCode = unit,
            channel = "counter",
            receivedAt = T(received),
            dueAt = T(due),
            completedAt = completed is { } c ? T(c) : null,
            supplementRequests = supplement is { } s ? new[] { new { at = T(s.At), supplementedAt = s.Supplemented is { } back ? T(back) : null } } : null,
        });

    private static string T(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Counters become visible once the background job has learned the new units' scopes (seconds).</summary>
    private static async Task<JsonElement> EventuallyAsync(HttpClient client, string url, Func<JsonElement, bool> ready)
    {
        JsonElement last = default;
        for (var attempt = 0; attempt < 80; attempt++)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (ready(last))
            {
                return last;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{url} never became ready: {last}");
        return last;
    }

    [Fact]
    public async Task The_units_under_a_province_are_ranked_and_a_unit_with_too_few_dossiers_is_not()
    {
        await SeedAsync();
        var officer = await host.SignedInClientAsync("cchc.d8", Password);

        var ranking = await EventuallyAsync(officer, $"/api/v1/indexes/service/ranking?unit=D8&{March}",
            r => r.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("code").GetString() == "D81" && u.GetProperty("dossiers").GetInt64() == 25));
        var byRate = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/indexes/service/ranking?unit=d8&{March}&by=onTimeRate");

        var units = ranking.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(20, ranking.GetProperty("minimumDossiers").GetInt32());
        Assert.Equal("points", ranking.GetProperty("by").GetString());
        Assert.Equal(["D82", "D81", "D83"], units.Select(u => u.GetProperty("code").GetString()));
        Assert.Equal([1, 2], units.Take(2).Select(u => u.GetProperty("rank").GetInt32()));
        Assert.Equal(JsonValueKind.Null, units[2].GetProperty("rank").ValueKind);
        Assert.False(units[2].GetProperty("enoughDossiers").GetBoolean());
        Assert.Equal(3, units[2].GetProperty("dossiers").GetInt64());
        Assert.Equal(0.8, units[1].GetProperty("onTimeRate").GetDouble(), 10);
        Assert.True(units[0].GetProperty("points").GetDecimal() > units[1].GetProperty("points").GetDecimal());
        Assert.Equal(["D82", "D81", "D83"], byRate.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()));

        // The number behind a rank opens on the same dossiers.
        var working = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/indexes/service/onTimeRate/dossiers?unit=D81&{March}&part=numerator&pageSize=5");
        Assert.Equal(20, working.GetProperty("numerator").GetInt64());
        Assert.Equal(25, working.GetProperty("denominator").GetInt64());
    }

    [Fact]
    public async Task The_ranking_keeps_to_the_callers_scope_and_says_what_is_wrong_with_bad_input()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.d81", Password);
        var officer = await host.SignedInClientAsync("cchc.d8", Password);

        var outside = await desk.GetAsync($"/api/v1/indexes/service/ranking?unit=D8&{March}");
        var own = await desk.GetAsync($"/api/v1/indexes/service/ranking?unit=D81&{March}");
        var badDate = await officer.GetAsync("/api/v1/indexes/service/ranking?unit=D8&from=01/03/2026&to=2026-03-31");
        var reversed = await officer.GetAsync("/api/v1/indexes/service/ranking?unit=D8&from=2026-03-31&to=2026-03-01");
        var badMetric = await officer.GetAsync($"/api/v1/indexes/service/ranking?unit=D8&{March}&by=alphabet");
        var anonymous = await host.Client.GetAsync($"/api/v1/indexes/service/ranking?unit=D8&{March}");

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Empty((await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("units").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.True((await badDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("31/03/2026", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badMetric.StatusCode);
        Assert.True((await badMetric.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("by", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Early_warning_lists_the_open_dossiers_about_to_become_late_and_projects_the_month()
    {
        await SeedAsync();
        var officer = await host.SignedInClientAsync("cchc.d8", Password);

        var warning = await EventuallyAsync(officer, "/api/v1/indexes/service/early-warning?unit=D82", w => w.GetProperty("projection").GetProperty("active").GetInt64() == 5);

        Assert.Equal(2, warning.GetProperty("days").GetInt32());
        Assert.Equal(["OPEN-D82-SOON", "OPEN-D82-PAUSED"], warning.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        Assert.Equal(2, warning.GetProperty("total").GetInt32());
        var paused = warning.GetProperty("dossiers")[1];
        Assert.True(paused.GetProperty("supplementPaused").GetBoolean());
        Assert.True(paused.GetProperty("lateAfter").GetDateTime() > paused.GetProperty("dueAt").GetDateTime());
        Assert.Equal("D82", paused.GetProperty("unitCode").GetString());

        var projection = warning.GetProperty("projection");
        var today = DateOnly.FromDateTime(Now);
        Assert.Equal(new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), projection.GetProperty("monthStart").GetString());
        Assert.Equal(
            projection.GetProperty("onTimeToday").GetInt64() - projection.GetProperty("onTimeAtMonthEnd").GetInt64(),
            projection.GetProperty("turningLate").GetInt64());
        Assert.True(projection.GetProperty("projectedRate").GetDouble() <= projection.GetProperty("rateToday").GetDouble());

        // The province sees its communes' dossiers; the list can be limited, the count stays whole.
        var province = await EventuallyAsync(officer, "/api/v1/indexes/service/early-warning?unit=D8&limit=1", w => w.GetProperty("total").GetInt32() >= 2);
        Assert.Equal("OPEN-D82-SOON", Assert.Single(province.GetProperty("dossiers").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_dossier_received_at_the_desk_is_warned_about_within_its_appointment_window_only()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.d81", Password);
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "2.000908",
            channel = "counter",
            applicant = new { name = "Lò Văn Pâng" },
            documents = new[] { new { name = "Bản chính giấy tờ", provided = true } },
            receive = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

        // Three working days of office time: not due by tonight, due within the next five working days.
        var soon = await desk.GetFromJsonAsync<JsonElement>("/api/v1/indexes/service/early-warning?unit=D81&days=0");
        var week = await desk.GetFromJsonAsync<JsonElement>("/api/v1/indexes/service/early-warning?unit=D81&days=5");
        var outside = await desk.GetAsync("/api/v1/indexes/service/early-warning?unit=D82");
        var tooFar = await desk.GetAsync("/api/v1/indexes/service/early-warning?unit=D81&days=31");
        var noUnit = await desk.GetAsync("/api/v1/indexes/service/early-warning");

        Assert.DoesNotContain(soon.GetProperty("dossiers").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        var listed = Assert.Single(week.GetProperty("dossiers").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        Assert.InRange(listed.GetProperty("workingDaysLeft").GetInt32(), 1, 5);
        Assert.False(listed.GetProperty("imported").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.True((await tooFar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("days", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_page_shows_cards_points_and_ranking_in_vietnamese_and_in_english()
    {
        await SeedAsync();
        var officer = await host.SignedInClientAsync("cchc.d8", Password);
        await EventuallyAsync(officer, $"/api/v1/indexes/service/ranking?unit=D8&{March}",
            r => r.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("code").GetString() == "D81" && u.GetProperty("dossiers").GetInt64() == 25));

        var vietnamese = await officer.GetStringAsync("/chi-so/D81?kind=month&year=2026&month=3");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/chi-so/D8?kind=quarter&year=2026&quarter=1");
        request.Headers.AcceptLanguage.ParseAdd("en-GB");
        var english = await (await officer.SendAsync(request)).Content.ReadAsStringAsync();
        var badPeriod = await officer.GetStringAsync("/chi-so/D8?kind=custom&from=32/03/2026&to=01/04/2026");
        var outside = await (await host.SignedInClientAsync("desk.d81", Password)).GetAsync("/chi-so/D82?kind=month&year=2026&month=3");

        Assert.Contains("Tỷ lệ hồ sơ đúng hạn", vietnamese, StringComparison.Ordinal);
        Assert.Contains("80 %", vietnamese, StringComparison.Ordinal);                         // 20 of 25 on time
        Assert.Contains("card indicator bad\" id=\"card-onTimeRate\"", vietnamese, StringComparison.Ordinal);      // 15 points below 95 %
        Assert.Contains("/chi-so/D81/ho-so/onTimeRate?from=2026-03-01&amp;to=2026-03-31&amp;part=numerator", vietnamese, StringComparison.Ordinal);
        Assert.Contains("không có hồ sơ", vietnamese, StringComparison.Ordinal);
        Assert.Contains("On-time rate", english, StringComparison.Ordinal);
        Assert.Contains("Ranking of the units under", english, StringComparison.Ordinal);
        Assert.Contains("Not ranked: fewer than 20 dossiers", english, StringComparison.Ordinal);
        Assert.Contains("không phải là ngày viết theo dạng dd/mm/yyyy", badPeriod, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, outside.StatusCode);
    }
}

public sealed class IndexDashboardOnSqlite(SqliteHost host) : IndexDashboardTests<SqliteHost>(host);

public sealed class IndexDashboardOnPostgres(PostgresHost host) : IndexDashboardTests<PostgresHost>(host);
