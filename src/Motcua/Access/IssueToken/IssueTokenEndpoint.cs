using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Motcua.Access.SignIn;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Access.IssueToken;

internal sealed record TokenRequest([MaxLength(256)] string? Username, [MaxLength(256)] string? Password, [MaxLength(20)] string? TwoFactorCode);

internal sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>
/// <c>POST /api/v1/auth/token</c>: exchanges a user name and password (and the authenticator code when
/// the user has enabled two-factor sign-in) for a bearer token. Failures count towards lockout.
/// </summary>
internal static class IssueTokenEndpoint
{
    public static void MapIssueToken(this IEndpointRouteBuilder api) =>
        api.MapPost("/auth/token", HandleAsync)
            .WithName("IssueToken")
            .WithSummary("Exchanges a user name and password for a bearer token.")
            .AddEndpointFilter(SignIn.SignInAudit.AuditTokenRequest)
            .AllowAnonymous();

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        TokenRequest request,
        UserManager<MotcuaUser> users,
        SignInManager<MotcuaUser> signIn,
        PasswordCheck passwords,
        HttpContext http,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider clock,
        IStringLocalizer<SharedResource> localizer)
    {
        if (string.IsNullOrWhiteSpace(request.Username))
        {
            return ApiProblems.Invalid("username", localizer["The user name is required."]);
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return ApiProblems.Invalid("password", localizer["The password is required."]);
        }

        var refused = TypedResults.Problem(localizer["The user name or password is incorrect."], statusCode: StatusCodes.Status401Unauthorized, title: localizer["Sign-in failed"]);
        var checkedPassword = await passwords.CheckAsync(request.Username, request.Password);
        if (checkedPassword.Outcome == PasswordCheckOutcome.Throttled)
        {
            var seconds = SignInThrottle.RetryAfterSeconds(checkedPassword.RetryAfter);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(localizer["Too many sign-in attempts. Try again in {0} seconds.", seconds], statusCode: StatusCodes.Status429TooManyRequests, title: localizer["Sign-in failed"]);
        }

        // An unknown user, a disabled user and a wrong password get the same answer.
        if (checkedPassword is not { Outcome: PasswordCheckOutcome.Succeeded, User: { } user })
        {
            return refused;
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
            {
                return ApiProblems.Invalid("twoFactorCode", localizer["This account uses two-factor sign-in: send the authenticator code as twoFactorCode."]);
            }

            var code = request.TwoFactorCode.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            {
                passwords.RecordFailure(request.Username);
                return refused;
            }
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var issuedAt = clock.GetUtcNow();
        var expiresAt = issuedAt + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = issuedAt, ExpiresUtc = expiresAt }, IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt));
    }
}
