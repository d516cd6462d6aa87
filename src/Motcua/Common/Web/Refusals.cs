using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;

namespace Motcua.Common.Web;

/// <summary>
/// How a refusal is answered: its status, the messages to show beside their fields (empty field: the top
/// of the form) in the caller's language, and the API's problem details. See ADR 0015.
/// </summary>
internal sealed record Refusal(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Errors, IResult Result);

/// <summary>
/// An area's own refusal types (e.g. a dossier's state conflict), which <c>Common</c> cannot name:
/// the area registers a mapping and the one filter uses it. Returns null for exceptions it does not know.
/// </summary>
internal interface IRefusalMapping
{
    Refusal? Map(Exception exception, IStringLocalizer localizer);
}

/// <summary>A page whose form is shown again after a refusal loads what it shows (lists, the entity) here.</summary>
internal interface IReloadsOnRefusal
{
    Task ReloadAsync();
}

/// <summary>The one place that turns a refused rule, a forbidden action or something out of sight into an answer.</summary>
internal sealed class Refusals(IEnumerable<IRefusalMapping> mappings, IStringLocalizer<SharedResource> localizer)
{
    public Refusal? Map(Exception exception)
    {
        switch (exception)
        {
            case DomainException refused:
                return new Refusal(StatusCodes.Status400BadRequest, [new(refused.Field ?? string.Empty, refused.Localize(localizer))], refused.ToProblem(localizer));
            case ImportRejectedException rejected:
                return new Refusal(
                    StatusCodes.Status400BadRequest,
                    [new(string.Empty, localizer["The file was rejected; nothing was imported."]), .. rejected.Errors.Select(e => new KeyValuePair<string, string>("file", e))],
                    rejected.ToProblem(localizer));
            case NotFoundException:
                return new Refusal(StatusCodes.Status404NotFound, [], TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: localizer["Not found"]));
            case ForbiddenException forbidden:
                // A rule that names why (e.g. "Only a system administrator can …") says so; the bare default does not.
                var reason = Reason(forbidden);
                return new Refusal(
                    StatusCodes.Status403Forbidden,
                    reason is null ? [] : [new(string.Empty, reason)],
                    TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: localizer["Not allowed"], detail: reason));
            default:
                return mappings.Select(m => m.Map(exception, localizer)).FirstOrDefault(r => r is not null);
        }
    }

    /// <summary>The forbidden action's own reason in the caller's language, or null when it gives none.</summary>
    public string? Reason(ForbiddenException forbidden) =>
        forbidden.Message == new ForbiddenException().Message ? null : localizer[forbidden.Message].Value;
}

/// <summary>On the <c>/api/v1</c> group: a handler that throws a refusal answers with its problem details.</summary>
internal sealed class RefusalEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (context.HttpContext.RequestServices.GetRequiredService<Refusals>().Map(exception) is { } refusal)
        {
            return refusal.Result;
        }
    }
}

/// <summary>
/// For every Razor page: a refused rule is shown beside its field and the page is shown again (reloaded
/// through <see cref="IReloadsOnRefusal"/>); something out of sight is the 404 page, a forbidden action the 403 page.
/// </summary>
internal sealed class RefusalPageFilter(Refusals refusals) : IAsyncPageFilter
{
    /// <summary>Where the error page finds the reason of a forbidden action.</summary>
    public const string ForbiddenReasonKey = "motcua.forbidden-reason";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || refusals.Map(executed.Exception) is not { } refusal)
        {
            return;
        }

        executed.ExceptionHandled = true;
        executed.Result = await AnswerAsync(refusal, executed.HandlerInstance as PageModel, executed.ModelState);
    }

    private async Task<IActionResult> AnswerAsync(Refusal refusal, PageModel? page, ModelStateDictionary modelState)
    {
        if (refusal.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden || page is null)
        {
            // The 403 page (re-executed in this same request) shows the reason the rule gave.
            if (page is not null && refusal.Errors.Count > 0)
            {
                page.HttpContext.Items[ForbiddenReasonKey] = refusal.Errors[0].Value;
            }

            return new StatusCodeResult(refusal.StatusCode);
        }

        AddErrors(refusal, page, modelState);

        // A refused GET is the page's own loading: show what it loaded. A refused POST shows the form again
        // with what the page shows beside it, loaded afresh.
        if (page is IReloadsOnRefusal reloading && !HttpMethods.IsGet(page.Request.Method))
        {
            try
            {
                await reloading.ReloadAsync();
            }
            catch (Exception exception) when (refusals.Map(exception) is { } failed)
            {
                if (failed.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden)
                {
                    return new StatusCodeResult(failed.StatusCode);
                }

                AddErrors(failed, page, modelState);
            }
        }

        return page.Page();
    }

    private static void AddErrors(Refusal refusal, PageModel page, ModelStateDictionary modelState)
    {
        var prefix = page is IRefusalFieldPrefix prefixed ? prefixed.FieldPrefix : null;
        foreach (var (field, message) in refusal.Errors)
        {
            modelState.AddModelError(field.Length == 0 || prefix is null ? field : $"{prefix}.{field}", message);
        }
    }
}

/// <summary>A page whose form fields are bound under a prefix (<c>Input.UserName</c>) puts refusals beside them.</summary>
internal interface IRefusalFieldPrefix
{
    string FieldPrefix { get; }
}
