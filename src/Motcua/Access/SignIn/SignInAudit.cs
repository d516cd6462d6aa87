using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Motcua.Access.IssueToken;
using Motcua.Audit.Contracts;

namespace Motcua.Access.SignIn;

/// <summary>
/// Audits sign-ins, successful and failed, with the user name that was tried (ADR 0016). Kept apart from the
/// sign-in code so that each sign-in path needs one call (pages) or one filter (the token endpoint).
/// </summary>
internal static class SignInAudit
{
    /// <summary>Records the outcome of a password or two-factor step; a password step that asks for the second factor records nothing yet.</summary>
    public static async Task RecordAsync(HttpContext context, string? userName, Microsoft.AspNetCore.Identity.SignInResult result, string method)
    {
        if (result.RequiresTwoFactor)
        {
            return;
        }

        var detail = result.Succeeded ? method
            : result.IsLockedOut ? method + ": locked out"
            : result.IsNotAllowed ? method + ": not allowed (disabled)"
            : method + ": wrong user name, password or code";
        await RecordAsync(context, userName, result.Succeeded, detail);
    }

    public static async Task RecordAsync(HttpContext context, string? userName, bool succeeded, string detail)
    {
        var name = string.IsNullOrWhiteSpace(userName) ? "(none)" : userName.Trim();
        var user = string.IsNullOrWhiteSpace(userName) ? null : await context.RequestServices.GetRequiredService<UserManager<MotcuaUser>>().FindByNameAsync(name);
        await context.RequestServices.GetRequiredService<IAuditTrail>().RecordAsync(
            new AuditRecord(succeeded ? AuditActions.SignInSucceeded : AuditActions.SignInFailed, "user", name, detail) { ActorId = user?.Id, ActorName = name });
    }

    /// <summary>The token endpoint's filter: a token issued is a successful sign-in, any refusal a failed one.</summary>
    public static async ValueTask<object?> AuditTokenRequest(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var request = context.Arguments.OfType<TokenRequest>().FirstOrDefault();
        var outcome = result is INestedHttpResult nested ? nested.Result : result;
        var succeeded = outcome is Ok<TokenResponse>;
        var status = (outcome as IStatusCodeHttpResult)?.StatusCode;
        await RecordAsync(context.HttpContext, request?.Username, succeeded, succeeded ? "token" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"token: HTTP {status}"));
        return result;
    }
}
