using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Motcua.Payments.Data;
using Motcua.Payments.Providers;

namespace Motcua.Payments.TestGateway;

/// <summary>
/// The local test provider's "gateway": shows the amount and lets the payer pay or cancel, then sends
/// them to the callback with a signed result, as a real gateway would. Exists only while the local test
/// provider is the configured one; public, like a gateway's payment page.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PaymentsModule.RateLimitPolicy)]
internal sealed class TestGatewayModel(PaymentsDbContext db, PaymentProviders providers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid PaymentId { get; set; }

    public Payment Payment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => Gateway() is not null && await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostPayAsync() => RespondAsync(PaymentOutcome.Paid);

    public Task<IActionResult> OnPostCancelAsync() => RespondAsync(PaymentOutcome.Cancelled);

    private async Task<IActionResult> RespondAsync(PaymentOutcome outcome)
    {
        if (Gateway() is not { } gateway || !await LoadAsync())
        {
            return NotFound();
        }

        // Like a real gateway: its own transaction number, and the result signed for the merchant to verify.
        var transactionId = "TEST-" + RandomNumberGenerator.GetHexString(12);
        return Redirect(gateway.CallbackUrl(Payment.Id, Payment.Amount, outcome, transactionId));
    }

    private LocalTestProvider? Gateway() => providers.Find(LocalTestProvider.ProviderName) as LocalTestProvider;

    private async Task<bool> LoadAsync()
    {
        var payment = await db.Payments.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == PaymentId && p.Provider == LocalTestProvider.ProviderName, HttpContext.RequestAborted);
        if (payment is null)
        {
            return false;
        }

        Payment = payment;
        return true;
    }
}
