using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>Reorganisations with successor links, calendar swaps and revocations, two-factor tokens; on both databases.</summary>
public abstract class ReorganisationAndSecurityTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private async Task SeedAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("P2")) is not null)
        {
            return;
        }

        await host.WithServiceAsync<UnitAdministration, object>(async units =>
        {
            await units.CreateAsync(new NewUnit("P2", "Tỉnh Sông Lam", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            foreach (var (code, name) in new[] { ("M1", "Xã Đông Sơn"), ("M2", "Xã Tây Sơn"), ("M3", "Xã Nam Sơn"), ("S1", "Xã Hợp Thành") })
            {
                await units.CreateAsync(new NewUnit(code, name, UnitKind.Commune, "P2", new DateOnly(2025, 7, 1)));
            }

            return new object();
        });
        await host.CreateUserAsync("root2", Password, null, Roles.SystemAdmin);
        await host.CreateUserAsync("admin.m1", Password, "M1", Roles.UnitAdmin);
    }

    [Fact]
    public async Task A_merger_ends_the_old_units_and_the_successor_sees_their_history()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root2", Password);

        var merged = await root.PostAsJsonAsync("/api/v1/units/merge", new
        {
            sourceCodes = new[] { "M1", "M2" },
            newUnit = new { code = "MX", name = "Xã Sơn Hà", kind = "commune", parentCode = "P2" },
            effectiveOn = "2026-01-01",
            legalBasis = "Nghị quyết 1656/NQ-UBTVQH15",
        });
        var again = await root.PostAsJsonAsync("/api/v1/units/merge", new { sourceCodes = new[] { "M1", "M3" }, continuingCode = "M3", effectiveOn = "2026-02-01" });
        await host.CreateUserAsync("admin.mx", Password, "MX", Roles.UnitAdmin);
        var successor = await host.SignedInClientAsync("admin.mx", Password);
        var seen = await successor.GetFromJsonAsync<JsonElement[]>("/api/v1/units");
        var m1 = await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("M1"));

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var created = await merged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("MX", created.GetProperty("code").GetString());
        Assert.Equal("2026-01-01", created.GetProperty("validFrom").GetString());
        Assert.Equal(new DateOnly(2025, 12, 31), m1!.ValidTo);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("M1", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("MX", seen!.Select(u => u.GetProperty("code").GetString()));
        Assert.Contains("M1", seen!.Select(u => u.GetProperty("code").GetString()));
        Assert.Contains("M2", seen!.Select(u => u.GetProperty("code").GetString()));
        Assert.DoesNotContain("M3", seen!.Select(u => u.GetProperty("code").GetString()));
        Assert.DoesNotContain("P2", seen!.Select(u => u.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_split_creates_the_parts_and_a_commune_administrator_may_not_split()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root2", Password);
        var commune = await host.SignedInClientAsync("admin.m1", Password);
        var request = new
        {
            sourceCode = "S1",
            parts = new[]
            {
                new { code = "S1A", name = "Xã Hợp Thành Bắc", kind = "commune", parentCode = "P2" },
                new { code = "S1B", name = "Phường Hợp Thành Nam", kind = "ward", parentCode = "P2" },
            },
            effectiveOn = "2026-07-01",
        };

        var refused = await commune.PostAsJsonAsync("/api/v1/units/split", request);
        var tooFew = await root.PostAsJsonAsync("/api/v1/units/split", new { sourceCode = "S1", parts = new[] { request.parts[0] }, effectiveOn = "2026-07-01" });
        var split = await root.PostAsJsonAsync("/api/v1/units/split", request);
        var s1 = await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("S1"));

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooFew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        Assert.Equal(["S1A", "S1B"], (await split.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(u => u.GetProperty("code").GetString()).Order());
        Assert.Equal(new DateOnly(2026, 6, 30), s1!.ValidTo);
    }

    [Fact]
    public async Task A_swapped_day_moves_the_deadline_and_revoking_it_restores_the_old_one()
    {
        await SeedAsync();
        var root = await host.SignedInClientAsync("root2", Password);
        const string Due = "/api/v1/calendar/due?from=2027-05-13T09:00:00&workingDays=1";
        var before = await host.Client.GetFromJsonAsync<JsonElement>(Due);

        // Friday 14/05/2027 off, worked on Saturday 22/05/2027 instead.
        var swap = await root.PostAsJsonAsync("/api/v1/calendar/swaps", new { dayOff = "2027-05-14", workingDay = "2027-05-22", name = "Hoán đổi ngày làm việc", legalBasis = "Thông báo 01/TB-BNV" });
        var notWeekend = await root.PostAsJsonAsync("/api/v1/calendar/swaps", new { dayOff = "2027-05-17", workingDay = "2027-05-18", name = "Sai" });
        var during = await host.Client.GetFromJsonAsync<JsonElement>(Due);
        var overrides = await root.GetFromJsonAsync<JsonElement[]>("/api/v1/calendar/overrides?year=2027");
        foreach (var entry in overrides!)
        {
            var revoke = await root.PostAsJsonAsync($"/api/v1/calendar/overrides/{entry.GetProperty("id").GetString()}/revoke", new { reason = "Thông báo đã được thay thế" });
            Assert.True(revoke.IsSuccessStatusCode, await revoke.Content.ReadAsStringAsync());
        }

        var after = await host.Client.GetFromJsonAsync<JsonElement>(Due);
        var revisions = await root.GetFromJsonAsync<JsonElement[]>("/api/v1/calendar/revisions");

        Assert.Equal("2027-05-14T09:00:00", before.GetProperty("dueAt").GetString());
        Assert.Equal(HttpStatusCode.Created, swap.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notWeekend.StatusCode);
        Assert.Equal("2027-05-17T09:00:00", during.GetProperty("dueAt").GetString());
        Assert.Equal(2, overrides!.Length);
        Assert.Equal("2027-05-14T09:00:00", after.GetProperty("dueAt").GetString());
        Assert.Contains(revisions!, r => r.GetProperty("action").GetString() == "SwapAdded");
        Assert.Equal(2, revisions!.Count(r => r.GetProperty("action").GetString() == "OverrideRevoked"));
    }

    [Fact]
    public async Task A_two_factor_account_gets_a_token_only_with_the_authenticator_code()
    {
        await SeedAsync();
        await host.CreateUserAsync("totp.m3", Password, "M3", Roles.Specialist);
        var key = await host.WithServiceAsync<UserManager<MotcuaUser>, string>(async users =>
        {
            var user = (await users.FindByNameAsync("totp.m3"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });

        var withoutCode = await host.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "totp.m3", password = Password });
        var wrongCode = await host.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "totp.m3", password = Password, twoFactorCode = "000000" == Totp(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        var rightCode = await host.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "totp.m3", password = Password, twoFactorCode = Totp(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.StatusCode);
        Assert.True((await withoutCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("twoFactorCode", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightCode.StatusCode);
        Assert.False(string.IsNullOrEmpty((await rightCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
    }

    /// <summary>RFC 6238 (HMAC-SHA1, 30-second steps, six digits), as authenticator apps compute it.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // SHA-1 is what RFC 6238 authenticator codes use.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}

public sealed class ReorganisationAndSecurityOnSqlite(SqliteHost host) : ReorganisationAndSecurityTests<SqliteHost>(host);

public sealed class ReorganisationAndSecurityOnPostgres(PostgresHost host) : ReorganisationAndSecurityTests<PostgresHost>(host);
