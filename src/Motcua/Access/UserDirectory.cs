using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Access.Data;

namespace Motcua.Access;

/// <summary>Reads the users of a unit (by role) for other areas' notifications.</summary>
internal sealed class UserDirectory(AccessDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyList<UserContact>> InUnitAsync(Guid unitId, string? role = null, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking().Where(u => u.UnitId == unitId && !u.IsDisabled);
        if (role is not null)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (roleId is null)
            {
                return [];
            }

            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        return await users.OrderBy(u => u.UserName)
            .Select(u => new UserContact(u.Id, u.UserName!, u.FullName, u.Email, u.UnitId))
            .ToListAsync(cancellationToken);
    }

    public async Task<UserContact?> FindInUnitAsync(Guid unitId, string userName, string? role = null, CancellationToken cancellationToken = default)
    {
        // Identity compares user names through their upper-case normal form.
        var normalised = userName.Trim().ToUpperInvariant();
        var users = db.Users.AsNoTracking().Where(u => u.UnitId == unitId && !u.IsDisabled && u.NormalizedUserName == normalised);
        if (role is not null)
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        return await users.Select(u => new UserContact(u.Id, u.UserName!, u.FullName, u.Email, u.UnitId)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserContact>> WithRoleAsync(string role, CancellationToken cancellationToken = default)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return roleId is null
            ? []
            : await db.Users.AsNoTracking()
                .Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
                .OrderBy(u => u.UserName)
                .Select(u => new UserContact(u.Id, u.UserName!, u.FullName, u.Email, u.UnitId))
                .ToListAsync(cancellationToken);
    }
}
