using System.Security.Claims;
using Motcua.Access.Contracts;
using Motcua.Organisation.Contracts;

namespace Motcua.Access;

internal static class MotcuaClaims
{
    public const string Unit = "motcua:unit";

    public const string FullName = "motcua:full_name";
}

/// <summary>Reads the signed-in principal (cookie or bearer token) of the current request.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor, IUnitDirectory units) : ICurrentUser
{
    private UnitScope? _scope;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && IsAuthenticated ? id : null;

    public string Actor => IsAuthenticated ? Principal!.Identity!.Name ?? "unknown" : "system";

    public Guid? UnitId => IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(MotcuaClaims.Unit), out var id) ? id : null;

    public bool IsSystemAdmin => IsInRole(Roles.SystemAdmin);

    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);

    public async Task<UnitScope> GetScopeAsync(CancellationToken cancellationToken = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        _scope = !IsAuthenticated ? UnitScope.None
            : IsSystemAdmin ? new UnitScope(true, new HashSet<Guid>())
            : UnitId is { } unitId ? new UnitScope(false, await units.GetScopeAsync(unitId, cancellationToken))
            : UnitScope.None;
        return _scope;
    }
}

/// <summary>Outside a request (command line, jobs) the actor is the system and sees everything.</summary>
internal sealed class SystemUser(string actor = "system") : ICurrentUser
{
    public bool IsAuthenticated => true;

    public Guid? UserId => null;

    public string Actor => actor;

    public Guid? UnitId => null;

    public bool IsSystemAdmin => true;

    public bool IsInRole(string role) => true;

    public Task<UnitScope> GetScopeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new UnitScope(true, new HashSet<Guid>()));
}
