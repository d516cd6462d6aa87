using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Motcua.Access.Contracts;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;
using Motcua.Payments;
using Motcua.Payments.Data;
using Motcua.Payments.Providers;

namespace Motcua.IntegrationTests;

/// <summary>
/// Online fee payment through the local test provider, over HTTP as the browser and the gateway would
/// call it: the amount comes from the dossier, the result is verified, applied once, and recorded on the
/// dossier once however often (and however concurrently) the gateway calls back; on both databases.
/// </summary>
public abstract class OnlinePaymentTests<THost>(THost host) : IClassFixture<THost>
    where THost : TestHost
{
    private const string Password = "Passw0rdLong";
    private const long Fee = 75_000;

    private const string Catalogue = """
        code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,publishedOn,variantCode,variantName,processingTime,timeUnit,fee,feeNote,documentName,originals,copies,formTemplate
        2.001234,Cấp giấy phép xây dựng nhà ở riêng lẻ,Hoạt động xây dựng,commune,Luật Xây dựng 2014,partial,yes,yes,2025-07-01,01,Cấp mới,15,calendarDays,75000,,Đơn đề nghị cấp giấy phép,1,0,Mẫu số 01
        """;

    [Fact]
    public async Task A_citizen_pays_the_fee_online_and_a_repeated_callback_changes_nothing()
    {
        var desk = await DeskAsync();
        var (code, secret) = await ReceivedDossierAsync(desk);

        // Wrong secret: the same answer as an unknown dossier.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.PostAsync($"/api/v1/public/dossiers/{code}/payments?secret=WRONG234", null)).StatusCode);

        // The citizen starts paying and is sent to the test gateway, which shows the amount due.
        var (paymentId, redirectUrl) = await StartAsync(code, secret);
        var gateway = await host.Client.GetAsync(redirectUrl);
        Assert.Equal(HttpStatusCode.OK, gateway.StatusCode);
        var page = await gateway.Content.ReadAsStringAsync();
        Assert.Contains("75.000", page, StringComparison.Ordinal);
        Assert.Contains("test-gateway-warning", page, StringComparison.Ordinal);

        // The result, signed exactly as the gateway page signs it; a tampered one is refused and changes nothing.
        var callback = CallbackUrl(paymentId, Fee, PaymentOutcome.Paid, "TEST-PAID-1");
        var tampered = await host.Client.GetAsync(callback.Replace("amount=75000", "amount=1", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(0, (await DossierAsync(desk, code)).GetProperty("feePaid").GetInt64());
        Assert.Equal(PaymentStatus.Pending, (await PaymentAsync(paymentId)).Status);

        // Paid: the browser goes back to the lookup; the second identical callback is a no-op with the same answer.
        var first = await host.Client.GetAsync(callback);
        var second = await host.Client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal($"/tra-cuu?code={code}&secret={secret}", first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, second.Headers.Location);

        var dossier = await DossierAsync(desk, code);
        Assert.Equal(Fee, dossier.GetProperty("feePaid").GetInt64());
        var pays = dossier.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "pay").ToList();
        Assert.Single(pays);
        Assert.Equal($"payment:{paymentId:N}", pays[0].GetProperty("actor").GetString());
        var payment = await PaymentAsync(paymentId);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal("TEST-PAID-1", payment.ProviderTransactionId);
        Assert.NotNull(payment.CompletedAtUtc);

        // Nothing is due any more: the lookup shows none and a new payment is refused.
        var lookup = await host.Client.GetFromJsonAsync<JsonElement>($"/api/v1/public/dossiers/{code}?secret={secret}");
        Assert.Equal(0, lookup.GetProperty("feeDue").GetInt64());
        var again = await host.Client.PostAsync($"/api/v1/public/dossiers/{code}/payments?secret={secret}", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Concurrent_duplicate_callbacks_credit_the_dossier_once()
    {
        var desk = await DeskAsync();
        var (code, secret) = await ReceivedDossierAsync(desk);
        var (paymentId, _) = await StartAsync(code, secret);
        var callback = CallbackUrl(paymentId, Fee, PaymentOutcome.Paid, "TEST-RACE");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Client.GetAsync(callback)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var dossier = await DossierAsync(desk, code);
        Assert.Equal(Fee, dossier.GetProperty("feePaid").GetInt64());
        Assert.Single(dossier.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "pay");
        Assert.Equal(PaymentStatus.Paid, (await PaymentAsync(paymentId)).Status);
    }

    [Fact]
    public async Task A_cancelled_payment_leaves_the_fee_due_and_a_later_result_for_it_is_ignored()
    {
        var desk = await DeskAsync();
        var (code, secret) = await ReceivedDossierAsync(desk);
        var (paymentId, _) = await StartAsync(code, secret);

        var cancelled = await host.Client.GetAsync(CallbackUrl(paymentId, Fee, PaymentOutcome.Cancelled, "TEST-CANCEL"));
        var late = await host.Client.GetAsync(CallbackUrl(paymentId, Fee, PaymentOutcome.Paid, "TEST-LATE"));

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(PaymentStatus.Cancelled, (await PaymentAsync(paymentId)).Status);
        var dossier = await DossierAsync(desk, code);
        Assert.Equal(0, dossier.GetProperty("feePaid").GetInt64());
        Assert.DoesNotContain(dossier.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "pay");

        // The citizen can start again.
        var (retry, _) = await StartAsync(code, secret);
        Assert.NotEqual(paymentId, retry);
    }

    [Fact]
    public async Task Callbacks_for_unknown_providers_or_payments_are_refused()
    {
        var unknownProvider = await host.Client.GetAsync("/api/v1/payments/callback/vnpay?vnp_TxnRef=1");
        var unknownPayment = await host.Client.GetAsync(CallbackUrl(Guid.NewGuid(), Fee, PaymentOutcome.Paid, "TEST-NONE"));
        var unsigned = await host.Client.GetAsync($"/api/v1/payments/callback/local-test?paymentId={Guid.NewGuid()}&amount=75000&status=paid&transactionId=X");

        Assert.Equal(HttpStatusCode.NotFound, unknownProvider.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownPayment.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
    }

    private string CallbackUrl(Guid paymentId, long amount, PaymentOutcome outcome, string transactionId) =>
        LocalTestProvider.BuildCallbackUrl(host.App.Services.GetRequiredService<LocalTestProvider>().Secret, paymentId, amount, outcome, transactionId);

    private async Task<(Guid PaymentId, string RedirectUrl)> StartAsync(string code, string secret)
    {
        var response = await host.Client.PostAsync($"/api/v1/public/dossiers/{code}/payments?secret={secret}", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        var paymentId = body.GetProperty("paymentId").GetGuid();
        var redirectUrl = body.GetProperty("redirectUrl").GetString()!;
        Assert.Equal($"/thanh-toan-thu/{paymentId:D}", redirectUrl);
        Assert.Equal(Fee, (await PaymentAsync(paymentId)).Amount);
        return (paymentId, redirectUrl);
    }

    private Task<Payment> PaymentAsync(Guid id) =>
        host.WithServiceAsync<PaymentsDbContext, Payment>(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == id));

    private static async Task<JsonElement> DossierAsync(HttpClient desk, string code) =>
        await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");

    private static async Task<(string Code, string Secret)> ReceivedDossierAsync(HttpClient desk)
    {
        var created = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "2.001234",
            applicant = new { name = "Hoàng Văn Thái", phone = "0987654321" },
            documents = new[] { new { name = "Đơn đề nghị cấp giấy phép", provided = true } },
            receive = true,
        });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("received", body.GetProperty("status").GetString());
        Assert.Equal(Fee, body.GetProperty("fee").GetInt64());
        return (body.GetProperty("code").GetString()!, body.GetProperty("secret").GetString()!);
    }

    /// <summary>A commune handling a procedure with a fee, and its one-stop desk; seeded once per database (the tests of a class run one after another).</summary>
    private async Task<HttpClient> DeskAsync()
    {
        if (await host.WithServiceAsync<IUnitDirectory, UnitSummary?>(d => d.FindByCodeAsync("T51")) is null)
        {
            await host.WithServiceAsync<UnitAdministration, object>(async units =>
            {
                await units.CreateAsync(new NewUnit("T5", "Tỉnh Thanh Toán Thử", UnitKind.Province, null, new DateOnly(2000, 1, 1)));
                await units.CreateAsync(new NewUnit("T51", "Xã Tân Phú", UnitKind.Commune, "T5", new DateOnly(2025, 7, 1)));
                return new object();
            });
            await host.CreateUserAsync("root.pay", Password, null, Roles.SystemAdmin);
            await host.CreateUserAsync("desk.t51", Password, "T51", Roles.ReceivingOfficer);
            var root = await host.SignedInClientAsync("root.pay", Password);
            var import = await root.PostAsync("/api/v1/procedures/import", new MultipartFormDataContent
            {
                { new StringContent(Catalogue.Replace("\n        ", "\n", StringComparison.Ordinal), System.Text.Encoding.UTF8, "text/csv"), "file", "catalogue.csv" },
            });
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
            var assign = await root.PutAsJsonAsync("/api/v1/units/T51/procedures", new[] { new { procedureCode = "2.001234", departmentCode = "PKT" } });
            Assert.True(assign.IsSuccessStatusCode, await assign.Content.ReadAsStringAsync());
        }

        return await host.SignedInClientAsync("desk.t51", Password);
    }
}

public sealed class OnlinePaymentOnSqlite(SqliteHost host) : OnlinePaymentTests<SqliteHost>(host);

public sealed class OnlinePaymentOnPostgres(PostgresHost host) : OnlinePaymentTests<PostgresHost>(host);
