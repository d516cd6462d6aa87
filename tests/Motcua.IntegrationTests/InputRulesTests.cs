using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// No input yields a 500: every text of every JSON body in the OpenAPI document is sent too long, with NUL,
/// in NFD and at its maximum length, and every enum as an undefined number; query and route values likewise.
/// PostgreSQL refuses NUL and over-long varchar where SQLite stores them, so both run.
/// </summary>
public abstract class InputRulesTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";
    private const string NfdName = "Nguye\u0302\u0303n Thi\u0323 Hoa\u0300";
    private const string NfcName = "Nguyễn Thị Hoà";

    private const string Catalogue = """
        code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate
        2.000908,Chứng thực bản sao từ bản chính,Chứng thực,commune,Nghị định 23/2015/NĐ-CP,none,no,no,2025-07-01,01,Chứng thực bản sao,0.5,workingDays,2000,2.000 đồng/trang,Bản chính giấy tờ,1,0,
        """;

    private async Task<HttpClient> SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("P8")) is null)
        {
            await host.WithServiceAsync<UnitAdministration, object>(async units =>
            {
                await units.CreateAsync(new NewUnit("P8", "Tỉnh Thử Nhập", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("K8", "Xã Nhập Liệu", UnitKind.Commune, "P8", new DateOnly(2025, 7, 1)));
                return new object();
            });
            await host.CreateUserAsync("root.input", Password, null, Roles.SystemAdmin);
            await host.CreateUserAsync("desk.k8", Password, "K8", Roles.ReceivingOfficer);
            var root = await host.SignedInClientAsync("root.input", Password);
            var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
            {
                { new StringContent(Catalogue.Replace("\n        ", "\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
            });
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
            var assign = await root.PutAsJsonAsync("/api/v1/units/K8/procedures", new[] { new { procedureCode = "2.000908", departmentCode = "VP" } });
            Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
        }

        return await host.SignedInClientAsync("root.input", Password);
    }

    [Fact]
    public async Task A_name_typed_in_nfd_is_stored_in_nfc_and_found_by_an_nfc_search()
    {
        await SeedAsync();
        var desk = await host.SignedInClientAsync("desk.k8", Password);

        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "2.000908", applicant = new { name = NfdName } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

        var byNfc = await desk.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?q=" + Uri.EscapeDataString(NfcName));
        var byNfd = await desk.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?q=" + Uri.EscapeDataString("Thi\u0323 Hoa\u0300"));
        var dossier = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");

        Assert.Contains(byNfc.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code);
        Assert.Contains(byNfd.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code);
        Assert.Contains(NfcName, dossier.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/dossiers?q=a%00b", "q")]
    [InlineData("/api/v1/dossiers?q=a%01b", "q")]
    [InlineData("/api/v1/units/K8%01/departments", "code")]
    [InlineData("/api/v1/users/root%7F", "userName")]
    public async Task Query_and_route_values_with_control_characters_or_undefined_enums_are_refused(string url, string field)
    {
        var root = await SeedAsync();

        var response = await root.GetAsync(url);

        await AssertRefusedAsync(response, field, url);
    }

    [Fact]
    public async Task Over_long_query_and_route_values_are_refused()
    {
        var root = await SeedAsync();

        await AssertRefusedAsync(await root.GetAsync("/api/v1/dossiers?q=" + new string('a', 257)), "q", "q");
        await AssertRefusedAsync(await root.GetAsync("/api/v1/dossiers/" + new string('K', 300)), "code", "code");
    }

    [Fact]
    public async Task A_refusal_names_the_field_in_vietnamese_and_english_and_nothing_is_written()
    {
        var root = await SeedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
        {
            Content = new StringContent("""{"userName":"nul.user","fullName":"A\u0000B","roles":["Specialist"],"password":"Passw0rdLong"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-GB");

        var english = await root.SendAsync(request);
        var vietnamese = await root.PostAsync("/api/v1/users", new StringContent("""{"userName":"nul.user","userName":"nul.user2","fullName":"A"}""", Encoding.UTF8, "application/json"));
        var enumNumber = await root.PostAsync("/api/v1/dossiers", new StringContent("""{"unitCode":"K8","procedureCode":"2.000908","channel":7,"applicant":{"name":"A"}}""", Encoding.UTF8, "application/json"));

        var problem = await AssertRefusedAsync(english, "fullName", "users");
        Assert.Equal("The text contains a control character, which is not allowed.", problem.GetProperty("errors").GetProperty("fullName")[0].GetString());
        Assert.Equal("Văn bản chứa ký tự điều khiển, không được phép.", problem.GetProperty("vi").GetString());
        var duplicate = await AssertRefusedAsync(vietnamese, "userName", "users");
        Assert.Equal("Trường này xuất hiện nhiều lần.", duplicate.GetProperty("errors").GetProperty("userName")[0].GetString());
        await AssertRefusedAsync(enumNumber, "channel", "dossiers");
        Assert.Equal(HttpStatusCode.NotFound, (await root.GetAsync("/api/v1/users/nul.user")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await root.GetAsync("/api/v1/users/nul.user2")).StatusCode);
    }

    [Fact]
    public async Task Every_text_of_every_request_body_in_the_openapi_document_is_checked_at_the_edge()
    {
        var root = await SeedAsync();
        var document = JsonNode.Parse(await host.Client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var failures = new List<string>();
        var operations = 0;
        var mutations = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var schema = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                if (schema is null)
                {
                    continue;
                }

                operations++;
                var url = Url(path, operation);
                var fields = new List<Field>();
                var body = Build(schema, schemas, string.Empty, fields, depth: 0);
                foreach (var field in fields)
                {
                    foreach (var (kind, value) in Mutations(field))
                    {
                        mutations++;
                        var mutated = Mutate(body, field.Path, value);
                        var (status, text) = await SendAsync(root, method.ToUpperInvariant(), url, mutated.ToJsonString());
                        var what = $"{method.ToUpperInvariant()} {url} {field.Path} {kind} → {status} {Shorten(text)}";
                        if (status >= 500)
                        {
                            failures.Add(what);
                        }
                        else if (kind is "too long" or "NUL" or "undefined enum number" && !Refused(status, text, field.ErrorKey) && !SharedSchemaName(url, field.Path) && !RateLimited(status, url))
                        {
                            failures.Add(what);
                        }
                    }
                }
            }
        }

        Assert.True(operations >= 35, $"Only {operations} operations with a JSON body found.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {mutations} mutations failed:\n" + string.Join("\n", failures));
    }

    private sealed record Field(string Path, string ErrorKey, string Type, int? MaxLength);

    private static IEnumerable<(string Kind, JsonNode? Value)> Mutations(Field field)
    {
        if (field.Type == "enum")
        {
            yield return ("undefined enum number", JsonValue.Create(7));
            yield break;
        }

        yield return ("NUL", JsonValue.Create("a\u0000b"));
        yield return ("NFD", JsonValue.Create(NfdName.Length <= (field.MaxLength ?? 100) ? NfdName : "a\u0300"));
        yield return ("too long", JsonValue.Create(new string('a', (field.MaxLength ?? 4000) + 1)));
        if (field.MaxLength is { } max and <= 10_000)
        {
            // At the limit the column must take it (PostgreSQL refuses an over-long varchar).
            yield return ("at the maximum length", JsonValue.Create(new string('ă', max)));
        }
    }

    private static async Task<(int Status, string Text)> SendAsync(HttpClient signedIn, string method, string url, string json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var response = await signedIn.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The public endpoints allow 30 requests a minute per client address: once the limit is reached they answer
    /// 429 before reading the body, which also writes nothing. Their request records are shared with the officers'
    /// endpoints (a dossier's submission) or covered by the unit tests of the converter.
    /// </summary>
    private static bool RateLimited(int status, string url) => status == 429 && url.StartsWith("/api/v1/public/", StringComparison.Ordinal);

    /// <summary>
    /// The indexes' and the plans' targets are both records named <c>TargetInput</c>; the OpenAPI document shows
    /// one schema for both, so the plans' endpoint is sent the indexes' <c>note</c>, which it does not have.
    /// </summary>
    private static bool SharedSchemaName(string url, string path) => url == "/api/v1/plans/targets" && path == "note";

    private static bool Refused(int status, string text, string key)
    {
        if (status != (int)HttpStatusCode.BadRequest)
        {
            return false;
        }

        using var problem = JsonDocument.Parse(text);
        return problem.RootElement.TryGetProperty("field", out var field) && field.GetString() is { } named
            && (named == key || named.StartsWith(key + "[", StringComparison.Ordinal))
            && problem.RootElement.TryGetProperty("vi", out _) && problem.RootElement.TryGetProperty("en", out _);
    }

    /// <summary>A body of the schema's shape: every property present, each list with one item.</summary>
    private static JsonNode? Build(JsonNode schema, JsonObject schemas, string path, List<Field> fields, int depth)
    {
        if (schema["$ref"] is { } reference)
        {
            return Build(schemas[reference.GetValue<string>().Split('/')[^1]]!, schemas, path, fields, depth + 1);
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var chosen = oneOf.FirstOrDefault(s => s!["$ref"] is not null) ?? oneOf[^1]!;
            return Build(chosen, schemas, path, fields, depth);
        }

        if (schema["enum"] is JsonArray values)
        {
            fields.Add(new Field(path, ErrorKey(path), "enum", null));
            return JsonValue.Create(values.Select(v => v!.GetValue<string>()).First(v => v is not null));
        }

        var type = Types(schema);
        if (type.Contains("object") && depth < 8)
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            {
                result[name] = Build(property!, schemas, path.Length == 0 ? name : $"{path}.{name}", fields, depth + 1);
            }

            return result;
        }

        if (type.Contains("array"))
        {
            var items = schema["items"];
            return items is null ? new JsonArray() : new JsonArray(Build(items, schemas, $"{path}[0]", fields, depth + 1));
        }

        if (type.Contains("string"))
        {
            switch (schema["format"]?.GetValue<string>())
            {
                case "date":
                    return JsonValue.Create("2025-07-15");
                case "date-time":
                    return JsonValue.Create("2025-07-15T09:00:00+07:00");
                case "uuid":
                    return JsonValue.Create(Guid.Empty);
                case null:
                    fields.Add(new Field(path, ErrorKey(path), "string", schema["maxLength"]?.GetValue<int>()));
                    return JsonValue.Create("a");
                default:
                    return JsonValue.Create("1");
            }
        }

        if (type.Contains("integer") || type.Contains("number"))
        {
            return JsonValue.Create(1);
        }

        if (type.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }

        return new JsonObject();
    }

    /// <summary>A list of texts is checked as one value: its refusal names the list.</summary>
    private static string ErrorKey(string path) => path.EndsWith("[0]", StringComparison.Ordinal) && !path.Contains('.', StringComparison.Ordinal) && path.Length > 3 ? path[..^3] : path;

    private static HashSet<string> Types(JsonNode schema) =>
        schema["type"] switch
        {
            JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
            JsonValue one => [one.GetValue<string>()],
            _ => schema["properties"] is not null ? ["object"] : [],
        };

    private static JsonNode Mutate(JsonNode? body, string path, JsonNode? value)
    {
        var copy = body?.DeepClone() ?? new JsonObject();
        var segments = path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        JsonNode parent = copy;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            parent = Step(parent, segments[i])!;
        }

        var last = segments[^1];
        if (last.StartsWith('['))
        {
            parent.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent.AsObject()[last] = value;
        }

        return copy;
    }

    private static JsonNode? Step(JsonNode node, string segment) =>
        segment.StartsWith('[') ? node.AsArray()[int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture)] : node[segment];

    private static string Url(string path, JsonNode operation)
    {
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            if (parameter!["in"]?.GetValue<string>() != "path")
            {
                continue;
            }

            var name = parameter["name"]!.GetValue<string>();
            var format = parameter["schema"]?["format"]?.GetValue<string>();
            var value = format == "uuid" ? Guid.NewGuid().ToString() : Types(parameter["schema"] ?? new JsonObject()).Contains("integer") ? "1" : name switch
            {
                "code" or "unitCode" => "K8",
                "userName" => "root.input",
                "action" => "receive",
                _ => "x",
            };
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response, string field, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{what}: {text}");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        return problem;
    }
}

public sealed class InputRulesOnSqlite(SqliteHost host) : InputRulesTests<SqliteHost>(host);

public sealed class InputRulesOnPostgres(PostgresHost host) : InputRulesTests<PostgresHost>(host);
