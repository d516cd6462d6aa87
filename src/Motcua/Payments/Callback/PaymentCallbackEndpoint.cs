using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Payments.Callback;

/// <summary>
/// Where a provider sends the payer back with its signed result. The result is applied once (a repeated
/// callback changes nothing and answers the same), then the browser goes to the dossier lookup with a message.
/// </summary>
internal static class PaymentCallbackEndpoint
{
    public static void MapPaymentCallback(this IEndpointRouteBuilder api)
    {
        // Not rate limited: the gateway's retries must get through, and a forged callback costs one HMAC.
        api.MapGet("/payments/callback/{provider}", CallbackAsync).AllowAnonymous().DisableAntiforgery()
            .WithName("PaymentCallback")
            .WithSummary("A provider's signed result for a payment: applied once, then the payer is redirected to the dossier lookup. 400 when the signature does not verify.");
    }

    private static async Task<Results<RedirectHttpResult, NotFound, ValidationProblem>> CallbackAsync(
        string provider, HttpContext context, PaymentService payments, ITempDataDictionaryFactory tempData,
        IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var parameters = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        CallbackResult? result;
        result = await payments.CompleteAsync(provider, parameters, cancellationToken);

        if (result is null)
        {
            return ApiProblems.Invalid("signature", localizer["The payment result could not be verified; nothing was changed."]);
        }

        var messages = tempData.GetTempData(context);
        messages["Message"] = Notice(result, localizer);
        messages.Save();
        var payment = result.Payment;
        return TypedResults.Redirect($"/tra-cuu?code={Uri.EscapeDataString(payment.DossierCode)}&secret={Uri.EscapeDataString(payment.LookupSecret)}");
    }

    private static string Notice(CallbackResult result, IStringLocalizer localizer)
    {
        var amount = result.Payment.Amount.ToString("N0", Cultures.Vietnamese);
        return result.Notice switch
        {
            PaymentNotice.Paid => localizer["Your payment of {0} ₫ was received. Thank you.", amount],
            PaymentNotice.Cancelled => localizer["The payment was cancelled; nothing was charged."],
            PaymentNotice.PaidNotRecorded => localizer["Your payment of {0} ₫ was received but could not be recorded on the dossier; the one-stop desk will contact you to settle it.", amount],
            _ => localizer["The payment did not go through; nothing was charged. You can try again."],
        };
    }
}
