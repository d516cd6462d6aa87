using Microsoft.AspNetCore.Identity;

namespace Motcua.Access;

internal sealed class MotcuaUser : IdentityUser<Guid>
{
    public MotcuaUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string FullName { get; set; } = string.Empty;

    /// <summary>The unit the user belongs to; null only for a system administrator of the whole installation.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>The department within the unit, if any.</summary>
    public Guid? DepartmentId { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>A disabled user cannot sign in; users are never deleted because history names them.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class MotcuaRole : IdentityRole<Guid>
{
    public MotcuaRole()
    {
        Id = Guid.CreateVersion7();
    }

    public MotcuaRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
    }
}
