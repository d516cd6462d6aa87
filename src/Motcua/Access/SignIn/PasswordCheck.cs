using Microsoft.AspNetCore.Identity;

namespace Motcua.Access.SignIn;

internal enum PasswordCheckOutcome
{
    Succeeded,
    Failed,
    Throttled,
}

internal sealed record PasswordCheckResult(PasswordCheckOutcome Outcome, MotcuaUser? User = null, TimeSpan RetryAfter = default);

/// <summary>
/// The password step shared by the sign-in form and the token endpoint: throttled first, then one password
/// hash whatever the user name, so an unknown user, a disabled user and a wrong password get the same answer
/// in the same time. Failures feed the throttle's progressive delays, never an account lock-out.
/// </summary>
internal sealed class PasswordCheck(UserManager<MotcuaUser> users, SignInThrottle throttle, IHttpContextAccessor http)
{
    private static readonly MotcuaUser DummyUser = new() { UserName = "-" };
    private static string? _dummyHash;

    public async Task<PasswordCheckResult> CheckAsync(string userName, string password)
    {
        var name = userName.Trim();
        if (throttle.Admit(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), name) is { } wait)
        {
            return new PasswordCheckResult(PasswordCheckOutcome.Throttled, RetryAfter: wait);
        }

        var user = await users.FindByNameAsync(name);
        bool valid;
        if (user is null || user.IsDisabled || user.PasswordHash is null)
        {
            // Spend the time a real check takes, and refuse.
            _dummyHash ??= users.PasswordHasher.HashPassword(DummyUser, Guid.NewGuid().ToString("N"));
            users.PasswordHasher.VerifyHashedPassword(DummyUser, _dummyHash, password);
            valid = false;
        }
        else
        {
            valid = await users.CheckPasswordAsync(user, password) && !await users.IsLockedOutAsync(user);
        }

        if (!valid)
        {
            throttle.RecordFailure(name);
            return new PasswordCheckResult(PasswordCheckOutcome.Failed);
        }

        throttle.RecordSuccess(name);
        return new PasswordCheckResult(PasswordCheckOutcome.Succeeded, user);
    }

    /// <summary>A wrong authenticator code after a right password counts like a wrong password.</summary>
    public void RecordFailure(string userName) => throttle.RecordFailure(userName);
}
