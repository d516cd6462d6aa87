using System.Text.Json;
using Motcua.Organisation.Contracts;

namespace Motcua.Organisation;

/// <summary>The public shape of a unit in the API.</summary>
internal sealed record UnitResponse(string Code, string Name, string Kind, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public static string KindName(UnitKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static UnitResponse From(UnitSummary unit, IReadOnlyDictionary<Guid, UnitSummary> byId) =>
        new(unit.Code, unit.Name, KindName(unit.Kind), unit.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Code : null, unit.ValidFrom, unit.ValidTo);
}
