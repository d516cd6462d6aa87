using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Calendar.ImportOverrides;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;

namespace Motcua.Calendar.ManageOverrides;

internal sealed record OverrideRequest([MaxLength(20)] string? UnitCode, DateOnly? Date, [MaxLength(20)] string? Kind, [MaxLength(200)] string? Name, [MaxLength(300)] string? LegalBasis);

internal sealed record SwapRequest([MaxLength(20)] string? UnitCode, DateOnly? DayOff, DateOnly? WorkingDay, [MaxLength(200)] string? Name, [MaxLength(300)] string? LegalBasis);

internal sealed record RevokeRequest([MaxLength(500), MultiLine] string? Reason);

internal sealed record OfficeHoursRequest([MaxLength(20)] string? UnitCode, DateOnly? ValidFrom, [MaxLength(100)] string? Sessions);

internal sealed record CreatedOverrideResponse(Guid Id, long Revision);

/// <summary>Administration of calendar overrides and office hours (all changes are revisions with an audit trail).</summary>
internal static class CalendarAdminEndpoints
{
    public static void MapCalendarAdministration(this IEndpointRouteBuilder api)
    {
        var calendar = api.MapGroup("/calendar").RequireAuthorization(Policies.Administration);
        calendar.MapGet("/overrides", async (int? year, bool? includeRevoked, CalendarAdministration administration, CancellationToken ct) =>
            TypedResults.Ok(await administration.ListAsync(year, includeRevoked ?? false, ct))).WithName("ListCalendarOverrides");
        calendar.MapPost("/overrides", AddAsync).WithName("AddCalendarOverride");
        calendar.MapPost("/swaps", AddSwapAsync).WithName("AddSwappedDay");
        calendar.MapPost("/overrides/{id:guid}/revoke", async (Guid id, RevokeRequest request, CalendarAdministration administration, CancellationToken ct) =>
        {
            await administration.RevokeAsync(id, request.Reason, ct);
            return TypedResults.NoContent();
        }).WithName("RevokeCalendarOverride");
        calendar.MapPost("/overrides/import", ImportAsync).WithName("ImportCalendarOverrides").DisableAntiforgery();
        calendar.MapGet("/office-hours", async (CalendarAdministration administration, CancellationToken ct) =>
            TypedResults.Ok((await administration.ListOfficeHoursAsync(ct)).Select(h => new { h.UnitCode, h.ValidFrom, h.Sessions, h.CreatedBy, h.CreatedAtUtc }))).WithName("ListOfficeHours");
        calendar.MapPost("/office-hours", async (OfficeHoursRequest request, CalendarAdministration administration, CancellationToken ct) =>
        {
            await administration.SetOfficeHoursAsync(request.UnitCode, request.ValidFrom ?? throw new DomainException("validFrom", "The date {0} is required.", "validFrom"), request.Sessions ?? string.Empty, ct);
            return TypedResults.NoContent();
        }).WithName("SetOfficeHours");
        calendar.MapGet("/revisions", async (int? take, CalendarAdministration administration, CancellationToken ct) =>
            TypedResults.Ok(await administration.HistoryAsync(take ?? 100, ct))).WithName("ListCalendarRevisions");
    }

    internal static OverrideKind ParseKind(string? text) =>
        OverrideImporter.TryParseKind(text, out var kind) ? kind : throw new DomainException("kind", "The kind must be dayOff or workingDay.");

    private static async Task<Results<Created<CreatedOverrideResponse>, ValidationProblem, ForbidHttpResult>> AddAsync(
        OverrideRequest request, CalendarAdministration administration, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var date = request.Date ?? throw new DomainException("date", "The date {0} is required.", "date");
        var entry = await administration.AddAsync(request.UnitCode, date, ParseKind(request.Kind), request.Name ?? string.Empty, request.LegalBasis, ct);
        return TypedResults.Created($"/api/v1/calendar/overrides/{entry.Id}", new CreatedOverrideResponse(entry.Id, entry.Revision));
    }

    private static async Task<Results<Created<CreatedOverrideResponse>, ValidationProblem, ForbidHttpResult>> AddSwapAsync(
        SwapRequest request, CalendarAdministration administration, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var entry = await administration.AddSwapAsync(
            request.UnitCode,
            request.DayOff ?? throw new DomainException("dayOff", "The date {0} is required.", "dayOff"),
            request.WorkingDay ?? throw new DomainException("workingDay", "The date {0} is required.", "workingDay"),
            request.Name ?? string.Empty,
            request.LegalBasis,
            ct);
        return TypedResults.Created($"/api/v1/calendar/overrides/{entry.Id}", new CreatedOverrideResponse(entry.Id, entry.Revision));
    }

    private static async Task<Results<Ok<int>, ValidationProblem, ForbidHttpResult>> ImportAsync(
        IFormFile? file, OverrideImporter importer, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        return TypedResults.Ok(await importer.ImportAsync(TabularFile.ReadUpload(file), ct));
    }
}
