using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;

namespace Motcua.Access;

/// <summary>
/// Whether a system administrator exists. While none does, the first-run page may create one;
/// once one does it never opens again (the answer is cached only once it is true).
/// </summary>
internal sealed class SetupState(IServiceScopeFactory scopes)
{
    private volatile bool _hasAdministrator;

    public async Task<bool> HasAdministratorAsync(CancellationToken cancellationToken = default)
    {
        if (_hasAdministrator)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MotcuaUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.SystemAdmin);
        _hasAdministrator = admins.Count > 0;
        return _hasAdministrator;
    }

    public void MarkDone() => _hasAdministrator = true;

    /// <summary>Creates the roles Motcua knows; idempotent, run at start.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<MotcuaRole>>();
        var existing = await roles.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existing.OfType<string>()))
        {
            await roles.CreateAsync(new MotcuaRole(role));
        }
    }
}
