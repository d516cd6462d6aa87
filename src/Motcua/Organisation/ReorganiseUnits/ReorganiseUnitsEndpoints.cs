using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Organisation.ReorganiseUnits;

internal sealed record NewUnitRequest([MaxLength(20)] string? Code, [MaxLength(200)] string? Name, [MaxLength(20)] string? Kind, [MaxLength(20)] string? ParentCode);

internal sealed record MergeUnitsRequest([EachMaxLength(20)] IReadOnlyList<string>? SourceCodes, [MaxLength(20)] string? ContinuingCode, NewUnitRequest? NewUnit, DateOnly? EffectiveOn, [MaxLength(300)] string? LegalBasis);

internal sealed record SplitUnitRequest([MaxLength(20)] string? SourceCode, IReadOnlyList<NewUnitRequest>? Parts, DateOnly? EffectiveOn, [MaxLength(300)] string? LegalBasis);

/// <summary>Mergers and splits (sắp xếp đơn vị hành chính): the old units keep their history and point to their successors.</summary>
internal static class ReorganiseUnitsEndpoints
{
    public static void MapReorganiseUnits(this IEndpointRouteBuilder api)
    {
        api.MapPost("/units/merge", MergeAsync).WithName("MergeUnits").RequireAuthorization(Policies.Administration);
        api.MapPost("/units/split", SplitAsync).WithName("SplitUnit").RequireAuthorization(Policies.Administration);
    }

    internal static NewUnit ToNewUnit(NewUnitRequest request, DateOnly effectiveOn) =>
        !UnitKinds.TryParse(request.Kind, out var kind)
            ? throw new DomainException("kind", "The unit kind is not one of: province, commune, ward, specialZone, district, township.")
            : new NewUnit(request.Code ?? string.Empty, request.Name ?? string.Empty, kind, request.ParentCode, effectiveOn);

    private static async Task<Results<Ok<UnitResponse>, NotFound, ValidationProblem, ForbidHttpResult>> MergeAsync(
        MergeUnitsRequest request, UnitAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var effectiveOn = request.EffectiveOn ?? throw new DomainException("effectiveOn", "The date {0} is required.", "effectiveOn");
        var target = await administration.MergeAsync(
            request.SourceCodes ?? [], request.ContinuingCode, request.NewUnit is null ? null : ToNewUnit(request.NewUnit, effectiveOn), effectiveOn, request.LegalBasis, cancellationToken);
        return TypedResults.Ok(new UnitResponse(target.Code, target.Name, UnitResponse.KindName(target.Kind), null, target.ValidFrom, target.ValidTo));
    }

    private static async Task<Results<Ok<List<UnitResponse>>, NotFound, ValidationProblem, ForbidHttpResult>> SplitAsync(
        SplitUnitRequest request, UnitAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var effectiveOn = request.EffectiveOn ?? throw new DomainException("effectiveOn", "The date {0} is required.", "effectiveOn");
        var parts = (request.Parts ?? []).Select(p => ToNewUnit(p, effectiveOn)).ToList();
        var created = await administration.SplitAsync(request.SourceCode ?? string.Empty, parts, effectiveOn, request.LegalBasis, cancellationToken);
        return TypedResults.Ok(created.Select(u => new UnitResponse(u.Code, u.Name, UnitResponse.KindName(u.Kind), null, u.ValidFrom, u.ValidTo)).ToList());
    }
}
