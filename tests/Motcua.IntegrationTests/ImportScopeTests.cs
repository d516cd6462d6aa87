using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Indexes.Data;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// The historical import stays in the caller's scope (issue 12): a unit administrator may not move another
/// unit's dossier into the own figures by re-importing its code, nor change a period another unit closed.
/// Each refused line is a numbered row error and the file writes nothing (all or nothing), on PostgreSQL
/// through the COPY path (no closed period yet) and the EF path (once a period is closed) alike.
/// </summary>
public abstract class ImportScopeTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private const string Catalogue = "code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate\n"
        + "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,2020-01-01,01,Đăng ký khai sinh đúng hạn,3,workingDays,0,,Tờ khai đăng ký khai sinh,1,0,\n";

    private static string Line(string code, string unit, string received, int days = 1) =>
        $$"""{"code":"{{code}}","procedureCode":"1.001193","unitCode":"{{unit}}","channel":"counter","receivedAt":"{{received}}T08:00:00","dueAt":"{{DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture).AddDays(3):yyyy-MM-dd}}T08:00:00","completedAt":"{{DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture).AddDays(days):yyyy-MM-dd}}T08:00:00"}""";

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string query, params string[] lines) =>
        client.PostAsync("/api/v1/dossiers/import" + query, new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson"));

    /// <summary>Every stored fact (code, unit, completion) and the number of closed-period adjustments.</summary>
    private Task<string> StoredAsync() => host.WithServiceAsync<IndexesDbContext, string>(async db =>
        string.Join("; ", (await db.Facts.AsNoTracking().OrderBy(f => f.Code).ToListAsync()).Select(f => $"{f.Code} {f.UnitId} {f.CompletedAt:yyyy-MM-dd}"))
        + $" | adjustments {await db.Adjustments.CountAsync()}");

    private static async Task<long> ReceivedAsync(HttpClient client, string unit, string from, string to)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/indexes/service?unit={unit}&from={from}&to={to}");
        return body.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "received").GetProperty("numerator").GetInt64();
    }

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.False(body.GetProperty("imported").GetBoolean());
        Assert.Equal(0, body.GetProperty("created").GetInt64());
        return body;
    }

    [Fact]
    public async Task A_unit_administrator_cannot_move_or_correct_another_units_dossiers()
    {
        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("SP", "Tỉnh Phạm Vi", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("SC1", "Xã Một", UnitKind.Commune, "SP", new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("SC2", "Xã Hai", UnitKind.Commune, "SP", new DateOnly(2000, 1, 1)));
            return new object();
        });
        await host.WithServiceAsync<Motcua.Indexes.IndexMaintenance, bool>(async maintenance =>
        {
            if (await maintenance.RefreshScopesAsync())
            {
                await maintenance.RebuildAsync();
            }

            return true;
        });
        await host.CreateUserAsync("scope.root", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("scope.admin1", Password, "SC1", Roles.UnitAdmin);
        var root = await host.SignedInClientAsync("scope.root", Password);
        var admin = await host.SignedInClientAsync("scope.admin1", Password);
        var catalogue = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent(Catalogue, Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
        });
        Assert.True(catalogue.IsSuccessStatusCode, await catalogue.Content.ReadAsStringAsync());
        var history = await ImportAsync(root, string.Empty, Line("SC2-001", "SC2", "2024-01-08"), Line("SC2-002", "SC2", "2024-03-04"), Line("SC1-001", "SC1", "2024-01-09"));
        Assert.True(history.IsSuccessStatusCode, await history.Content.ReadAsStringAsync());
        var stored = await StoredAsync();

        // A line of another unit: refused as the line is read.
        var otherUnit = await RefusedAsync(await ImportAsync(admin, string.Empty, Line("SC1-002", "SC1", "2024-01-10"), Line("SC2-003", "SC2", "2024-01-10")));
        var problem = Assert.Single(otherUnit.GetProperty("problems").EnumerateArray());
        Assert.Equal(2, problem.GetProperty("line").GetInt64());
        Assert.Contains("SC2", problem.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Another unit's dossier re-imported under the own unit: refused against the stored fact, nothing written.
        var moved = await RefusedAsync(await ImportAsync(admin, string.Empty, Line("SC1-002", "SC1", "2024-01-10"), Line("SC2-001", "SC1", "2024-01-08")));
        problem = Assert.Single(moved.GetProperty("problems").EnumerateArray());
        Assert.Equal(2, problem.GetProperty("line").GetInt64());
        Assert.Contains("SC2-001", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("SC2", problem.GetProperty("message").GetString()!.Replace("SC2-001", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(stored, await StoredAsync());
        Assert.Equal(1, await ReceivedAsync(root, "SC2", "2024-01-01", "2024-01-31"));
        Assert.Equal(1, await ReceivedAsync(root, "SC1", "2024-01-01", "2024-01-31"));

        // A dry run reports it too.
        var dry = await ImportAsync(admin, "?dryRun=true", Line("SC2-001", "SC1", "2024-01-08"));
        var dryBody = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, Assert.Single(dryBody.GetProperty("problems").EnumerateArray()).GetProperty("line").GetInt64());
        Assert.Equal(stored, await StoredAsync());

        // Skipping invalid lines writes the own line and skips (and reports) the other unit's.
        var skipped = await ImportAsync(admin, "?skipInvalid=true", Line("SC1-002", "SC1", "2024-01-10"), Line("SC2-001", "SC1", "2024-01-08"));
        var skippedText = await skipped.Content.ReadAsStringAsync();
        Assert.True(skipped.IsSuccessStatusCode, skippedText);
        var skippedBody = JsonSerializer.Deserialize<JsonElement>(skippedText);
        Assert.Equal(1, skippedBody.GetProperty("created").GetInt64());
        Assert.Equal(1, skippedBody.GetProperty("skipped").GetInt64());
        Assert.Equal(2, Assert.Single(skippedBody.GetProperty("problems").EnumerateArray()).GetProperty("line").GetInt64());
        Assert.Equal(1, await ReceivedAsync(root, "SC2", "2024-01-01", "2024-01-31"));
        Assert.Equal(2, await ReceivedAsync(root, "SC1", "2024-01-01", "2024-01-31"));

        // The province closes March 2024: a commune administrator may not change it, even with an own dossier.
        var close = await root.PostAsJsonAsync("/api/v1/indexes/periods/close", new { unit = "SP", from = "2024-03-01", to = "2024-03-31", note = "Tháng 3" });
        Assert.Equal(HttpStatusCode.Created, close.StatusCode);
        stored = await StoredAsync();
        var closed = await RefusedAsync(await ImportAsync(admin, string.Empty, Line("SC1-003", "SC1", "2024-01-11"), Line("SC1-004", "SC1", "2024-03-05")));
        problem = Assert.Single(closed.GetProperty("problems").EnumerateArray());
        Assert.Equal(2, problem.GetProperty("line").GetInt64());
        Assert.Contains("SP", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        var movedClosed = await RefusedAsync(await ImportAsync(admin, string.Empty, Line("SC2-002", "SC1", "2024-03-04")));
        Assert.Equal(1, Assert.Single(movedClosed.GetProperty("problems").EnumerateArray()).GetProperty("line").GetInt64());
        Assert.Equal(stored, await StoredAsync());
        Assert.Equal(2, await ReceivedAsync(root, "SC1", "2024-01-01", "2024-01-31"));

        // The system (a system administrator; the command line) covers every unit and may correct anything.
        var corrected = await ImportAsync(root, string.Empty, Line("SC2-002", "SC2", "2024-03-04", days: 2));
        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync());
    }
}

public sealed class ImportScopeOnSqlite(SqliteHost host) : ImportScopeTests<SqliteHost>(host);

public sealed class ImportScopeOnPostgres(PostgresHost host) : ImportScopeTests<PostgresHost>(host);
