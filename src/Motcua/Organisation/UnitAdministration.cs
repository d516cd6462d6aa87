using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Organisation.Data;

namespace Motcua.Organisation;

internal sealed record NewUnit(string Code, string Name, UnitKind Kind, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo = null);

/// <summary>
/// The write side of the unit tree. Every operation checks the caller's scope, lets the entity apply
/// its rules, records history and saves in one transaction; nothing is partly applied.
/// </summary>
internal sealed class UnitAdministration(OrganisationDbContext db, ICurrentUser user, UnitDirectory directory, TimeProvider clock)
{
    public async Task<AdministrativeUnit> CreateAsync(NewUnit input, CancellationToken cancellationToken = default)
    {
        var parent = input.ParentCode is { Length: > 0 } parentCode ? await RequireUnitAsync(parentCode, "parentCode", cancellationToken) : null;
        await RequireScopeForNewUnitAsync(parent, cancellationToken);
        var code = AdministrativeUnit.NormaliseCode(input.Code);
        if (await db.Units.AnyAsync(u => u.Code == code, cancellationToken))
        {
            throw new DomainException("code", "A unit with code {0} already exists.", code);
        }

        var unit = AdministrativeUnit.Create(code, input.Name, input.Kind, parent, input.ValidFrom, input.ValidTo);
        db.Units.Add(unit);
        db.UnitEvents.Add(UnitEvent.Record(unit.Id, UnitEventKind.Created, unit.ValidFrom, null, unit.Name, user.Actor, Now));
        await SaveAsync(cancellationToken);
        return unit;
    }

    public async Task RenameAsync(string code, string newName, DateOnly effectiveOn, CancellationToken cancellationToken = default)
    {
        var unit = await RequireInScopeAsync(code, cancellationToken);
        db.UnitEvents.Add(unit.Rename(newName, effectiveOn, user.Actor, Now));
        await SaveAsync(cancellationToken);
    }

    public async Task MoveAsync(string code, string? newParentCode, DateOnly effectiveOn, CancellationToken cancellationToken = default)
    {
        var unit = await RequireInScopeAsync(code, cancellationToken);
        var parent = newParentCode is { Length: > 0 } ? await RequireUnitAsync(newParentCode, "parentCode", cancellationToken) : null;
        await RequireScopeForNewUnitAsync(parent, cancellationToken);
        db.UnitEvents.Add(unit.MoveTo(parent, effectiveOn, user.Actor, Now));
        await SaveAsync(cancellationToken);
    }

    public async Task UpdateContactAsync(string code, string? address, string? phone, string? email, CancellationToken cancellationToken = default)
    {
        var unit = await RequireInScopeAsync(code, cancellationToken);
        db.UnitEvents.Add(unit.UpdateContact(address, phone, email, user.Actor, Now));
        await SaveAsync(cancellationToken);
    }

