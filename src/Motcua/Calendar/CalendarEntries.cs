using Motcua.Common;

namespace Motcua.Calendar;

/// <summary>
/// An administrator's dated exception to the statutory calendar: an extra day off, or a make-up working
/// day (two of them linked by <see cref="SwapGroupId"/> make a swapped day). Entries are never edited
/// or deleted: a mistake is revoked and a new entry added, so every calendar version can be rebuilt.
/// <see cref="UnitId"/> null applies to every unit; otherwise to the unit and the units below it.
/// </summary>
internal sealed class CalendarOverrideEntry
{
    private CalendarOverrideEntry()
    {
        Name = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid? UnitId { get; private set; }

    public DateOnly Date { get; private set; }

    public OverrideKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>The announcement it implements, e.g. "Thông báo 6150/TB-BNV".</summary>
    public string? LegalBasis { get; private set; }

    public Guid? SwapGroupId { get; private set; }

    public long Revision { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public long? RevokedInRevision { get; private set; }

    public string? RevokedBy { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public string? RevocationReason { get; private set; }

    public bool IsActive => RevokedInRevision is null;

    public static CalendarOverrideEntry Create(
        Guid? unitId, DateOnly date, OverrideKind kind, string name, string? legalBasis, Guid? swapGroupId, long revision, string actor, DateTime nowUtc)
    {
        if (date.Year is < 1900 or > 2100)
        {
            throw new DomainException("date", "The date must be between 1900 and 2100.");
        }

        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 200)
        {
            throw new DomainException("name", "The name is required and must be at most 200 characters.");
        }

        return new CalendarOverrideEntry
        {
            Id = Guid.CreateVersion7(),
            UnitId = unitId,
            Date = date,
            Kind = kind,
            Name = trimmed,
            LegalBasis = string.IsNullOrWhiteSpace(legalBasis) ? null : legalBasis.Trim(),
            SwapGroupId = swapGroupId,
            Revision = revision,
            CreatedBy = actor,
            CreatedAtUtc = nowUtc,
        };
    }

    public void Revoke(string? reason, long revision, string actor, DateTime nowUtc)
    {
        if (!IsActive)
        {
            throw new DomainException("This override has already been revoked.");
        }

        RevokedInRevision = revision;
        RevokedBy = actor;
        RevokedAtUtc = nowUtc;
        RevocationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public CalendarOverride ToRule() => new(Date, Kind, Name);
}

/// <summary>Office hours of a unit (or, with <see cref="UnitId"/> null, of every unit) from a date on.</summary>
internal sealed class OfficeHoursEntry
{
    private OfficeHoursEntry()
    {
        Sessions = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid? UnitId { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>"07:30-11:30,13:30-17:00".</summary>
    public string Sessions { get; private set; }

    public long Revision { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public static OfficeHoursEntry Create(Guid? unitId, DateOnly validFrom, string sessions, long revision, string actor, DateTime nowUtc)
    {
        if (!OfficeHours.TryParse(sessions, out var hours) || hours is null)
        {
            throw new DomainException("sessions", "Office hours must look like 07:30-11:30,13:30-17:00: ordered, non-overlapping sessions.");
        }

        return new OfficeHoursEntry
        {
            Id = Guid.CreateVersion7(),
            UnitId = unitId,
            ValidFrom = validFrom,
            Sessions = hours.ToString(),
            Revision = revision,
            CreatedBy = actor,
            CreatedAtUtc = nowUtc,
        };
    }

    public OfficeHours ToOfficeHours() => OfficeHours.TryParse(Sessions, out var hours) && hours is not null ? hours : OfficeHours.Default;
}

/// <summary>
/// One calendar version: every change to overrides or office hours creates the next revision with
/// who, when and what. Its number is the calendar version a deadline records, so the deadline can be
/// explained and recomputed when the calendar changes later.
/// </summary>
/// <summary>What a calendar revision did; stored as text, shown translated in the audit trail.</summary>
internal static class CalendarRevisionAction
{
    public const string OverrideAdded = nameof(OverrideAdded);
    public const string SwapAdded = nameof(SwapAdded);
    public const string OverrideRevoked = nameof(OverrideRevoked);
    public const string OfficeHoursSet = nameof(OfficeHoursSet);
    public const string OverridesImported = nameof(OverridesImported);

    public static IReadOnlyList<string> All { get; } = [OverrideAdded, SwapAdded, OverrideRevoked, OfficeHoursSet, OverridesImported];
}

internal sealed class CalendarRevision
{
    private CalendarRevision()
    {
        Actor = string.Empty;
        Action = string.Empty;
        Details = string.Empty;
    }

    public long Number { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string Actor { get; private set; }

    public string Action { get; private set; }

    public Guid? UnitId { get; private set; }

    public string Details { get; private set; }

    public static CalendarRevision Record(long number, string actor, string action, Guid? unitId, string details, DateTime nowUtc) =>
        new() { Number = number, Actor = actor, Action = action, UnitId = unitId, Details = details, AtUtc = nowUtc };
}
