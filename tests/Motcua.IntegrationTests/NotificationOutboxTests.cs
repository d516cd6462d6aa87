using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Notifications.Contracts;
using Motcua.Notifications.Dispatch;
using Motcua.Notifications.Sending;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;

namespace Motcua.IntegrationTests;

/// <summary>
/// The outbox end to end on both databases: enqueue through the contract, dispatch with a fake clock and
/// a scripted sender in place of the real ones, and the administrators' list and retry endpoints.
/// Each test leaves no message pending, so the counts a dispatch returns belong to the test that runs it.
/// </summary>
public abstract class NotificationOutboxTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";

    private FakeTimeProvider Clock => (FakeTimeProvider)host.App.Services.GetRequiredService<TimeProvider>();

    private SenderScript Sender => host.App.Services.GetRequiredService<SenderScript>();

    private async Task EnqueueAsync(Notification notification)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<INotifications>().EnqueueAsync(notification, CancellationToken.None);
    }

    private Task<DispatchResult> DispatchAsync() =>
        host.App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    private async Task<HttpClient> AdminAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("NT1")) is null)
        {
            await host.WithServiceAsync<UnitAdministration, object>(async units =>
            {
                await units.CreateAsync(new NewUnit("NT", "Tỉnh Thử Thông Báo", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("NT1", "Xã Nghĩa Thuận", UnitKind.Commune, "NT", new DateOnly(2025, 7, 1)));
                return new object();
            });
            await host.CreateUserAsync("notify.root", Password, null, Roles.SystemAdmin);
            await host.CreateUserAsync("notify.ua1", Password, "NT1", Roles.UnitAdmin);
            await host.CreateUserAsync("notify.desk1", Password, "NT1", Roles.ReceivingOfficer);
        }

        // Signed in after the test moved the clock: a token issued earlier may have expired on the fake clock.
        return await host.SignedInClientAsync("notify.root", Password);
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/notifications" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    [Fact]
    public void The_background_dispatcher_does_not_run_in_the_testing_environment() =>
        Assert.DoesNotContain(host.App.Services.GetServices<IHostedService>(), s => s is OutboxDispatcher);

    [Fact]
    public async Task A_message_that_fails_twice_is_retried_on_schedule_and_sent_exactly_once()
    {
        const string Reference = "NT1-260302-0001";
        await EnqueueAsync(new Notification("email", "nguyen.hoa@example.vn", "Hồ sơ NT1-260302-0001: yêu cầu bổ sung", "Kính gửi bà Nguyễn Thị Hoa, hồ sơ cần bổ sung bản vẽ.", Reference, $"dossier:{Reference}:supplement:email"));
        Sender.FailFirst(Reference, 2);

        var first = await DispatchAsync();
        var tooSoon = await DispatchAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await DispatchAsync();
        Clock.Advance(TimeSpan.FromMinutes(4));
        var stillWaiting = await DispatchAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await DispatchAsync();
        Clock.Advance(TimeSpan.FromDays(1));
        var afterwards = await DispatchAsync();

        Assert.Equal(new DispatchResult(0, 1, 0), first);
        Assert.Equal(DispatchResult.None, tooSoon);
        Assert.Equal(new DispatchResult(0, 1, 0), second);
        Assert.Equal(DispatchResult.None, stillWaiting);
        Assert.Equal(new DispatchResult(1, 0, 0), third);
        Assert.Equal(DispatchResult.None, afterwards);
        Assert.Equal(3, Sender.AttemptsFor(Reference));
        var sent = Assert.Single(Sender.Delivered, m => m.Reference == Reference);
        Assert.Equal("nguyen.hoa@example.vn", sent.Recipient);
        Assert.Equal("Kính gửi bà Nguyễn Thị Hoa, hồ sơ cần bổ sung bản vẽ.", sent.Body);

        var listed = Assert.Single(await ListAsync(await AdminAsync(), $"?reference={Reference}"));
        Assert.Equal("sent", listed.GetProperty("status").GetString());
        Assert.Equal(3, listed.GetProperty("attempts").GetInt32());
        Assert.Contains("scripted failure 2", listed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("sentAtUtc").ValueKind);
    }

    [Fact]
    public async Task An_enqueue_repeated_with_the_same_deduplication_key_adds_nothing()
    {
        const string Reference = "NT1-260302-0002";
        var key = $"dossier:{Reference}:result-ready:sms";

        await EnqueueAsync(new Notification("sms", "0912 345 678", string.Empty, "Hồ sơ NT1-260302-0002 đã có kết quả.", Reference, key));
        await EnqueueAsync(new Notification("sms", "0912345678", string.Empty, "Hồ sơ NT1-260302-0002 đã có kết quả.", Reference, key));
        await EnqueueAsync(new Notification("sms", "0912345678", string.Empty, "Lần gửi lại của cùng một sự kiện", Reference, key));
        await EnqueueAsync(new Notification("zalo", "0912345678", string.Empty, "Hồ sơ NT1-260302-0002 đã có kết quả.", Reference, key.Replace(":sms", ":zalo", StringComparison.Ordinal)));
        var queued = await ListAsync(await AdminAsync(), $"?reference={Reference}&status=pending");
        var dispatched = await DispatchAsync();

        Assert.Equal(["sms", "zalo"], queued.Select(m => m.GetProperty("channel").GetString()).Order());
        Assert.Equal("+84912345678", queued.Single(m => m.GetProperty("channel").GetString() == "sms").GetProperty("recipient").GetString());
        Assert.Equal(new DispatchResult(2, 0, 0), dispatched);
        Assert.Single(Sender.Delivered, m => m.Reference == Reference && m.Channel == "sms");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_and_nothing_is_queued()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            EnqueueAsync(new Notification("sms", "02438123456", string.Empty, "Hồ sơ đã có kết quả.", "NT1-260302-0003", null)));
        var listed = await ListAsync(await AdminAsync(), "?reference=NT1-260302-0003");
        var badStatus = await (await AdminAsync()).GetAsync("/api/v1/notifications?status=lost");

        Assert.Equal("recipient", refused.Field);
        Assert.Empty(listed);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("status", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_ends_failed_and_an_administrator_queues_it_again()
    {
        const string Reference = "NT1-260302-0004";
        await AdminAsync();
        var unit = (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("NT1")))!.Id;
        Sender.Break(Reference);
        await EnqueueAsync(new Notification("zalo", "+84 386 123 456", string.Empty, "Thư xin lỗi về việc trễ hẹn hồ sơ NT1-260302-0004.", Reference, $"dossier:{Reference}:apology:zalo", unit));
        await EnqueueAsync(new Notification("email", "other@example.vn", "Không thuộc đơn vị", "Tin không gắn đơn vị.", "NT-NO-UNIT", "no-unit"));

        var rounds = new List<DispatchResult>();
        for (var round = 0; round < 8; round++)
        {
            rounds.Add(await DispatchAsync());
            Clock.Advance(TimeSpan.FromHours(4));
        }

        var admin = await AdminAsync();
        var failed = Assert.Single(await ListAsync(admin, $"?status=failed&reference={Reference}"));
        var id = failed.GetProperty("id").GetString();
        var unitAdmin = await host.SignedInClientAsync("notify.ua1", Password);
        var desk = await host.SignedInClientAsync("notify.desk1", Password);
        var seenByUnitAdmin = await ListAsync(unitAdmin, string.Empty);
        var deskList = await desk.GetAsync("/api/v1/notifications");
        var anonymous = await host.Client.GetAsync("/api/v1/notifications");

        var retried = await unitAdmin.PostAsync($"/api/v1/notifications/{id}/retry", null);
        var retriedTwice = await admin.PostAsync($"/api/v1/notifications/{id}/retry", null);
        var unknown = await admin.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/retry", null);
        Sender.Repair(Reference);
        var delivered = await DispatchAsync();
        var after = Assert.Single(await ListAsync(admin, $"?reference={Reference}"));

        Assert.Equal(new DispatchResult(1, 1, 0), rounds[0]);   // the message without a unit goes out at once
        Assert.All(rounds.Skip(1).Take(6), r => Assert.Equal(new DispatchResult(0, 1, 0), r));
        Assert.Equal(new DispatchResult(0, 0, 1), rounds[7]);
        Assert.Equal(8, failed.GetProperty("attempts").GetInt32());
        Assert.Contains("scripted failure 8", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("+84386123456", failed.GetProperty("recipient").GetString());
        Assert.Equal([Reference], seenByUnitAdmin.Select(m => m.GetProperty("reference").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, deskList.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, retriedTwice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(new DispatchResult(1, 0, 0), delivered);
        Assert.Equal("sent", after.GetProperty("status").GetString());
        Assert.Equal(1, after.GetProperty("attempts").GetInt32());
        Assert.Single(Sender.Delivered, m => m.Reference == Reference);
    }
}

/// <summary>
/// The script the test senders follow, one per host: which references fail and how often, every attempt
/// counted and every delivered message recorded.
/// </summary>
internal sealed class SenderScript
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<OutgoingMessage> _delivered = new();

    public IEnumerable<OutgoingMessage> Delivered => _delivered;

    public void FailFirst(string reference, int times) => _failuresLeft[reference] = times;

    public void Break(string reference) => _failuresLeft[reference] = int.MaxValue;

    public void Repair(string reference) => _failuresLeft.TryRemove(reference, out _);

    public int AttemptsFor(string reference) => _attempts.GetValueOrDefault(reference);

    /// <summary>Puts a fake clock and scripted senders for every channel in place of the real ones.</summary>
    public static void Replace(IServiceCollection services)
    {
        var script = new SenderScript();
        services.AddSingleton(script);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow));
        foreach (var channel in NotificationChannels.All)
        {
            services.AddSingleton<INotificationSender>(new ScriptedSender(channel, script));
        }
    }

    public Task<string?> SendAsync(OutgoingMessage message)
    {
        var key = message.Reference ?? message.Id.ToString();
        var attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (_failuresLeft.TryGetValue(key, out var left) && left > 0)
        {
            _failuresLeft[key] = left == int.MaxValue ? left : left - 1;
            throw new IOException($"scripted failure {attempt}");
        }

        _delivered.Enqueue(message);
        return Task.FromResult<string?>(null);
    }
}

internal sealed class ScriptedSender(string channel, SenderScript script) : INotificationSender
{
    public string Channel => channel;

    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) => script.SendAsync(message);
}

public sealed class NotificationsSqliteHost : SqliteHost
{
    protected override void ReplaceServices(IServiceCollection services) => SenderScript.Replace(services);
}

public sealed class NotificationsPostgresHost : PostgresHost
{
    protected override void ReplaceServices(IServiceCollection services) => SenderScript.Replace(services);
}

public sealed class NotificationOutboxOnSqlite(NotificationsSqliteHost host) : NotificationOutboxTests<NotificationsSqliteHost>(host);

public sealed class NotificationOutboxOnPostgres(NotificationsPostgresHost host) : NotificationOutboxTests<NotificationsPostgresHost>(host);
