namespace Motcua.Procedures.Contracts;

/// <summary>What a dossier keeps of its procedure variant at receipt (the catalogue may change later).</summary>
/// <param name="Steps">The split of the time between the internal steps in force (the variant's own or the default).</param>
internal sealed record ProcedureSnapshot(
    string ProcedureCode,
    string ProcedureName,
    string Field,
    string OnlineLevel,
    bool PostalIntake,
    bool PostalReturn,
    string VariantCode,
    string VariantName,
    decimal ProcessingTime,
    bool CountsWorkingDays,
    long Fee,
    string? DepartmentCode,
    IReadOnlyList<ChecklistItem> Checklist,
    StepBudget? Steps = null);

/// <summary>A procedure a unit handles, as the intake form offers it.</summary>
internal sealed record ProcedureChoice(string Code, string Name, string Field, string OnlineLevel, IReadOnlyList<VariantChoice> Variants);

internal sealed record VariantChoice(string Code, string Name, decimal ProcessingTime, bool CountsWorkingDays, long Fee, IReadOnlyList<ChecklistItem> Checklist);

internal sealed record ChecklistItem(string Name, int Originals, int Copies, string? FormTemplate);

/// <summary>The procedure catalogue for the other areas (Dossiers reads it; it never reads Procedures' tables).</summary>
internal interface IProcedureCatalogue
{
    /// <summary>The procedures a unit handles, as the intake form offers them.</summary>
    Task<IReadOnlyList<ProcedureChoice>> ChoicesForUnitAsync(Guid unitId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The variant of a procedure that <paramref name="unitId"/> handles, or null when the unit does not
    /// handle it or there is no such variant (a procedure with a single variant needs no variant code).
    /// </summary>
    Task<ProcedureSnapshot?> FindForUnitAsync(Guid unitId, string procedureCode, string? variantCode, CancellationToken cancellationToken = default);

    /// <summary>Every procedure code of the catalogue (published or not), e.g. to check imported history.</summary>
    Task<IReadOnlySet<string>> CodesAsync(CancellationToken cancellationToken = default);
}
