using Motcua.Common;

namespace Motcua.Organisation;

internal enum DepartmentKind
{
    /// <summary>Phòng chuyên môn of a commune or a provincial department's division.</summary>
    Department,

    /// <summary>A provincial department or agency (Sở, Ban, ngành).</summary>
    Agency,

    /// <summary>The Public Administration Service Centre, where the one-stop desk sits.</summary>
    ServiceCentre,
}

/// <summary>A department, agency or service centre inside an administrative unit.</summary>
internal sealed class Department
{
    private Department()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>Unique within the unit.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public DepartmentKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public static Department Create(AdministrativeUnit unit, string code, string name, DepartmentKind kind, DateOnly today)
    {
        if (!unit.IsValidOn(today))
        {
            throw new DomainException("unitCode", "Unit {0} does not exist any more; departments can only be added to existing units.", unit.Code);
        }

        return new Department
        {
            Id = Guid.CreateVersion7(),
            UnitId = unit.Id,
            Code = AdministrativeUnit.NormaliseCode(code),
            Name = RequireName(name),
            Kind = kind,
            IsActive = true,
        };
    }

    public void Update(string name, DepartmentKind kind, bool isActive)
    {
        Name = RequireName(name);
        Kind = kind;
        IsActive = isActive;
        Version++;
    }

    private static string RequireName(string? name)
    {
        var value = name?.Trim() ?? string.Empty;
        return value.Length is 0 or > 200
            ? throw new DomainException("name", "The name is required and must be at most 200 characters.")
            : value;
    }
}
