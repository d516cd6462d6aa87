using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Data;

namespace Motcua.Organisation.Departments;

internal sealed record DepartmentResponse(string Code, string Name, string Kind, bool IsActive);

internal sealed record DepartmentRequest([MaxLength(20)] string? Code, [MaxLength(200)] string? Name, [MaxLength(20)] string? Kind, bool? IsActive);

internal static class DepartmentEndpoints
{
    public static void MapDepartments(this IEndpointRouteBuilder api)
    {
        api.MapGet("/units/{code}/departments", ListAsync).WithName("ListDepartments").RequireAuthorization();
        api.MapPost("/units/{code}/departments", AddAsync).WithName("AddDepartment").RequireAuthorization(Policies.Administration);
        api.MapPut("/units/{code}/departments/{departmentCode}", UpdateAsync).WithName("UpdateDepartment").RequireAuthorization(Policies.Administration);
    }

    internal static bool TryParseKind(string? text, out DepartmentKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    private static string KindName(DepartmentKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static async Task<Results<Ok<List<DepartmentResponse>>, NotFound>> ListAsync(
        string code, UnitAdministration administration, OrganisationDbContext db, CancellationToken cancellationToken)
    {
        var unit = await administration.RequireInScopeAsync(code, cancellationToken);
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.UnitId == unit.Id)
            .OrderBy(d => d.Code)
            .Select(d => new { d.Code, d.Name, d.Kind, d.IsActive })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(departments.Select(d => new DepartmentResponse(d.Code, d.Name, KindName(d.Kind), d.IsActive)).ToList());
    }

    private static async Task<Results<Created<DepartmentResponse>, NotFound, ValidationProblem>> AddAsync(
        string code, DepartmentRequest request, UnitAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var kind = ParseKind(request.Kind);
        var department = await administration.AddDepartmentAsync(code, request.Code ?? string.Empty, request.Name ?? string.Empty, kind, cancellationToken);
        return TypedResults.Created($"/api/v1/units/{code}/departments/{department.Code}", new DepartmentResponse(department.Code, department.Name, KindName(department.Kind), department.IsActive));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UpdateAsync(
        string code, string departmentCode, DepartmentRequest request, UnitAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        await administration.UpdateDepartmentAsync(code, departmentCode, request.Name ?? string.Empty, ParseKind(request.Kind), request.IsActive ?? true, cancellationToken);
        return TypedResults.NoContent();
    }

    private static DepartmentKind ParseKind(string? text) =>
        string.IsNullOrWhiteSpace(text) ? DepartmentKind.Department
        : TryParseKind(text, out var kind) ? kind
        : throw new DomainException("kind", "The department kind is not one of: department, agency, serviceCentre.");
}
