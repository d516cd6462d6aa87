using Motcua.Common;
using Motcua.Procedures.Contracts;

namespace Motcua.Procedures;

/// <summary>Online service level (Decree 42/2022): none, partial ("một phần") or full ("toàn trình").</summary>
internal enum OnlineLevel
{
    None,
    Partial,
    Full,
}

/// <summary>How a processing time is counted: working days (most procedures) or calendar days.</summary>
internal enum TimeUnit
{
    WorkingDays,
    CalendarDays,
}

/// <summary>The level of government competent for a procedure since the two-level reform of July 2025.</summary>
internal enum ProcedureLevel
{
    Commune,
    Province,
}

/// <summary>
/// An administrative procedure (thủ tục hành chính) of the national catalogue. A procedure has one or more
/// variants (trường hợp), each with its own legal processing time, fee and required documents. A dossier
/// copies the variant it was received under, so later changes to the catalogue never alter it.
/// </summary>
internal sealed class Procedure
{
    private readonly List<ProcedureVariant> _variants = [];

    private Procedure()
    {
        Code = Name = Field = LegalBasis = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string Field { get; private set; }

    public ProcedureLevel Level { get; private set; }

    public string LegalBasis { get; private set; }

    public OnlineLevel OnlineLevel { get; private set; }

    public bool PostalIntake { get; private set; }

    public bool PostalReturn { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public IReadOnlyList<ProcedureVariant> Variants => _variants;

    public int Version { get; private set; }

    public static Procedure Create(ProcedureDefinition definition)
    {
        var procedure = new Procedure { Id = Guid.NewGuid(), Code = definition.Code };
        procedure.Apply(definition);
        return procedure;
    }

    /// <summary>Replaces the attributes and variants with those of the (validated) definition.</summary>
    public void Apply(ProcedureDefinition definition)
    {
        Validate(definition);
        Name = definition.Name.Trim();
        Field = definition.Field.Trim();
        Level = definition.Level;
        LegalBasis = definition.LegalBasis.Trim();
        OnlineLevel = definition.OnlineLevel;
        PostalIntake = definition.PostalIntake;
        PostalReturn = definition.PostalReturn;
        PublishedOn = definition.PublishedOn;
        _variants.Clear();
        _variants.AddRange(definition.Variants.Select(ProcedureVariant.From));
        Version++;
    }

    public ProcedureVariant? FindVariant(string? code) =>
        code is null ? (_variants.Count == 1 ? _variants[0] : null) : _variants.FirstOrDefault(v => v.Code == code);

    public static void Validate(ProcedureDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Code) || definition.Code.Length > 30)
        {
            throw new DomainException("code", "The procedure code is required and must be at most 30 characters.");
        }

        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > 500)
        {
            throw new DomainException("name", "The procedure name is required and must be at most 500 characters.");
        }

        if (definition.Variants.Count == 0)
        {
            throw new DomainException("variantCode", "Procedure {0} has no variant.", definition.Code);
        }

        if (definition.Variants.GroupBy(v => v.Code).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new DomainException("variantCode", "Variant {0} appears more than once in procedure {1}.", duplicate.Key, definition.Code);
        }

        foreach (var variant in definition.Variants)
        {
            if (variant.ProcessingTime < 0 || variant.ProcessingTime > 365 || variant.ProcessingTime * 2 != decimal.Truncate(variant.ProcessingTime * 2))
            {
                throw new DomainException("processingTime", "The processing time must be from 0 to 365 days, in steps of 0.5.");
            }

            if (variant.TimeUnit == TimeUnit.CalendarDays && variant.ProcessingTime != decimal.Truncate(variant.ProcessingTime))
            {
                throw new DomainException("processingTime", "A time in calendar days must be a whole number of days.");
            }

            if (variant.Fee < 0)
            {
                throw new DomainException("fee", "The fee must not be negative.");
            }

            variant.Steps?.Validate(StepBudget.WorkingDaysIn(variant.ProcessingTime, variant.TimeUnit == TimeUnit.WorkingDays));

            if (variant.Documents.Any(d => string.IsNullOrWhiteSpace(d.Name) || d.Originals < 0 || d.Copies < 0))
            {
                throw new DomainException("documentName", "Every required document needs a name and non-negative counts.");
            }
        }
    }
}

/// <summary>A case of a procedure (trường hợp) with its legal processing time, fee and document checklist.</summary>
internal sealed class ProcedureVariant
{
    private ProcedureVariant()
    {
        Code = Name = string.Empty;
        Documents = [];
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public decimal ProcessingTime { get; private set; }

    public TimeUnit TimeUnit { get; private set; }

    public long Fee { get; private set; }

    public string? FeeNote { get; private set; }

    public List<RequiredDocument> Documents { get; private set; }

    /// <summary>The variant's own split of its time between the internal steps (stored form); null: the default split.</summary>
    public string? StepBudgets { get; private set; }

    /// <summary>The split in force: the variant's own, else the default for its time.</summary>
    public StepBudget Steps => StepBudget.Parse(StepBudgets) ?? StepBudget.DefaultFor(StepBudget.WorkingDaysIn(ProcessingTime, TimeUnit == TimeUnit.WorkingDays));

    public static ProcedureVariant From(VariantDefinition definition) => new()
    {
        StepBudgets = definition.Steps?.Format(),
        Code = definition.Code.Trim(),
        Name = definition.Name.Trim(),
        ProcessingTime = definition.ProcessingTime,
        TimeUnit = definition.TimeUnit,
        Fee = definition.Fee,
        FeeNote = string.IsNullOrWhiteSpace(definition.FeeNote) ? null : definition.FeeNote.Trim(),
        Documents = [.. definition.Documents.Select(d => new RequiredDocument(d.Name.Trim(), d.Originals, d.Copies, string.IsNullOrWhiteSpace(d.FormTemplate) ? null : d.FormTemplate.Trim()))],
    };
}

/// <summary>One line of the checklist (thành phần hồ sơ): name, originals and copies, and the official form if any.</summary>
internal sealed record RequiredDocument(string Name, int Originals, int Copies, string? FormTemplate);

internal sealed record ProcedureDefinition(
    string Code,
    string Name,
    string Field,
    ProcedureLevel Level,
    string LegalBasis,
    OnlineLevel OnlineLevel,
    bool PostalIntake,
    bool PostalReturn,
    DateOnly? PublishedOn,
    IReadOnlyList<VariantDefinition> Variants);

/// <param name="Steps">The variant's own split between the internal steps; null for the default split.</param>
internal sealed record VariantDefinition(
    string Code, string Name, decimal ProcessingTime, TimeUnit TimeUnit, long Fee, string? FeeNote, IReadOnlyList<RequiredDocument> Documents, StepBudget? Steps = null);

/// <summary>A unit handles a procedure (through one of its departments): the unit's published list.</summary>
internal sealed class UnitProcedure
{
    private UnitProcedure()
    {
    }

    public Guid UnitId { get; private set; }

    public Guid ProcedureId { get; private set; }

    /// <summary>The department (by code, within the unit) that examines the dossiers; null: the unit decides per dossier.</summary>
    public string? DepartmentCode { get; private set; }

    public static UnitProcedure Create(Guid unitId, Guid procedureId, string? departmentCode) =>
        new() { UnitId = unitId, ProcedureId = procedureId, DepartmentCode = string.IsNullOrWhiteSpace(departmentCode) ? null : departmentCode.Trim() };

    public void AssignTo(string? departmentCode) => DepartmentCode = string.IsNullOrWhiteSpace(departmentCode) ? null : departmentCode.Trim();
}
