namespace Motcua.Organisation.Contracts;

/// <summary>Administrative unit kinds. District and Township exist only in history (abolished 1 July 2025).</summary>
internal enum UnitKind
{
    Province,
    District,
    Commune,
    Ward,
    Township,
    SpecialZone,
}

/// <summary>What other areas may know about a unit.</summary>
internal sealed record UnitSummary(
    Guid Id,
    string Code,
    string Name,
    UnitKind Kind,
    Guid? ParentId,
    DateOnly ValidFrom,
    DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}

internal sealed record UnitContact(string? Address, string? Phone, string? Email);

/// <summary>Read-only access to the unit tree for the other areas (they never read Organisation's tables).</summary>
internal interface IUnitDirectory
{
    Task<IReadOnlyList<UnitSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<UnitSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<UnitSummary?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// The units whose data a user of <paramref name="unitId"/> may see: the unit, everything below it,
    /// and (recursively) the units it or they succeeded, so figures stay visible across a merger.
    /// </summary>
    Task<IReadOnlySet<Guid>> GetScopeAsync(Guid unitId, CancellationToken cancellationToken = default);

    /// <summary>The unit's published contact (address, hotline, e-mail), for forms and public pages.</summary>
    Task<UnitContact?> GetContactAsync(Guid unitId, CancellationToken cancellationToken = default);

    /// <summary>The unit's ancestors, nearest first (not including the unit).</summary>
    Task<IReadOnlyList<Guid>> GetAncestorsAsync(Guid unitId, CancellationToken cancellationToken = default);
}

/// <summary>What other areas may know about a department of a unit.</summary>
internal sealed record DepartmentSummary(Guid UnitId, string Code, string Name, bool IsActive);

/// <summary>The departments of the units, for other areas (e.g. the dossiers' assignment to a department).</summary>
internal interface IDepartmentDirectory
{
    /// <summary>The department with <paramref name="code"/> (any letter case) of the unit, active or not; null when the unit has none.</summary>
    Task<DepartmentSummary?> FindAsync(Guid unitId, string code, CancellationToken cancellationToken = default);
}
