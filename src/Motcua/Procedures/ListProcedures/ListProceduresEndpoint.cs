using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;

namespace Motcua.Procedures.ListProcedures;

internal sealed record ProcessingTimeResponse(decimal Value, string Unit);

internal sealed record VariantResponse(
    string Code, string Name, ProcessingTimeResponse ProcessingTime, long Fee, string? FeeNote, IReadOnlyList<DocumentResponse> Documents, StepBudgetResponse Steps);

/// <summary>The split of the time between the internal steps, in working days; <c>isDefault</c> when the variant sets none.</summary>
internal sealed record StepBudgetResponse(decimal Receipt, decimal Assignment, decimal Examination, decimal Review, decimal Signature, decimal Issue, decimal Return, bool IsDefault)
{
    public static StepBudgetResponse From(ProcedureVariant v)
    {
        var s = v.Steps;
        return new(s.Receipt, s.Assignment, s.Examination, s.Review, s.Signature, s.Issue, s.Return, v.StepBudgets is null);
    }
}


internal sealed record DocumentResponse(string Name, int Originals, int Copies, string? FormTemplate);

/// <summary>The documented fields first (code, name, onlineLevel, variants), then the rest of the publication.</summary>
internal sealed record ProcedureResponse(
    string Code, string Name, string OnlineLevel, IReadOnlyList<VariantResponse> Variants, string Field, string Level, string LegalBasis, bool PostalIntake, bool PostalReturn, DateOnly? PublishedOn, string? DepartmentCode)
{
    public static ProcedureResponse From(Procedure p, string? departmentCode) => new(
        p.Code,
        p.Name,
        Names.Of(p.OnlineLevel),
        [.. p.Variants.Select(v => new VariantResponse(
            v.Code, v.Name, new ProcessingTimeResponse(Names.Normal(v.ProcessingTime), Names.Of(v.TimeUnit)), v.Fee, v.FeeNote,
            [.. v.Documents.Select(d => new DocumentResponse(d.Name, d.Originals, d.Copies, d.FormTemplate))],
            StepBudgetResponse.From(v)))],
        p.Field,
        Names.Of(p.Level),
        p.LegalBasis,
        p.PostalIntake,
        p.PostalReturn,
        p.PublishedOn,
        departmentCode);
}

/// <summary>
/// <c>GET /api/v1/procedures?unit=CODE</c>: the procedures a unit handles, with their variants, times and
/// fees. Public, like the unit's published list at its desk; without <c>unit</c>, the whole catalogue.
/// </summary>
internal static class ListProceduresEndpoint
{
    public static void MapListProcedures(this IEndpointRouteBuilder api) =>
        api.MapGet("/procedures", HandleAsync)
            .WithName("ListProcedures")
            .WithSummary("The procedures a unit handles (or the whole catalogue), with variants, processing times and fees.")
            .AllowAnonymous();

    private static async Task<Results<Ok<List<ProcedureResponse>>, ValidationProblem>> HandleAsync(
        string? unit, ProcedureCatalogue catalogue, IUnitDirectory units, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (unit is null)
        {
            return TypedResults.Ok((await catalogue.ListAsync(cancellationToken)).Select(p => ProcedureResponse.From(p, null)).ToList());
        }

        var found = await units.FindByCodeAsync(unit.Trim().ToUpperInvariant(), cancellationToken);
        if (found is null)
        {
            return ApiProblems.Invalid("unit", localizer["There is no unit with code {0}.", unit]);
        }

        var handled = await catalogue.ListForUnitAsync(found.Id, cancellationToken);
        return TypedResults.Ok(handled.Select(h => ProcedureResponse.From(h.Procedure, h.DepartmentCode)).ToList());
    }
}
