using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Motcua.Access;

/// <summary>Puts the user's unit and full name into the principal so the scope check needs no user query.</summary>
internal sealed class MotcuaClaimsFactory(UserManager<MotcuaUser> users, RoleManager<MotcuaRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MotcuaUser, MotcuaRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MotcuaUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(MotcuaClaims.Unit, unitId.ToString()));
        }

        identity.AddClaim(new Claim(MotcuaClaims.FullName, user.FullName));
        return identity;
    }
}
