using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Motcua.Access.Data;

namespace Motcua.Access.Sessions;

/// <summary>
/// The current security stamp of each user, held in memory for a few seconds. Every cookie and bearer
/// token carries the stamp it was issued with; disabling a user, changing their roles or unit, resetting
/// their password or two-factor sign-in changes the stamp, so every older session fails the comparison on
/// its next request. In steady state a request costs one memory-cache hit, no database round trip.
/// </summary>
internal sealed class SessionStamps(IMemoryCache cache, IServiceScopeFactory scopes, IOptions<AccessOptions> options, IOptions<IdentityOptions> identity)
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, options.Value.StampCacheSeconds));
    private readonly string _userIdClaim = identity.Value.ClaimsIdentity.UserIdClaimType;
    private readonly string _stampClaim = identity.Value.ClaimsIdentity.SecurityStampClaimType;

    /// <summary>Whether the principal was issued with the user's current stamp and the user is not disabled.</summary>
    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var stamp = principal.FindFirstValue(_stampClaim);
        if (string.IsNullOrEmpty(stamp) || !Guid.TryParse(principal.FindFirstValue(_userIdClaim), out var userId))
        {
            return false;
        }

        var key = CacheKey(userId);
        if (!cache.TryGetValue(key, out string? current))
        {
            current = await LoadAsync(userId, cancellationToken);
            if (_lifetime > TimeSpan.Zero)
            {
                cache.Set(key, current, _lifetime);
            }
        }

        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }

    /// <summary>Called whenever a user's row changes in this process: the next request reads it again.</summary>
    public void Forget(Guid userId) => cache.Remove(CacheKey(userId));

    private static (string, Guid) CacheKey(Guid userId) => ("motcua.security-stamp", userId);

    /// <summary>The stamp a session must carry, or null when no session of this user is valid.</summary>
    private async Task<string?> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null || row.IsDisabled ? null : row.SecurityStamp;
    }
}

/// <summary>
/// Runs right after authentication: a cookie or bearer token issued before the user's last security change
/// is treated as no sign-in at all (401 for the API, the sign-in page for pages), and a stale cookie is removed.
/// The bearer-token handler has no principal-validation event, hence a middleware for both.
/// </summary>
internal sealed class SessionValidation(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SessionStamps stamps)
    {
        if (context.User.Identity?.IsAuthenticated == true && !await stamps.IsCurrentAsync(context.User, context.RequestAborted))
        {
            if (!AccessModule.IsBearerRequest(context.Request))
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }
}

/// <summary>Forgets the cached stamp whenever Identity writes a user, so changes made here apply at once.</summary>
internal sealed class MotcuaUserManager(
    IUserStore<MotcuaUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<MotcuaUser> passwordHasher,
    IEnumerable<IUserValidator<MotcuaUser>> userValidators,
    IEnumerable<IPasswordValidator<MotcuaUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<MotcuaUser>> logger,
    SessionStamps stamps)
    : UserManager<MotcuaUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(MotcuaUser user)
    {
        var result = await base.UpdateUserAsync(user);
        stamps.Forget(user.Id);
        return result;
    }
}