    public async Task CloseAsync(string code, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        var unit = await RequireInScopeAsync(code, cancellationToken);
        if (await db.Units.AnyAsync(u => u.ParentId == unit.Id && (u.ValidTo == null || u.ValidTo > lastDay), cancellationToken))
        {
            throw new DomainException("effectiveOn", "Unit {0} still has units under it after {1}; move or close them first.", unit.Code, Format(lastDay));
        }

        db.UnitEvents.Add(unit.Close(lastDay, user.Actor, Now));
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Merges <paramref name="sourceCodes"/> into a unit that exists from <paramref name="effectiveOn"/>:
    /// either one of the sources that continues (<paramref name="continuingCode"/>) or a new unit.
    /// The other sources' last day is the day before; each gets a succession link.
    /// </summary>
    public async Task<AdministrativeUnit> MergeAsync(
        IReadOnlyList<string> sourceCodes, string? continuingCode, NewUnit? newUnit, DateOnly effectiveOn, string? legalBasis, CancellationToken cancellationToken = default)
    {
        var codes = sourceCodes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count < (continuingCode is null ? 1 : 2))
        {
            throw new DomainException("sourceCodes", "Choose the units to merge.");
        }

        if ((continuingCode is null) == (newUnit is null))
        {
            throw new DomainException("target", "Either choose one of the merged units to continue, or describe the new unit.");
        }

        var sources = new List<AdministrativeUnit>();
        foreach (var code in codes)
        {
            sources.Add(await RequireInScopeAsync(code, cancellationToken));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        AdministrativeUnit target;
        if (continuingCode is not null)
        {
            target = sources.SingleOrDefault(s => string.Equals(s.Code, continuingCode.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainException("continuingCode", "The continuing unit must be one of the merged units.");
        }
        else
        {
            target = await CreateAsync(newUnit! with { ValidFrom = effectiveOn }, cancellationToken);
        }

        foreach (var source in sources.Where(s => s.Id != target.Id))
        {
            await ReparentChildrenAsync(source, target, effectiveOn, cancellationToken);
            // Recording a past merger: a source may already have ended, but only on the day before.
            if (source.ValidTo is null)
            {
                db.UnitEvents.Add(source.Close(effectiveOn.AddDays(-1), user.Actor, Now, UnitEventKind.MergedInto));
            }
            else if (source.ValidTo != effectiveOn.AddDays(-1))
            {
                throw new DomainException("effectiveOn", "Unit {0} ceased on {1}, not on the day before the merger.", source.Code, Format(source.ValidTo.Value));
            }

            db.Successions.Add(UnitSuccession.Link(source.Id, target.Id, SuccessionKind.Merger, effectiveOn, legalBasis));
        }

        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return target;
    }

    /// <summary>Splits a unit into new units from <paramref name="effectiveOn"/>; the old unit ceases the day before.</summary>
    public async Task<IReadOnlyList<AdministrativeUnit>> SplitAsync(
        string sourceCode, IReadOnlyList<NewUnit> parts, DateOnly effectiveOn, string? legalBasis, CancellationToken cancellationToken = default)
    {
        if (parts.Count < 2)
        {
            throw new DomainException("parts", "A split needs at least two new units.");
        }

        var source = await RequireInScopeAsync(sourceCode, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = new List<AdministrativeUnit>();
        foreach (var part in parts)
        {
            var unit = await CreateAsync(part with { ValidFrom = effectiveOn }, cancellationToken);
            db.Successions.Add(UnitSuccession.Link(source.Id, unit.Id, SuccessionKind.Split, effectiveOn, legalBasis));
            created.Add(unit);
        }

        if (await db.Units.AnyAsync(u => u.ParentId == source.Id && u.ValidTo == null, cancellationToken))
        {
            throw new DomainException("sourceCode", "Unit {0} still has units under it; move them to the new units first.", source.Code);
        }

        db.UnitEvents.Add(source.Close(effectiveOn.AddDays(-1), user.Actor, Now, UnitEventKind.SplitInto));
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<Department> AddDepartmentAsync(string unitCode, string code, string name, DepartmentKind kind, CancellationToken cancellationToken = default)
    {
        var unit = await RequireInScopeAsync(unitCode, cancellationToken);
        var normalised = AdministrativeUnit.NormaliseCode(code);
        if (await db.Departments.AnyAsync(d => d.UnitId == unit.Id && d.Code == normalised, cancellationToken))
        {
            throw new DomainException("code", "Unit {0} already has a department with code {1}.", unit.Code, normalised);
        }

        var department = Department.Create(unit, normalised, name, kind, VietnamTime.Today(clock));
        db.Departments.Add(department);
        await SaveAsync(cancellationToken);
        return department;
    }

    public async Task UpdateDepartmentAsync(string unitCode, string code, string name, DepartmentKind kind, bool isActive, CancellationToken cancellationToken = default)
    {
        var unit = await RequireInScopeAsync(unitCode, cancellationToken);
        var normalised = code.Trim().ToUpperInvariant();
        var department = await db.Departments.SingleOrDefaultAsync(d => d.UnitId == unit.Id && d.Code == normalised, cancellationToken)
            ?? throw new NotFoundException();
        department.Update(name, kind, isActive);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Finds a unit the caller may change, or says it does not exist (units outside the scope are invisible).</summary>
    public async Task<AdministrativeUnit> RequireInScopeAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == normalised, cancellationToken);
        var scope = await user.GetScopeAsync(cancellationToken);
        return unit is not null && scope.Contains(unit.Id) ? unit : throw new NotFoundException();
    }

    private async Task ReparentChildrenAsync(AdministrativeUnit from, AdministrativeUnit to, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var children = await db.Units.Where(u => u.ParentId == from.Id && u.ValidTo == null).ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            db.UnitEvents.Add(child.MoveTo(to, effectiveOn, user.Actor, Now));
        }
    }

    private async Task<AdministrativeUnit> RequireUnitAsync(string code, string field, CancellationToken cancellationToken)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == normalised, cancellationToken);
        var scope = await user.GetScopeAsync(cancellationToken);
        return unit is not null && scope.Contains(unit.Id)
            ? unit
            : throw new DomainException(field, "There is no unit with code {0} that you may use.", normalised);
    }

    /// <summary>Only a system administrator creates top-level units; others create units under their scope.</summary>
    private async Task RequireScopeForNewUnitAsync(AdministrativeUnit? parent, CancellationToken cancellationToken)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        if (parent is null ? !scope.IsAll : !scope.Contains(parent.Id))
        {
            throw new ForbiddenException();
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Someone else changed this unit at the same time. Reload and try again.");
        }

        directory.Invalidate();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Format(DateOnly date) => date.ToString(Common.Localization.Cultures.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
}
