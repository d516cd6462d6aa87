using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Common.Tabular;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;
using Motcua.Procedures;
using Motcua.Procedures.ImportProcedures;

namespace Motcua.IntegrationTests;

/// <summary>
/// The authorisation matrix: every operation of <c>/openapi/v1.json</c> × every role (and anonymous) × own
/// unit / a sibling unit, sent through HTTP with route values and query parameters resolved for the unit.
/// No answer is a 5xx; anonymous callers get 401 outside the public endpoints; no user of one commune reads
/// or changes the other's data; and the whole table equals docs/security/authorization-matrix.md. When it
/// differs, the actual table is written to artifacts/ (or, with MOTCUA_UPDATE_MATRIX=1, over the document)
/// so that a reviewer sees the change as a diff. How it is made and kept: docs/security/matrix.md.
/// </summary>
public abstract class AuthorizationMatrixTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";
    private const string Own = "MA";
    private const string Other = "MB";
    private const string Anonymous = "Anonymous";

    /// <summary>
    /// Columns of the matrix, in the order the requests are sent. Every signed-in user but the system administrator
    /// belongs to commune MA. The system administrator comes after the commune's roles: its writes succeed in both
    /// units, and sent first they would leave nothing for the others' scope to be tested on (a day off already
    /// revoked answers 400 whoever asks).
    /// </summary>
    private static readonly string[] Callers = [Roles.UnitAdmin, Roles.ReceivingOfficer, Roles.Specialist, Roles.Leader, Roles.ReformOfficer, Roles.SystemAdmin, Anonymous];

    /// <summary>
    /// Other-unit answers that are 2xx on purpose, with the reason. Everything else a commune's user sends
    /// about the other commune must be refused or hidden.
    /// </summary>
    private static readonly Dictionary<string, string> OtherUnitAllowed = new(StringComparer.Ordinal)
    {
    };

    // A real (one-page) PDF: uploads are checked by their content (ADR 0019).
    private static readonly byte[] Pdf = Motcua.UnitTests.Common.SampleFiles.Pdf();

    [Fact]
    public async Task Every_operation_answers_every_role_as_the_committed_matrix_says()
    {
        var samples = await SeedAsync();
        var clients = await ClientsAsync();
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var publicOperations = PublicOperations();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 100, $"Only {operations.Count} operations in the OpenAPI document.");

        var failures = new List<string>();
        var rows = new List<(Operation Operation, string[] Cells)>();
        foreach (var operation in operations)
        {
            var isPublic = publicOperations.Contains(operation.Key);
            var own = Resolve(operation, samples[Own]);
            var other = Resolve(operation, samples[Other]);
            var unitSpecific = own != other;
            var cells = new string[Callers.Length];
            for (var c = 0; c < Callers.Length; c++)
            {
                var caller = Callers[c];
                var ownStatus = await SendAsync(clients[caller], operation, own);
                if (caller == Roles.SystemAdmin && operation.Key == "GET /api/v1/dossiers")
                {
                    // The leak check is only as good as its markers: the one who sees everything sees them.
                    Assert.Contains(samples[Other].Markers[0], ownStatus.Body, StringComparison.Ordinal);
                }

                Check(operation, caller, "own", ownStatus.Status, isPublic, failures);
                if (!unitSpecific)
                {
                    cells[c] = ownStatus.Status.ToString(CultureInfo.InvariantCulture);
                    Leaks(operation, caller, ownStatus, isPublic, samples[Other], failures);
                    continue;
                }

                var otherStatus = await SendAsync(clients[caller], operation, other);
                Check(operation, caller, "other", otherStatus.Status, isPublic, failures);
                Leaks(operation, caller, ownStatus, isPublic, samples[Other], failures);
                Leaks(operation, caller, otherStatus, isPublic, samples[Other], failures);

                // A route that names the other unit's resource must refuse or hide it. A read that only filters by
                // the other unit (?unit=MB) may answer with what the caller's scope holds, which the leak check covers.
                var namesResource = operation.Method != "GET" || OnlyPath(own) != OnlyPath(other);
                if (caller != Roles.SystemAdmin && caller != Anonymous && !isPublic && namesResource && otherStatus.Status is >= 200 and < 300
                    && !OtherUnitAllowed.ContainsKey(operation.Key))
                {
                    failures.Add($"{operation.Key} as {caller}: {otherStatus.Status} for the other unit's {other}");
                }

                cells[c] = string.Create(CultureInfo.InvariantCulture, $"{ownStatus.Status} / {otherStatus.Status}");
            }

            rows.Add((operation, cells));
        }

        var actual = Render(rows, publicOperations);
        CompareWithCommitted(actual, failures);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static string OnlyPath(string url) => url.Split('?')[0];

    private static void Check(Operation operation, string caller, string unit, int status, bool isPublic, List<string> failures)
    {
        if (status >= 500)
        {
            failures.Add($"{operation.Key} as {caller} ({unit} unit): {status}");
        }

        if (caller == Anonymous && !isPublic && status != StatusCodes.Status401Unauthorized)
        {
            failures.Add($"{operation.Key} anonymous ({unit} unit): {status}, not 401");
        }
    }

    /// <summary>A success for a user of the first commune must not carry the second commune's data.</summary>
    private static void Leaks(Operation operation, string caller, Answer answer, bool isPublic, Samples other, List<string> failures)
    {
        if (caller is Roles.SystemAdmin or Anonymous || isPublic || answer.Status is < 200 or >= 300)
        {
            return;
        }

        foreach (var marker in other.Markers)
        {
            if (answer.Body.Contains(marker, StringComparison.Ordinal))
            {
                failures.Add($"{operation.Key} as {caller}: the answer carries the other unit's '{marker}'");
            }
        }
    }

    private void CompareWithCommitted(string actual, List<string> failures)
    {
        var repository = Repository();
        var committed = Path.Combine(repository, "docs", "security", "authorization-matrix.md");
        var expected = File.Exists(committed) ? File.ReadAllText(committed).ReplaceLineEndings("\n") : string.Empty;
        if (expected == actual)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("MOTCUA_UPDATE_MATRIX") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(committed)!);
            File.WriteAllText(committed, actual);
            return;
        }

        var written = Path.Combine(repository, "artifacts", $"authorization-matrix.{host.GetType().Name}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(written)!);
        File.WriteAllText(written, actual);
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var differences = actualLines.Except(expectedLines, StringComparer.Ordinal).Take(15).Select(l => "+ " + l)
            .Concat(expectedLines.Except(actualLines, StringComparer.Ordinal).Take(15).Select(l => "- " + l));
        failures.Add($"The matrix differs from docs/security/authorization-matrix.md; the actual one is in {written} "
            + "(diff it, or run with MOTCUA_UPDATE_MATRIX=1 to rewrite the document):\n" + string.Join('\n', differences));
    }

    private static string Render(List<(Operation Operation, string[] Cells)> rows, HashSet<string> publicOperations)
    {
        var text = new StringBuilder();
        text.Append("# Authorisation matrix\n\n");
        text.Append("Generated by `AuthorizationMatrixTests` (tests/Motcua.IntegrationTests) from `/openapi/v1.json`; do not edit by hand —\n");
        text.Append("see [matrix.md](matrix.md) for how it is made, read and regenerated (`MOTCUA_UPDATE_MATRIX=1`).\n\n");
        text.Append("Each cell is the HTTP status for a request about the caller's own commune (MA) / a sibling commune (MB);\n");
        text.Append("a single status means the request names no unit. Every signed-in caller but the system administrator (no unit)\n");
        text.Append("belongs to MA and holds one role. 2xx: done; 400/409: authorised, refused by a rule (the probe sends empty\n");
        text.Append("bodies); 401: not signed in; 403: role or scope refused; 404: hidden (not found for this caller).\n");
        text.Append("Public endpoints are marked ◦.\n\n");
        text.Append("| Operation | ").Append(string.Join(" | ", Callers.Select(Short))).Append(" |\n");
        text.Append("|---|").Append(string.Concat(Callers.Select(_ => "---|"))).Append('\n');
        foreach (var (operation, cells) in rows)
        {
            var marker = publicOperations.Contains(operation.Key) ? " ◦" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"| `{operation.Method} {operation.Path}`{marker} | ").Append(string.Join(" | ", cells)).Append(" |\n");
        }

        return text.ToString();

        static string Short(string caller) => caller switch
        {
            Roles.SystemAdmin => "SystemAdmin",
            Roles.UnitAdmin => "UnitAdmin",
            Roles.ReceivingOfficer => "Receiving",
            Roles.Specialist => "Specialist",
            Roles.Leader => "Leader",
            Roles.ReformOfficer => "Reform",
            _ => "Anonymous",
        };
    }

    private static async Task<Answer> SendAsync(HttpClient client, Operation operation, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        if (operation.Body == "application/json")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        else if (operation.Body is not null)
        {
            request.Content = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "file", "probe.pdf" } };
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, body);
    }

    private static string Resolve(Operation operation, Samples samples)
    {
        var path = operation.Path;
        foreach (var name in operation.PathParameters)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(samples.Value(operation.Path, name)), StringComparison.Ordinal);
        }

        var query = operation.QueryParameters
            .Select(name => (name, value: samples.Query(operation.Path, name)))
            .Where(p => p.value is not null)
            .Select(p => $"{p.name}={Uri.EscapeDataString(p.value!)}")
            .ToList();
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private static IEnumerable<Operation> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Name is not ("get" or "post" or "put" or "delete" or "patch"))
                {
                    continue;
                }

                var parameters = method.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                string? body = null;
                if (method.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                {
                    body = content.EnumerateObject().Select(c => c.Name).FirstOrDefault();
                }

                yield return new Operation(
                    method.Name.ToUpperInvariant(),
                    path.Name,
                    [.. parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!)],
                    [.. parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)],
                    body);
            }
        }
    }

    /// <summary>"METHOD /path" of every operation that allows anonymous callers, with route constraints removed as OpenAPI shows them.</summary>
    private HashSet<string> PublicOperations()
    {
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                .Select(m => $"{m} /{OpenApiPath(e.RoutePattern.RawText ?? string.Empty)}"))
            .ToHashSet(StringComparer.Ordinal);

        static string OpenApiPath(string pattern) =>
            System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{([^}:?]+)[^}]*\}", "{$1}");
    }

    /// <summary>Two sibling communes under one province, a user of every role in each, and data of each unit that the routes name.</summary>
    private async Task<Dictionary<string, Samples>> SeedAsync()
    {
        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("MP", "Tỉnh Ma Trận", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit(Own, "Xã Ma Trận Đông", UnitKind.Commune, "MP", new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new NewUnit(Other, "Xã Ma Trận Tây", UnitKind.Commune, "MP", new DateOnly(2000, 1, 1)));
            return new object();
        });
        await host.CreateUserAsync("matrix.root", Password, null, Roles.SystemAdmin);
        foreach (var unit in new[] { Own, Other })
        {
            foreach (var role in Callers.Where(r => r is not (Roles.SystemAdmin or Anonymous)))
            {
                await host.CreateUserAsync(UserName(role, unit), Password, unit, role);
            }

            // The user the user-administration routes name: never one of the callers, so disabling it changes nothing else.
            await host.CreateUserAsync($"clerk.{unit.ToLowerInvariant()}", Password, unit, Roles.Specialist);
        }

        await host.WithServiceAsync<ProcedureImporter, object>(async importer =>
        {
            const string Catalogue = "code,name,field,level,onlineLevel,variantCode,processingTime,timeUnit,fee,documentName,originals,copies\n"
                + "9.000777,Thủ tục ma trận,Thử nghiệm,commune,full,01,3,workingDays,0,Tờ khai,1,0\n";
            await using var csv = new MemoryStream(Encoding.UTF8.GetBytes(Catalogue));
            await importer.ImportAsync(TabularFile.Read(csv, "catalogue.csv"));
            return new object();
        });
        await host.WithServiceAsync<ProcedureCatalogue, object>(async catalogue =>
        {
            await catalogue.AssignAsync(Own, [("9.000777", "VP")]);
            await catalogue.AssignAsync(Other, [("9.000777", "VP")]);
            return new object();
        });

        var samples = new Dictionary<string, Samples>();
        var year = DateTime.UtcNow.AddHours(7).Year;
        foreach (var unit in new[] { Own, Other })
        {
            var lower = unit.ToLowerInvariant();
            var desk = await ClientAsync(UserName(Roles.ReceivingOfficer, unit), "10.9.0." + (unit == Own ? "1" : "2"));
            var applicant = $"Người Nộp {unit}";
            var dossier = await ReadAsync(await desk.PostAsJsonAsync("/api/v1/dossiers", new
            {
                procedureCode = "9.000777",
                applicant = new { name = applicant },
                documents = new[] { new { name = "Tờ khai", provided = true } },
                receive = true,
            }));
            var code = Find(dossier, "code")!;
            var secret = Find(dossier, "secret") ?? string.Empty;
            var file = await ReadAsync(await desk.PostAsync($"/api/v1/dossiers/{code}/files", new MultipartFormDataContent { { new ByteArrayContent(Pdf), "file", "to-khai.pdf" }, { new StringContent("Tờ khai"), "documentName" } }));

            var reform = await ClientAsync(UserName(Roles.ReformOfficer, unit), "10.9.1." + (unit == Own ? "1" : "2"));
            var planTitle = $"Kế hoạch riêng của {unit}";
            var plan = await ReadAsync(await reform.PostAsJsonAsync("/api/v1/plans", new
            {
                numberAndSymbol = $"7{(unit == Own ? 1 : 2)}/KH-UBND",
                issuingUnit = unit,
                issuedOn = $"{year}-01-05",
                title = planTitle,
                year,
            }));
            var planId = Find(plan.GetProperty("summary"), "id")!;
            var task = await ReadAsync(await reform.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", new
            {
                number = "1",
                content = $"Nhiệm vụ riêng của {unit}",
                leadUnit = unit,
                deadline = new { kind = "date", date = $"{year}-12-20" },
                requiredEvidence = "Báo cáo",
            }));
            var taskId = Find(task, "id")!;
            var specialist = await ClientAsync(UserName(Roles.Specialist, unit), "10.9.2." + (unit == Own ? "1" : "2"));
            var report = await ReadAsync(await specialist.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports", new { status = "inProgress", percent = 10, text = "Đã phân công" }));
            var reportId = Find(report, "id")!;
            var evidence = await ReadAsync(await specialist.PostAsync($"/api/v1/plans/reports/{reportId}/evidence", new MultipartFormDataContent { { new ByteArrayContent(Pdf), "file", "bao-cao.pdf" } }));

            var admin = await ClientAsync(UserName(Roles.UnitAdmin, unit), "10.9.3." + (unit == Own ? "1" : "2"));
            var dayOffName = $"Ngày nghỉ riêng của {unit}";
            var dayOff = new DateOnly(year, 11, 10);
            while (dayOff.DayOfWeek != DayOfWeek.Wednesday)
            {
                dayOff = dayOff.AddDays(1);
            }

            var calendarOverride = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/calendar/overrides", new
            {
                unitCode = unit,
                date = dayOff.AddDays(unit == Own ? 0 : 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                kind = "dayOff",
                name = dayOffName,
            }));

            samples[unit] = new Samples(
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["code"] = unit,
                    ["unitCode"] = unit,
                    ["departmentCode"] = "VP",
                    ["userName"] = $"clerk.{lower}",
                    ["/api/v1/dossiers/{code}:code"] = code,
                    ["/api/v1/public/dossiers/{code}:code"] = code,
                    ["/api/v1/dossiers/{code}/files/{id}:id"] = Find(file, "id") ?? Guid.Empty.ToString(),
                    ["/api/v1/plans/{id}:id"] = planId,
                    ["taskId"] = taskId,
                    ["reportId"] = reportId,
                    ["evidenceId"] = Find(evidence, "id") ?? Guid.Empty.ToString(),
                    ["/api/v1/calendar/overrides/{id}:id"] = Find(calendarOverride, "id")!,
                },
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["unit"] = unit,
                    ["secret"] = secret,
                    ["year"] = year.ToString(CultureInfo.InvariantCulture),
                },
                [code, applicant, planTitle, dayOffName]);
        }

        return samples;
    }

    private static string UserName(string role, string unit) => $"{role.ToLowerInvariant()}.{unit.ToLowerInvariant()}";

    /// <summary>A bearer client for every column; each from its own client address, so that per-address limits never mix the callers.</summary>
    private async Task<Dictionary<string, HttpClient>> ClientsAsync()
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        for (var i = 0; i < Callers.Length; i++)
        {
            var caller = Callers[i];
            var address = "10.8.0." + (i + 1).ToString(CultureInfo.InvariantCulture);
            clients[caller] = caller switch
            {
                Anonymous => Client(address),
                Roles.SystemAdmin => await ClientAsync("matrix.root", address),
                _ => await ClientAsync(UserName(caller, Own), address),
            };
        }

        return clients;
    }

    private HttpClient Client(string address)
    {
        var server = host.App.GetTestServer();
        var ip = IPAddress.Parse(address);
        return new HttpClient(server.CreateHandler(context => context.Connection.RemoteIpAddress = ip)) { BaseAddress = server.BaseAddress };
    }

    private async Task<HttpClient> ClientAsync(string userName, string address)
    {
        var client = Client(address);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = Password });
        var token = Find(await ReadAsync(response), "accessToken");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static string? Find(JsonElement element, string name)
    {
        var found = FindElement(element, name);
        return found.ValueKind switch
        {
            JsonValueKind.String => found.GetString(),
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            _ => found.ToString(),
        };
    }

    /// <summary>The first property of that name, depth first.</summary>
    private static JsonElement FindElement(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(name, out var direct))
            {
                return direct;
            }

            foreach (var property in element.EnumerateObject())
            {
                var found = FindElement(property.Value, name);
                if (found.ValueKind != JsonValueKind.Undefined)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                var found = FindElement(item, name);
                if (found.ValueKind != JsonValueKind.Undefined)
                {
                    return found;
                }
            }
        }

        return default;
    }

    private static string Repository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Motcua.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository was not found above " + AppContext.BaseDirectory);
    }

    private sealed record Operation(string Method, string Path, string[] PathParameters, string[] QueryParameters, string? Body)
    {
        public string Key => $"{Method} {Path}";
    }

    private sealed record Answer(int Status, string Body);

    /// <summary>
    /// Sample values of one unit: by "path:parameter" for a parameter whose meaning depends on the route, else
    /// by parameter name; a route id with no sample is an unknown id (every caller then gets the same not found).
    /// </summary>
    private sealed record Samples(Dictionary<string, string> Route, Dictionary<string, string> QueryValues, string[] Markers)
    {
        public string Value(string path, string name)
        {
            foreach (var (key, value) in Route)
            {
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && key[(colon + 1)..] == name && path.StartsWith(key[..colon], StringComparison.Ordinal))
                {
                    return value;
                }
            }

            return Route.TryGetValue(name, out var plain) ? plain : name switch
            {
                "action" => "assign",
                "form" => "receipt",
                "provider" => "test",
                "indicator" => "onTimeRate",
                _ => "00000000-0000-0000-0000-00000000a11d",
            };
        }

        /// <summary>The unit's own values (unit, secret, year), then values that let the request past input checks.</summary>
        public string? Query(string path, string name)
        {
            if (QueryValues.TryGetValue(name, out var value))
            {
                return value;
            }

            var year = QueryValues["year"];
            return (path, name) switch
            {
                (_, "date") => $"{year}-01-15",
                ("/api/v1/calendar/due", "from") => $"{year}-05-13T09:00:00",
                ("/api/v1/calendar/due", "workingDays") => "3",
                (_, "from") when path.StartsWith("/api/v1/indexes/", StringComparison.Ordinal) || path == "/api/v1/dossiers/register" => $"{year}-01-01",
                (_, "to") when path.StartsWith("/api/v1/indexes/", StringComparison.Ordinal) || path == "/api/v1/dossiers/register" => $"{year}-12-31",
                ("/api/v1/indexes/reports/service", "period") => year,
                (_, "indicator") => "onTimeRate",
                (_, "period") => year,
                _ => null,
            };
        }
    }
}

public sealed class AuthorizationMatrixOnSqlite(SqliteHost host) : AuthorizationMatrixTests<SqliteHost>(host);

public sealed class AuthorizationMatrixOnPostgres(PostgresHost host) : AuthorizationMatrixTests<PostgresHost>(host);
