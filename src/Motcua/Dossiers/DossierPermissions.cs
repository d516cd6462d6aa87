using Motcua.Access.Contracts;

namespace Motcua.Dossiers;

/// <summary>Which roles may take which action: the one-stop division of labour, as data (and a table-driven test).</summary>
internal static class DossierPermissions
{
    private static readonly Dictionary<string, string[]> ByAction = new(StringComparer.Ordinal)
    {
        ["receive"] = [Roles.ReceivingOfficer],
        ["request-intake-supplement"] = [Roles.ReceivingOfficer],
        ["refuse-intake"] = [Roles.ReceivingOfficer],
        ["resubmit"] = [Roles.ReceivingOfficer],
        ["assign"] = [Roles.ReceivingOfficer, Roles.Leader],
        ["forward"] = [Roles.Specialist, Roles.Leader],
        ["return-to-previous"] = [Roles.Specialist, Roles.Leader],
        ["send-to-agency"] = [Roles.Specialist],
        ["receive-from-agency"] = [Roles.Specialist, Roles.ReceivingOfficer],
        ["request-supplement"] = [Roles.Specialist, Roles.Leader],
        ["supplement"] = [Roles.ReceivingOfficer],
        ["submit"] = [Roles.Specialist],
        ["approve"] = [Roles.Leader],
        ["refuse"] = [Roles.Leader],
        ["complete"] = [Roles.Specialist, Roles.ReceivingOfficer],
        ["return"] = [Roles.ReceivingOfficer],
        ["withdraw"] = [Roles.ReceivingOfficer],
        ["cancel"] = [Roles.Leader],
        ["stop"] = [Roles.Leader],
        ["apologize"] = [Roles.Leader],
        ["pay"] = [Roles.ReceivingOfficer],
    };

    public static IReadOnlyCollection<string> Actions => ByAction.Keys;

    public static bool IsKnown(string action) => ByAction.ContainsKey(action);

    public static IReadOnlyList<string> RolesFor(string action) => ByAction.TryGetValue(action, out var roles) ? roles : [];

    public static bool Allows(string action, Func<string, bool> isInRole) => RolesFor(action).Any(isInRole);
}
