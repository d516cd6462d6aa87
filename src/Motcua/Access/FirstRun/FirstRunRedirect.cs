namespace Motcua.Access.FirstRun;

/// <summary>
/// Until the first system administrator exists, every page leads to the first-run page, which is the
/// only way in besides <c>motcua admin create</c>. The API, health and static files are unaffected.
/// </summary>
internal sealed class FirstRunRedirect(RequestDelegate next, SetupState setup)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isPage = HttpMethods.IsGet(context.Request.Method)
            && !path.StartsWithSegments("/setup")
            && !path.StartsWithSegments("/api")
            && !path.StartsWithSegments("/health")
            && !path.StartsWithSegments("/openapi")
            && !path.StartsWithSegments("/scalar")
            && !path.StartsWithSegments("/metrics")
            && !path.StartsWithSegments("/lib")
            && !path.StartsWithSegments("/css")
            && !path.StartsWithSegments("/js")
            && !path.StartsWithSegments("/error");
        if (isPage && !await setup.HasAdministratorAsync(context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }

        await next(context);
    }
}
