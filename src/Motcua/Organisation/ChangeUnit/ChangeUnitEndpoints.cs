using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Organisation.ChangeUnit;

internal sealed record RenameUnitRequest([MaxLength(200)] string? Name, DateOnly? EffectiveOn);

internal sealed record MoveUnitRequest([MaxLength(20)] string? ParentCode, DateOnly? EffectiveOn);

internal sealed record CloseUnitRequest(DateOnly? LastDay);

internal sealed record UpdateContactRequest([MaxLength(300)] string? Address, [MaxLength(30)] string? Phone, [MaxLength(200)] string? Email);

/// <summary>Renaming, moving, contact details and closing: each one a recorded, dated change.</summary>
internal static class ChangeUnitEndpoints
{
    public static void MapChangeUnit(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/units/{code}").RequireAuthorization(Policies.Administration);
        group.MapPost("/rename", async (string code, RenameUnitRequest request, UnitAdministration administration, CancellationToken ct) =>
        {
            await administration.RenameAsync(code, request.Name ?? string.Empty, Require(request.EffectiveOn, "effectiveOn"), ct);
            return TypedResults.NoContent();
        })
            .WithName("RenameUnit");
        group.MapPost("/move", async (string code, MoveUnitRequest request, UnitAdministration administration, CancellationToken ct) =>
        {
            await administration.MoveAsync(code, request.ParentCode, Require(request.EffectiveOn, "effectiveOn"), ct);
            return TypedResults.NoContent();
        })
            .WithName("MoveUnit");
        group.MapPost("/close", async (string code, CloseUnitRequest request, UnitAdministration administration, CancellationToken ct) =>
        {
            await administration.CloseAsync(code, Require(request.LastDay, "lastDay"), ct);
            return TypedResults.NoContent();
        })
            .WithName("CloseUnit");
        group.MapPut("/contact", async (string code, UpdateContactRequest request, UnitAdministration administration, CancellationToken ct) =>
        {
            await administration.UpdateContactAsync(code, request.Address, request.Phone, request.Email, ct);
            return TypedResults.NoContent();
        })
            .WithName("UpdateUnitContact");
    }

    private static DateOnly Require(DateOnly? value, string field) =>
        value ?? throw new DomainException(field, "The date {0} is required.", field);
}
