using Microsoft.AspNetCore.Http.HttpResults;
using Motcua.Access.Contracts;
using Motcua.Organisation.Contracts;

namespace Motcua.Organisation.ListUnits;

internal static class ListUnitsEndpoint
{
    public static void MapListUnits(this IEndpointRouteBuilder api) =>
        api.MapGet("/units", HandleAsync)
            .WithName("ListUnits")
            .WithSummary("The units the caller may see, current and historical.")
            .RequireAuthorization();

    private static async Task<Ok<List<UnitResponse>>> HandleAsync(
        IUnitDirectory directory, ICurrentUser user, DateOnly? at, CancellationToken cancellationToken)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var units = await directory.ListAsync(cancellationToken);
        var byId = units.ToDictionary(u => u.Id);
        var visible = units
            .Where(u => scope.Contains(u.Id))
            .Where(u => at is null || u.IsValidOn(at.Value))
            .Select(u => UnitResponse.From(u, byId))
            .ToList();
        return TypedResults.Ok(visible);
    }
}
