using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Audit.Data;
using Motcua.Audit.Verify;
using Motcua.Common;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;
using Npgsql;

namespace Motcua.IntegrationTests;

/// <summary>
/// scripts/postgres-audit-role.sql on PostgreSQL: afterwards the application's role cannot UPDATE, DELETE or
/// TRUNCATE the audit entries or the dossier events, while signing in, receiving and acting on dossiers
/// (which insert into both) still work.
/// </summary>
public sealed class AuditRoleOnPostgresTests(PostgresHost host) : IClassFixture<PostgresHost>
{
    private const string Password = "Passw0rdLong";

    private static async Task OkAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static string Script()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "scripts", "postgres-audit-role.sql");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException("scripts/postgres-audit-role.sql");
    }

    private async Task<PostgresException> RefusedAsync(string sql)
    {
        var connectionString = await host.WithServiceAsync<AuditDbContext, string>(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task After_the_script_the_app_role_can_only_insert_into_the_histories_and_the_app_still_works()
    {
        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("RP", "Tỉnh Vai Trò", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit("R1", "Xã Vai Trò", UnitKind.Commune, "RP", new DateOnly(2025, 7, 1)));
            return new object();
        });
        await host.CreateUserAsync("role.root", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("role.desk", Password, "R1", Roles.ReceivingOfficer);
        var root = await host.SignedInClientAsync("role.root", Password);
        var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
        {
            { new StringContent("code,name,field,level,onlineLevel,variantCode,processingTime,timeUnit,fee,documentName,originals,copies\n2.000908,Chứng thực bản sao,Chứng thực,commune,none,01,1,workingDays,0,Bản chính,1,0\n", System.Text.Encoding.UTF8, "text/csv"), "file", "c.csv" },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        Assert.True((await root.PutAsJsonAsync("/api/v1/units/R1/procedures", new[] { new { procedureCode = "2.000908", departmentCode = "VP" } })).IsSuccessStatusCode);

        // As the owner the application runs with here (the test server's role cannot create roles).
        await host.WithServiceAsync<AuditDbContext, int>(db => db.Database.ExecuteSqlRawAsync(Script().Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)));

        var update = await RefusedAsync("UPDATE audit.audit_entries SET \"ActorName\" = 'x'");
        var delete = await RefusedAsync("DELETE FROM audit.audit_entries");
        var truncate = await RefusedAsync("TRUNCATE audit.audit_entries");
        var editEvent = await RefusedAsync("UPDATE dossiers.dossier_events SET \"Note\" = 'x'");
        var deleteEvent = await RefusedAsync("DELETE FROM dossiers.dossier_events");
        Assert.All([update, delete, truncate, editEvent, deleteEvent], e => Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState));

        // The application still signs in, receives and acts on dossiers, and audits them.
        var desk = await host.SignedInClientAsync("role.desk", Password);
        var submitted = await desk.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "2.000908", applicant = new { name = "Phạm Văn Quyền" }, documents = new[] { new { name = "Bản chính", provided = true } } });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await OkAsync(desk.PostAsJsonAsync($"/api/v1/dossiers/{code}/receive", new { }));
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/dossiers/{code}")).StatusCode);
        var report = await host.WithServiceAsync<AuditVerification, ChainReport>(v => v.VerifyAsync("test"));
        Assert.True(report.Intact, string.Join("; ", report.Breaks));
        var viewed = await host.WithServiceAsync<AuditDbContext, bool>(db => db.Entries.AnyAsync(e => e.Action == "dossier.view" && e.ObjectId == code));
        Assert.True(viewed);
    }
}
