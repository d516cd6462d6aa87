using Microsoft.Net.Http.Headers;

namespace Motcua.Common.Web;

/// <summary>
/// The browser-side defences every response carries (docs/security/http.md, ADR 0021): a Content-Security-Policy
/// that runs only the site's own script files, no framing, no MIME sniffing, no referrer outside the site, and
/// no caching of anything an endpoint produced (pages and API answers carry personal data; static files stay
/// cacheable). Headers are written when the response starts, so they also cover error pages, redirects and
/// the antiforgery's <c>X-Frame-Options: SAMEORIGIN</c>, which they replace.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Scripts only from the site's files (no inline script, no eval: htmx runs with <c>allowEval: false</c>).
    /// Style attributes stay allowed (the plan board's bars and progress widths are computed per row) but
    /// <c>&lt;style&gt;</c> elements only from the site: browsers that know <c>style-src-elem</c>/<c>-attr</c> (CSP 3)
    /// use those, older ones fall back to <c>style-src</c>, which keeps the pages drawn correctly there too.
    /// <c>form-action 'self'</c> also covers redirects after a post: a real payment gateway's origin must be added.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; style-src-elem 'self'; style-src-attr 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Scalar API reference is a third-party single-page bundle that starts from an inline script, compiles code
    /// at run time (eval) and loads its fonts from its own CDN: it gets its own policy, scoped to <c>/scalar</c>,
    /// still framed by nobody, loading no plugins, connecting and posting only to the site.
    /// </summary>
    public const string ScalarPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data: https://fonts.scalar.com; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "same-origin";

    /// <summary>
    /// Public reference data, the same for everyone, that an API client or proxy may keep: the procedure list,
    /// the calendar's public answers, the OpenAPI document and the API reference.
    /// </summary>
    private static readonly PathString[] PublicData = ["/api/v1/procedures", "/api/v1/calendar", "/openapi", "/scalar"];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ScalarPolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = ReferrerPolicy;
            if (CarriesPersonalData(context))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers.Remove(HeaderNames.Expires);
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    /// <summary>
    /// Anything a signed-in user receives, and anything an endpoint (page or API) produced unless it is public
    /// reference data: the lookup, the online forms and their answers carry a citizen's data without a sign-in.
    /// Static files are served before routing, so they have no endpoint and stay cacheable.
    /// </summary>
    internal static bool CarriesPersonalData(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        if (context.GetEndpoint() is null)
        {
            return false;
        }

        // Only anonymous readers get here; under the fallback policy they can reach nothing but public endpoints
        // (the procedure export below /api/v1/procedures answers them 401 without data).
        var path = context.Request.Path;
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        return !(isRead && PublicData.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)));
    }
}

internal static class SecurityHeadersExtensions
{
    /// <summary>
    /// HSTS (outside Development; the middleware itself sends it on HTTPS requests only, never for localhost) and
    /// the headers above. Must come after forwarded headers are applied, so that HTTPS behind a proxy is seen.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
