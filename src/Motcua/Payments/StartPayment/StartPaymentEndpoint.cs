using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Payments.StartPayment;

internal sealed record StartPaymentResponse(Guid PaymentId, string RedirectUrl);

/// <summary>The applicant starts paying the fee still due, with the dossier's code and lookup secret (no account).</summary>
internal static class StartPaymentEndpoint
{
    public static void MapStartPayment(this IEndpointRouteBuilder api)
    {
        api.MapPost("/public/dossiers/{code}/payments", StartAsync).AllowAnonymous().RequireRateLimiting(PaymentsModule.RateLimitPolicy).DisableAntiforgery()
            .WithName("StartPayment")
            .WithSummary("Starts paying the fee still due on a dossier (code and secret); the amount comes from the dossier. Send the payer to redirectUrl.");
    }

    private static async Task<Results<Ok<StartPaymentResponse>, NotFound, ValidationProblem>> StartAsync(
        string code, string? secret, PaymentService payments, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var started = await payments.StartAsync(code, secret, cancellationToken);
        return TypedResults.Ok(new StartPaymentResponse(started.PaymentId, started.RedirectUrl));
    }
}
