using Motcua.Common;

namespace Motcua.Plans.UnitTargets;

/// <summary>The target (chỉ tiêu) of a unit for an indicator and period: "ký số 100% năm 2023".</summary>
internal sealed class UnitTarget
{
    private UnitTarget()
    {
        Indicator = Period = SetBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public string Indicator { get; private set; }

    /// <summary><see cref="TargetPeriod.Code"/>: "2023", "2023-Q4", "2023-11".</summary>
    public string Period { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>A share from 0 to 1, a count, or 1 for yes-no.</summary>
    public double Value { get; private set; }

    public string SetBy { get; private set; }

    public DateTime SetAt { get; private set; }

    public static UnitTarget Create(Guid unitId, ReformIndicator indicator, TargetPeriod period) =>
        new() { Id = Guid.CreateVersion7(), UnitId = unitId, Indicator = indicator.Code, Period = period.Code, From = period.From, To = period.To };

    public void Set(double value, string actor, DateTime now)
    {
        if (value < 0 || !double.IsFinite(value))
        {
            throw new DomainException("target", "The target must be a number from 0.");
        }

        (Value, SetBy, SetAt) = (value, actor, now);
    }
}

/// <summary>
/// A unit's figure for a manual indicator and period, with its evidence: a text saying where it comes
/// from (required) and optionally a file (checked type, kept under the data directory).
/// </summary>
internal sealed class UnitFigure
{
    public const int MaxEvidence = 2000;

    private UnitFigure()
    {
        Indicator = Period = Evidence = EnteredBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public string Indicator { get; private set; }

    public string Period { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public double Value { get; private set; }

    public string Evidence { get; private set; }

    public string? EvidenceFileName { get; private set; }

    public string? EvidenceContentType { get; private set; }

    public string? EvidenceStoredPath { get; private set; }

    public long? EvidenceSize { get; private set; }

    public string? EvidenceSha256 { get; private set; }

    public string EnteredBy { get; private set; }

    public DateTime EnteredAt { get; private set; }

    public static UnitFigure Create(Guid unitId, ReformIndicator indicator, TargetPeriod period)
    {
        if (!indicator.IsManual)
        {
            // Motcua computes it from the dossiers: a typed figure would contradict the live one.
            throw new DomainException("indicator", "{0} is computed from the dossiers; its figure cannot be entered.", indicator.Code);
        }

        return new() { Id = Guid.CreateVersion7(), UnitId = unitId, Indicator = indicator.Code, Period = period.Code, From = period.From, To = period.To };
    }

    public void Set(double value, string? evidence, string actor, DateTime now)
    {
        var text = evidence?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxEvidence)
        {
            throw new DomainException("evidence", "Describe the evidence (at most {0} characters): where the figure comes from.", MaxEvidence);
        }

        (Value, Evidence, EnteredBy, EnteredAt) = (value, text, actor, now);
    }

    public void AttachEvidence(StoredFile file, string actor, DateTime now) =>
        (EvidenceFileName, EvidenceContentType, EvidenceStoredPath, EvidenceSize, EvidenceSha256, EnteredBy, EnteredAt) = (file.FileName, file.ContentType, file.StoredPath, file.Size, file.Sha256, actor, now);
}
