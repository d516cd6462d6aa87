namespace Motcua.Access.Contracts;

/// <summary>What other areas may know about a user to address a message to them.</summary>
internal sealed record UserContact(Guid UserId, string UserName, string FullName, string? Email, Guid? UnitId);

/// <summary>
/// The active users of a unit (optionally holding a role), for areas that notify people by role, e.g.
/// the plans' reminders to a unit's leaders and reform officers. Disabled users are left out.
/// </summary>
internal interface IUserDirectory
{
    Task<IReadOnlyList<UserContact>> InUnitAsync(Guid unitId, string? role = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The active user named <paramref name="userName"/> (any letter case) of the unit, holding
    /// <paramref name="role"/> when given; null otherwise (unknown, disabled, another unit, not in the role).
    /// For the dossiers' assignment, which may name only real people of the competent unit.
    /// </summary>
    Task<UserContact?> FindInUnitAsync(Guid unitId, string userName, string? role = null, CancellationToken cancellationToken = default);

    /// <summary>The active users holding a role in any unit (e.g. every system administrator, for an alert).</summary>
    Task<IReadOnlyList<UserContact>> WithRoleAsync(string role, CancellationToken cancellationToken = default);
}
