using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Procedures.AssignProcedures;

internal sealed record ProcedureAssignment([MaxLength(30)] string? ProcedureCode, [MaxLength(20)] string? DepartmentCode);

/// <summary><c>PUT /api/v1/units/{code}/procedures</c>: the procedures a unit handles and the department that examines each.</summary>
internal static class AssignProceduresEndpoint
{
    public static void MapAssignProcedures(this IEndpointRouteBuilder api) =>
        api.MapPut("/units/{code}/procedures", async (string code, List<ProcedureAssignment> request, ProcedureCatalogue catalogue, CancellationToken ct) =>
            {
                await catalogue.AssignAsync(code, [.. request.Select(a => (a.ProcedureCode ?? string.Empty, a.DepartmentCode))], ct);
                return TypedResults.NoContent();
            })
            .WithName("AssignProcedures")
            .WithSummary("Replaces the list of procedures a unit handles.")
            .RequireAuthorization(Policies.Administration);
}
