using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Organisation.CreateUnit;

internal sealed record CreateUnitRequest([MaxLength(20)] string? Code, [MaxLength(200)] string? Name, [MaxLength(20)] string? Kind, [MaxLength(20)] string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo);

internal static class CreateUnitEndpoint
{
    public static void MapCreateUnit(this IEndpointRouteBuilder api) =>
        api.MapPost("/units", HandleAsync)
            .WithName("CreateUnit")
            .RequireAuthorization(Policies.Administration);

    private static async Task<Results<Created<UnitResponse>, ValidationProblem, ForbidHttpResult>> HandleAsync(
        CreateUnitRequest request, UnitAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!UnitKinds.TryParse(request.Kind, out var kind))
        {
            throw new DomainException("kind", "The unit kind is not one of: province, commune, ward, specialZone, district, township.");
        }

        if (request.ValidFrom is not { } validFrom)
        {
            throw new DomainException("validFrom", "The first day (validFrom) is required.");
        }

        var unit = await administration.CreateAsync(
            new NewUnit(request.Code ?? string.Empty, request.Name ?? string.Empty, kind, request.ParentCode, validFrom, request.ValidTo), cancellationToken);
        return TypedResults.Created($"/api/v1/units/{unit.Code}", new UnitResponse(unit.Code, unit.Name, UnitResponse.KindName(unit.Kind), request.ParentCode?.Trim().ToUpperInvariant(), unit.ValidFrom, unit.ValidTo));
    }
}
