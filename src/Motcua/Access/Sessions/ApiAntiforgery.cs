using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;

namespace Motcua.Access.Sessions;

/// <summary>
/// A browser sends the sign-in cookie with any request, including one another site makes it send; so an
/// unsafe API request (POST, PUT, PATCH, DELETE, multipart uploads and imports included) authenticated by the
/// cookie must carry the antiforgery token in the <c>RequestVerificationToken</c> header. Bearer-token
/// requests cannot be forged that way and need none. Endpoints that disable the framework's form check for
/// bearer clients are covered here too, because this check looks at how the caller signed in.
/// </summary>
internal sealed class ApiAntiforgery(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery, IStringLocalizer<SharedResource> localizer)
    {
        if (RequiresToken(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = localizer["The request verification token is missing or invalid."],
                Detail = localizer["Reload the page and try again."],
            };
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken: context.RequestAborted);
            return;
        }

        await next(context);
    }

    internal static bool RequiresToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        && !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method)
        && context.User.Identity?.IsAuthenticated == true
        && !AccessModule.IsBearerRequest(context.Request);
}
