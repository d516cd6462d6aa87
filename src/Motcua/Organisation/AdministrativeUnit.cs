using System.Text.RegularExpressions;
using Motcua.Common;
using Motcua.Organisation.Contracts;

namespace Motcua.Organisation;

/// <summary>
/// A province, commune, ward or special zone (or, in history, a district or township). Units are
/// never deleted: a unit that stops existing gets <see cref="ValidTo"/> (its last day) and, when it was
/// merged or split, succession links to the units that took over, so figures stay comparable.
/// </summary>
internal sealed partial class AdministrativeUnit
{
    private AdministrativeUnit()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The official code (mã đơn vị hành chính), unique for all time.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public UnitKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day the unit existed; null while it exists.</summary>
    public DateOnly? ValidTo { get; private set; }

    public string? Address { get; private set; }

    /// <summary>The hotline published with the unit's procedures.</summary>
    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Optimistic concurrency: two administrators editing one unit cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    public static AdministrativeUnit Create(string code, string name, UnitKind kind, AdministrativeUnit? parent, DateOnly validFrom, DateOnly? validTo = null)
    {
        code = NormaliseCode(code);
        name = RequireName(name);
        if (validTo is { } last && last < validFrom)
        {
            throw new DomainException("validTo", "The last day must not be before the first day.");
        }

        if (UnitKinds.LastDay(kind) is { } kindLastDay && (validFrom > kindLastDay || validTo is null || validTo > kindLastDay))
        {
            throw new DomainException("kind", "Units of this kind exist only until {0}.", kindLastDay.ToString(Common.Localization.Cultures.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
        }

        var unit = new AdministrativeUnit
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = name,
            Kind = kind,
            ValidFrom = validFrom,
            ValidTo = validTo,
        };
        unit.AttachTo(parent, validFrom);
        return unit;
    }

    public UnitEvent Rename(string newName, DateOnly effectiveOn, string actor, DateTime nowUtc)
    {
        newName = RequireName(newName);
        RequireValidOn(effectiveOn);
        if (newName == Name)
        {
            throw new DomainException("name", "The new name is the same as the current one.");
        }

        var old = Name;
        Name = newName;
        Version++;
        return UnitEvent.Record(Id, UnitEventKind.Renamed, effectiveOn, old, newName, actor, nowUtc);
    }

    public UnitEvent MoveTo(AdministrativeUnit? newParent, DateOnly effectiveOn, string actor, DateTime nowUtc)
    {
        RequireValidOn(effectiveOn);
        var old = ParentId;
        AttachTo(newParent, effectiveOn);
        Version++;
        return UnitEvent.Record(Id, UnitEventKind.Moved, effectiveOn, old?.ToString(), newParent?.Code, actor, nowUtc);
    }

    public UnitEvent UpdateContact(string? address, string? phone, string? email, string actor, DateTime nowUtc)
    {
        if (!string.IsNullOrWhiteSpace(email) && !EmailPattern().IsMatch(email.Trim()))
        {
            throw new DomainException("email", "The e-mail address is not valid.");
        }

        if (!string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(phone.Trim()))
        {
            throw new DomainException("phone", "The phone number may contain only digits, spaces, dots, dashes, parentheses and a leading +.");
        }

        Address = Clean(address);
        Phone = Clean(phone);
        Email = Clean(email);
        Version++;
        return UnitEvent.Record(Id, UnitEventKind.ContactUpdated, null, null, $"{Address} | {Phone} | {Email}", actor, nowUtc);
    }

    /// <summary>Ends the unit's existence; <paramref name="lastDay"/> is its last day.</summary>
    public UnitEvent Close(DateOnly lastDay, string actor, DateTime nowUtc, UnitEventKind reason = UnitEventKind.Closed)
    {
        if (ValidTo is not null)
        {
            throw new DomainException("Unit {0} has already ceased to exist.", Code);
        }

        if (lastDay < ValidFrom)
        {
            throw new DomainException("effectiveOn", "A unit cannot cease to exist before it was established ({0}).", ValidFrom.ToString(Common.Localization.Cultures.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
        }

        ValidTo = lastDay;
        Version++;
        return UnitEvent.Record(Id, reason, lastDay, null, null, actor, nowUtc);
    }

    private void AttachTo(AdministrativeUnit? parent, DateOnly on)
    {
        if (parent is null)
        {
            if (!UnitKinds.IsTopLevel(Kind))
            {
                throw new DomainException("parentCode", "A unit of this kind must belong to a parent unit.");
            }

            ParentId = null;
            return;
        }

        if (parent.Id == Id)
        {
            throw new DomainException("parentCode", "A unit cannot be its own parent.");
        }

        if (!UnitKinds.MayHaveParent(Kind, parent.Kind, on))
        {
            throw new DomainException("parentCode", "A unit of kind {0} cannot belong to a unit of kind {1} on {2}.", Kind, parent.Kind, on.ToString(Common.Localization.Cultures.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!parent.IsValidOn(on))
        {
            throw new DomainException("parentCode", "The parent unit {0} does not exist on {1}.", parent.Code, on.ToString(Common.Localization.Cultures.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
        }

        ParentId = parent.Id;
    }

    private void RequireValidOn(DateOnly date)
    {
        if (!IsValidOn(date))
        {
            throw new DomainException("effectiveOn", "Unit {0} does not exist on {1}.", Code, date.ToString(Common.Localization.Cultures.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static string NormaliseCode(string? code)
    {
        var value = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePattern().IsMatch(value))
        {
            throw new DomainException("code", "The code must be 1 to 20 letters, digits, dots, dashes or underscores.");
        }

        return value;
    }

    private static string RequireName(string? name)
    {
        var value = name?.Trim() ?? string.Empty;
        if (value.Length is 0 or > 200)
        {
            throw new DomainException("name", "The name is required and must be at most 200 characters.");
        }

        return value;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Z0-9._-]{1,20}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ().-]{3,30}$")]
    private static partial Regex PhonePattern();
}
