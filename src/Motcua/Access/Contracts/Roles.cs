namespace Motcua.Access.Contracts;

/// <summary>The roles of Motcua. A user may hold several.</summary>
internal static class Roles
{
    /// <summary>Runs the installation; sees every unit.</summary>
    public const string SystemAdmin = "SystemAdmin";

    /// <summary>Administers the units, departments, users and calendar of their unit and below.</summary>
    public const string UnitAdmin = "UnitAdmin";

    /// <summary>Cán bộ tiếp nhận at the one-stop desk.</summary>
    public const string ReceivingOfficer = "ReceivingOfficer";

    /// <summary>Công chức chuyên môn who examines dossiers.</summary>
    public const string Specialist = "Specialist";

    /// <summary>Lãnh đạo who approves and signs.</summary>
    public const string Leader = "Leader";

    /// <summary>Internal-affairs staff who run reform plans, scorecards and emulation.</summary>
    public const string ReformOfficer = "ReformOfficer";

    public static readonly IReadOnlyList<string> All = [SystemAdmin, UnitAdmin, ReceivingOfficer, Specialist, Leader, ReformOfficer];

    public static string VietnameseName(string role) => role switch
    {
        SystemAdmin => "Quản trị hệ thống",
        UnitAdmin => "Quản trị đơn vị",
        ReceivingOfficer => "Cán bộ tiếp nhận (Một cửa)",
        Specialist => "Công chức chuyên môn (thụ lý)",
        Leader => "Lãnh đạo (phê duyệt, ký)",
        ReformOfficer => "Cán bộ cải cách hành chính (Nội vụ)",
        _ => role,
    };

    public static string EnglishName(string role) => role switch
    {
        SystemAdmin => "System administrator",
        UnitAdmin => "Unit administrator",
        ReceivingOfficer => "Receiving officer (one-stop desk)",
        Specialist => "Specialist",
        Leader => "Leader (approves and signs)",
        ReformOfficer => "Administrative reform officer",
        _ => role,
    };
}

internal static class Policies
{
    /// <summary>SystemAdmin or UnitAdmin: administration of units, users and the calendar within scope.</summary>
    public const string Administration = "administration";

    /// <summary>SystemAdmin only: installation-wide settings such as the national calendar.</summary>
    public const string SystemAdministration = "system-administration";
}

/// <summary>The units a user may see and change. <see cref="IsAll"/> for system administrators.</summary>
internal sealed record UnitScope(bool IsAll, IReadOnlySet<Guid> UnitIds)
{
    public static readonly UnitScope None = new(false, new HashSet<Guid>());

    public bool Contains(Guid unitId) => IsAll || UnitIds.Contains(unitId);
}

/// <summary>Who is asking, for every page and endpoint; the unit scope is enforced on the server with it.</summary>
internal interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    /// <summary>The user name, or "system" outside a request (CLI, background jobs).</summary>
    string Actor { get; }

    /// <summary>The unit the user belongs to; null only for a system administrator not tied to a unit.</summary>
    Guid? UnitId { get; }

    bool IsSystemAdmin { get; }

    bool IsInRole(string role);

    Task<UnitScope> GetScopeAsync(CancellationToken cancellationToken = default);
}
