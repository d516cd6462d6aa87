using Motcua.Audit.Contracts;

namespace Motcua.Audit;

/// <summary>
/// Audits, in one place, the requests that read personal data or move data in or out: a dossier's details
/// (page and API), its files and forms, every export (any file an endpoint or page sends back) and every
/// import (any endpoint or page handler named import). The endpoints themselves stay unaware of it, and a
/// new export or import is audited without anyone remembering to. Written right after the response
/// (ADR 0016): a view that the audit cannot record is still served, and the lost entry is an error log.
/// </summary>
internal sealed class AuditedRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAuditTrail audit)
    {
        await next(context);
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern;
        if (pattern is null)
        {
            return;
        }

        var record = Classify(
            context.Request.Method, pattern.RawText ?? string.Empty, context.Request.RouteValues.GetValueOrDefault("handler") as string
                ?? context.Request.Query["handler"].ToString(),
            context.Response.StatusCode, context.Response.ContentType, context.Request.RouteValues,
            context.Request.Path + context.Request.QueryString);
        if (record is not null)
        {
            await audit.RecordAsync(record, context.RequestAborted.IsCancellationRequested ? CancellationToken.None : context.RequestAborted);
        }
    }

    private static readonly string[] FileTypes =
    [
        "application/vnd.openxmlformats-officedocument", "application/pdf", "text/csv", "application/octet-stream", "application/zip",
        "application/vnd.ms-excel", "application/msword",
    ];

    /// <summary>What a finished request did that the audit must record, or null. Pure, for the tests.</summary>
    public static AuditRecord? Classify(
        string method, string routePattern, string? handler, int status, string? contentType, IReadOnlyDictionary<string, object?> routeValues, string target)
    {
        // Page routes are written without the leading slash ("dossiers/{code}"), endpoint routes with it.
        var pattern = "/" + routePattern.Trim('/');
        var succeeded = status is >= 200 and < 300;
        var code = routeValues.GetValueOrDefault("code")?.ToString();
        if (HttpMethods.IsGet(method) && succeeded)
        {
            switch (pattern)
            {
                case "/api/v1/dossiers/{code}":
                case "/dossiers/{code}" when string.IsNullOrEmpty(handler):
                    return new AuditRecord(AuditActions.DossierView, "dossier", code);
                case "/api/v1/dossiers/{code}/files/{id:guid}":
                    return new AuditRecord(AuditActions.DossierFileDownload, "dossier", code, "file " + routeValues.GetValueOrDefault("id")?.ToString());
                case "/api/v1/dossiers/{code}/forms/{form}":
                    return new AuditRecord(AuditActions.DossierFormDownload, "dossier", code, "form " + routeValues.GetValueOrDefault("form")?.ToString());
            }

            if (contentType is not null && FileTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            {
                return new AuditRecord(AuditActions.Export, "request", target, contentType);
            }
        }

        // An import is audited whatever its outcome: a rejected file was still an attempt to change the data.
        var isImport = pattern.EndsWith("/import", StringComparison.OrdinalIgnoreCase) || string.Equals(handler, "Import", StringComparison.OrdinalIgnoreCase);
        if (HttpMethods.IsPost(method) && isImport && status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden))
        {
            return new AuditRecord(AuditActions.Import, "request", target, "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return null;
    }
}
