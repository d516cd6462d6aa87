using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Common.Persistence;

namespace Motcua.Common.Web;

/// <summary>
/// What a caller gets when something goes wrong: API clients (a path under <c>/api</c>, or a request that
/// accepts JSON and not HTML) always get problem details, browsers the site's error page in its layout;
/// an unreachable database is 503 with <c>Retry-After</c>, not 500. See ADR 0015.
/// </summary>
internal static class ErrorResponses
{
    /// <summary>Seconds a client should wait before trying again while the database cannot be reached.</summary>
    public const int RetryAfterSeconds = 5;

    public static IServiceCollection AddErrorResponses(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable)
            {
                var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.ProblemDetails.Title = localizer["The service is briefly unavailable"];
                context.ProblemDetails.Detail = localizer["The database cannot be reached at the moment; try again in a few seconds."];
            }
        });

    /// <summary>Goes first in the pipeline: every later failure is answered here.</summary>
    public static void UseErrorResponses(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api =>
        {
            // Written here, not by running the pipeline again: an API client gets problem details even when
            // the failure would repeat.
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = StatusOf,
                ExceptionHandler = context => context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = context.Response.StatusCode },
                    Exception = context.Features.Get<IExceptionHandlerFeature>()?.Error,
                }).AsTask(),
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), site =>
        {
            site.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusOf });
            site.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        });
    }

    /// <summary>An API client: problem details, never an HTML page.</summary>
    public static bool IsApi(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return true;
        }

        var accept = context.Request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    // A request that could not be bound (a form posted as JSON, a malformed value: minimal APIs throw with
    // ThrowOnBadRequest, ADR 0020) is the client's mistake wherever it was sent, never a 500.
    private static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode
        : DatabaseErrors.IsUnavailable(exception) ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError;
}

internal static class DatabaseErrors
{
    /// <summary>The database could not be reached or dropped the connection (restart, network): worth trying again later.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// After PostgreSQL restarts, every idle pooled connection is dead, and the first request on each would fail.
/// On the first such failure the pools are cleared, and the request is run once more in a fresh scope when
/// that is safe: nothing of it was saved yet (<see cref="DatabaseWrites"/>) and nothing was sent.
/// Otherwise the failure stands and is answered with 503 and <c>Retry-After</c>.
/// </summary>
internal sealed class DatabaseRecovery(RequestDelegate next, IServiceScopeFactory scopes, ILogger<DatabaseRecovery> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var hasBody = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0;
        if (hasBody)
        {
            // A second run reads the body again.
            context.Request.EnableBuffering();
        }

        var writes = DatabaseWrites.Begin();
        try
        {
            await next(context);
            return;
        }
        catch (Exception exception) when (DatabaseErrors.IsUnavailable(exception))
        {
            PostgresConnections.ClearPools();
            if (writes.Written || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested || (hasBody && !context.Request.Body.CanSeek))
            {
                throw;
            }

            logger.LogWarning(exception, "The database connection failed before anything was saved; the request runs once more on a new connection");
        }

        context.Response.Clear();
        if (hasBody)
        {
            context.Request.Body.Position = 0;
        }

        DatabaseWrites.Begin();
        var original = context.RequestServices;
        await using var scope = scopes.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = original;
        }
    }
}
