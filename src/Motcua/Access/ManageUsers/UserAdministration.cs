using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Audit.Contracts;
using Motcua.Common;
using Motcua.Organisation.Contracts;

namespace Motcua.Access.ManageUsers;

internal sealed record UserInput(string UserName, string FullName, string? Email, string? UnitCode, string? JobTitle, IReadOnlyList<string> Roles);

internal sealed record UserView(Guid Id, string UserName, string FullName, string? Email, string? UnitCode, string? UnitName, string? JobTitle, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, bool TwoFactorEnabled);

/// <summary>
/// Creating and changing users within the caller's unit scope. A unit administrator manages the users
/// of their units only and can never grant system administration; a system administrator manages all.
/// </summary>
internal sealed class UserAdministration(
    UserManager<MotcuaUser> users, ICurrentUser caller, IUnitDirectory units, TimeProvider clock, SetupState setup, IAuditTrail audit)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var scope = await caller.GetScopeAsync(cancellationToken);
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var visible = all.Where(u => scope.IsAll || (u.UnitId is { } unitId && scope.Contains(unitId))).ToList();
        var result = new List<UserView>(visible.Count);
        foreach (var user in visible)
        {
            result.Add(await ViewAsync(user, cancellationToken));
        }

        return result;
    }

    public async Task<UserView?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await FindInScopeAsync(userName, cancellationToken);
        return user is null ? null : await ViewAsync(user, cancellationToken);
    }

    /// <summary>The caller's own account, whatever their scope.</summary>
    public async Task<UserView?> FindSelfAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        return user is null ? null : await ViewAsync(user, cancellationToken);
    }

    public async Task<UserView> CreateAsync(UserInput input, string password, CancellationToken cancellationToken = default)
    {
        var (unitId, roles) = await CheckAsync(input, cancellationToken);
        return await CreateCoreAsync(input, password, unitId, roles, cancellationToken);
    }

    /// <summary>The first-run page: anyone may create the first system administrator, and only while none exists.</summary>
    public async Task<UserView> CreateFirstAdministratorAsync(string userName, string fullName, string password, CancellationToken cancellationToken = default)
    {
        if (await setup.HasAdministratorAsync(cancellationToken))
        {
            throw new ForbiddenException();
        }

        return await CreateCoreAsync(new UserInput(userName, fullName, null, null, null, [Roles.SystemAdmin]), password, null, [Roles.SystemAdmin], cancellationToken);
    }

    private async Task<UserView> CreateCoreAsync(UserInput input, string password, Guid? unitId, List<string> roles, CancellationToken cancellationToken)
    {
        var user = new MotcuaUser
        {
            UserName = input.UserName.Trim(),
            FullName = RequireFullName(input.FullName),
            Email = Clean(input.Email),
            UnitId = unitId,
            JobTitle = Clean(input.JobTitle),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        Ensure(await users.CreateAsync(user, password));
        Ensure(await users.AddToRolesAsync(user, roles));
        if (roles.Contains(Roles.SystemAdmin))
        {
            setup.MarkDone();
        }

        await AuditAsync(AuditActions.UserCreate, user, FormattableString.Invariant($"roles {string.Join(",", roles)}; unit {input.UnitCode}"));

        return await ViewAsync(user, cancellationToken);
    }

    public async Task<UserView> UpdateAsync(string userName, UserInput input, CancellationToken cancellationToken = default)
    {
        var user = await FindInScopeAsync(userName, cancellationToken) ?? throw new NotFoundException();
        var (unitId, roles) = await CheckAsync(input with { UserName = user.UserName! }, cancellationToken);
        var current = await users.GetRolesAsync(user);
        if (!caller.IsSystemAdmin && current.Contains(Roles.SystemAdmin))
        {
            throw new ForbiddenException();
        }

        if (user.Id == caller.UserId && current.Contains(Roles.SystemAdmin) && !roles.Contains(Roles.SystemAdmin))
        {
            throw new DomainException("roles", "You cannot remove your own system administrator role.");
        }

        var previousUnit = user.UnitId;
        user.FullName = RequireFullName(input.FullName);
        user.Email = Clean(input.Email);
        user.UnitId = unitId;
        user.JobTitle = Clean(input.JobTitle);
        Ensure(await users.UpdateAsync(user));
        Ensure(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Ensure(await users.AddToRolesAsync(user, roles.Except(current)));
        // Changing unit or roles must take effect at once, not at the next sign-in.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(AuditActions.UserUpdate, user, FormattableString.Invariant($"roles {string.Join(",", current.Order())} → {string.Join(",", roles.Order())}; unit {previousUnit} → {unitId}"));
        return await ViewAsync(user, cancellationToken);
    }

    public async Task SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await RequireManageableAsync(userName, cancellationToken);
        if (user.Id == caller.UserId && disabled)
        {
            throw new DomainException("userName", "You cannot disable your own account.");
        }

        user.IsDisabled = disabled;
        Ensure(await users.UpdateAsync(user));
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(disabled ? AuditActions.UserDisable : AuditActions.UserEnable, user, null);
    }

    public async Task ResetPasswordAsync(string userName, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await RequireManageableAsync(userName, cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Ensure(await users.ResetPasswordAsync(user, token, newPassword));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(AuditActions.UserPasswordReset, user, null);
    }

    public async Task UnlockAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await RequireManageableAsync(userName, cancellationToken);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(AuditActions.UserUnlock, user, null);
    }

    /// <summary>Turns off two-factor sign-in for a user who lost their authenticator.</summary>
    public async Task ResetTwoFactorAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await RequireManageableAsync(userName, cancellationToken);
        Ensure(await users.SetTwoFactorEnabledAsync(user, false));
        Ensure(await users.ResetAuthenticatorKeyAsync(user));
        await AuditAsync(AuditActions.UserTwoFactorReset, user, null);
    }

    /// <summary>Every change of a user goes to the audit log, after it was saved (ADR 0016).</summary>
    private Task AuditAsync(string action, MotcuaUser user, string? detail) =>
        audit.RecordAsync(new AuditRecord(action, "user", user.UserName, detail));

    /// <summary>A random password that satisfies the policy, for accounts created by an administrator.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string all = lower + upper + digits;
        var chars = new char[14];
        chars[0] = lower[System.Security.Cryptography.RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[System.Security.Cryptography.RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[System.Security.Cryptography.RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[System.Security.Cryptography.RandomNumberGenerator.GetInt32(all.Length)];
        }

        System.Security.Cryptography.RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private async Task<(Guid? UnitId, List<string> Roles)> CheckAsync(UserInput input, CancellationToken cancellationToken)
    {
        var roles = input.Roles.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();
        if (roles.Count == 0)
        {
            throw new DomainException("roles", "Choose at least one role.");
        }

        if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            throw new DomainException("roles", "Unknown role {0}.", unknown);
        }

        if (roles.Contains(Roles.SystemAdmin) && !caller.IsSystemAdmin)
        {
            throw new ForbiddenException();
        }

        var scope = await caller.GetScopeAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(input.UnitCode))
        {
            if (!roles.Contains(Roles.SystemAdmin))
            {
                throw new DomainException("unitCode", "Every user except a system administrator belongs to a unit.");
            }

            return (null, roles);
        }

        var unit = await units.FindByCodeAsync(input.UnitCode, cancellationToken);
        if (unit is null || !scope.Contains(unit.Id))
        {
            throw new DomainException("unitCode", "There is no unit with code {0} that you may use.", input.UnitCode);
        }

        if (!unit.IsValidOn(Common.VietnamTime.Today(clock)))
        {
            throw new DomainException("unitCode", "Unit {0} does not exist any more; choose its successor.", unit.Code);
        }

        return (unit.Id, roles);
    }

    private async Task<MotcuaUser?> FindInScopeAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return null;
        }

        var scope = await caller.GetScopeAsync(cancellationToken);
        return scope.IsAll || (user.UnitId is { } unitId && scope.Contains(unitId)) ? user : null;
    }

    private async Task<MotcuaUser> RequireManageableAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await FindInScopeAsync(userName, cancellationToken) ?? throw new NotFoundException();
        if (!caller.IsSystemAdmin && await users.IsInRoleAsync(user, Roles.SystemAdmin))
        {
            throw new ForbiddenException();
        }

        return user;
    }

    private async Task<UserView> ViewAsync(MotcuaUser user, CancellationToken cancellationToken)
    {
        var unit = user.UnitId is { } unitId ? await units.FindAsync(unitId, cancellationToken) : null;
        var roles = await users.GetRolesAsync(user);
        var lockedOut = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new UserView(user.Id, user.UserName!, user.FullName, user.Email, unit?.Code, unit?.Name, user.JobTitle, [.. roles.Order()], user.IsDisabled, lockedOut, user.TwoFactorEnabled);
    }

    private string RequireFullName(string? fullName) =>
        string.IsNullOrWhiteSpace(fullName) || fullName.Trim().Length > 200
            ? throw new DomainException("fullName", "The full name is required and must be at most 200 characters.")
            : fullName.Trim();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var first = result.Errors.First();
            var field = first.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName";
            throw new DomainException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
