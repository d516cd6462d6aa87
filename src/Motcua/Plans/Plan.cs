using System.Text.RegularExpressions;
using Motcua.Common;

namespace Motcua.Plans;

/// <summary>The plan's details as an officer enters or changes them (checked by <see cref="Plan"/>).</summary>
internal sealed record PlanFields(string? NumberAndSymbol, Guid IssuingUnitId, DateOnly? IssuedOn, string? Title, string? Purpose, int? Year);

/// <summary>
/// A plan (kế hoạch) or directive (công văn) of a unit: its number and symbol ("41/KH-UBND"), date,
/// title, purpose and year, and optionally the source document it was read from. Its tasks are
/// <see cref="PlanTask"/>s, each owning its own progress.
/// </summary>
internal sealed partial class Plan
{
    public const int MaxTitle = 500;
    public const int MaxPurpose = 4000;

    private Plan()
    {
        NumberAndSymbol = Title = CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>"41/KH-UBND": the number and symbol of the document (Decree 30/2020).</summary>
    public string NumberAndSymbol { get; private set; }

    /// <summary>The unit that issued the plan; its reform officers and leaders run it.</summary>
    public Guid IssuingUnitId { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public string Title { get; private set; }

    public string? Purpose { get; private set; }

    /// <summary>The year the plan is for (a plan issued in December may be for the next year).</summary>
    public int Year { get; private set; }

    /// <summary>The uploaded source document (.docx, .pdf or .txt), kept under the data directory.</summary>
    public StoredFile? Source => SourcePath is null ? null : new StoredFile(SourceFileName!, SourceContentType!, SourcePath, SourceSize ?? 0, SourceSha256!);

    public string? SourceFileName { get; private set; }

    public string? SourceContentType { get; private set; }

    /// <summary>Relative to the data directory's <c>plans</c> folder.</summary>
    public string? SourcePath { get; private set; }

    public long? SourceSize { get; private set; }

    public string? SourceSha256 { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Plan Create(PlanFields details, string actor, DateTime now)
    {
        var plan = new Plan { Id = Guid.NewGuid(), CreatedBy = actor, CreatedAt = now };
        plan.Apply(details, now);
        return plan;
    }

    public void Change(PlanFields details, DateTime now)
    {
        if (details.IssuingUnitId != IssuingUnitId)
        {
            // Scope and the right to review follow the issuing unit; moving a plan would hand its history to another unit.
            throw new DomainException("issuingUnit", "The issuing unit of a plan cannot be changed.");
        }

        Apply(details, now);
    }

    public void AttachSource(StoredFile source, DateTime now)
    {
        (SourceFileName, SourceContentType, SourcePath, SourceSize, SourceSha256) = (source.FileName, source.ContentType, source.StoredPath, source.Size, source.Sha256);
        UpdatedAt = now;
    }

    /// <summary>"41/KH-UBND", "41 /KH-UBND" (as typed in many plans), "3742/UBND-VP", "44-KH/TU".</summary>
    public static string? NormaliseNumber(string? text)
    {
        var trimmed = Regex.Replace(text?.Trim() ?? string.Empty, @"\s*([/\-])\s*", "$1");
        return NumberPattern().IsMatch(trimmed) ? trimmed.ToUpperInvariant() : null;
    }

    [GeneratedRegex(@"^\d{1,6}[/\-][\p{L}\d]+([/\-][\p{L}\d]+)*$")]
    private static partial Regex NumberPattern();

    private void Apply(PlanFields details, DateTime now)
    {
        var number = NormaliseNumber(details.NumberAndSymbol)
            ?? throw new DomainException("numberAndSymbol", "Write the number and symbol like 41/KH-UBND.");
        var title = details.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > MaxTitle)
        {
            throw new DomainException("title", "The title is required (at most {0} characters).", MaxTitle);
        }

        if (details.IssuedOn is not { } issuedOn || issuedOn.Year < 2000 || issuedOn > DateOnly.FromDateTime(now).AddDays(1))
        {
            throw new DomainException("issuedOn", "The date of issue is required and cannot be in the future.");
        }

        var year = details.Year ?? issuedOn.Year;
        if (year < issuedOn.Year - 1 || year > issuedOn.Year + 5)
        {
            throw new DomainException("year", "The plan's year must be close to its date of issue.");
        }

        var purpose = string.IsNullOrWhiteSpace(details.Purpose) ? null : details.Purpose.Trim();
        if (purpose?.Length > MaxPurpose)
        {
            throw new DomainException("purpose", "The purpose is at most {0} characters.", MaxPurpose);
        }

        NumberAndSymbol = number;
        IssuingUnitId = details.IssuingUnitId;
        IssuedOn = issuedOn;
        Title = title;
        Purpose = purpose;
        Year = year;
        UpdatedAt = now;
    }
}

/// <summary>A file kept under the data directory (never under wwwroot): its name, checked type, size and hash.</summary>
internal sealed record StoredFile(string FileName, string ContentType, string StoredPath, long Size, string Sha256);
