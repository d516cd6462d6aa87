using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Organisation.Contracts;
using Motcua.Procedures.Contracts;
using Motcua.Procedures.Data;

namespace Motcua.Procedures;

internal sealed record UnitProcedureView(Procedure Procedure, string? DepartmentCode);

/// <summary>Reads and changes the catalogue and which units handle which procedures.</summary>
internal sealed class ProcedureCatalogue(ProceduresDbContext db, IUnitDirectory units, ICurrentUser user) : IProcedureCatalogue
{
    public async Task<ProcedureSnapshot?> FindForUnitAsync(Guid unitId, string procedureCode, string? variantCode, CancellationToken cancellationToken = default)
    {
        // One procedure with its few variants and documents: a single query (a join) is one round trip where
        // the split query of the listings would take three, on every dossier received.
        var procedure = await db.Procedures.AsSingleQuery().AsNoTracking().FirstOrDefaultAsync(p => p.Code == procedureCode, cancellationToken);
        if (procedure is null)
        {
            return null;
        }

        var handled = await db.UnitProcedures.AsNoTracking().FirstOrDefaultAsync(u => u.UnitId == unitId && u.ProcedureId == procedure.Id, cancellationToken);
        if (handled is null || procedure.FindVariant(variantCode) is not { } variant)
        {
            return null;
        }

        return new ProcedureSnapshot(
            procedure.Code,
            procedure.Name,
            procedure.Field,
            Names.Of(procedure.OnlineLevel),
            procedure.PostalIntake,
            procedure.PostalReturn,
            variant.Code,
            variant.Name,
            Names.Normal(variant.ProcessingTime),
            variant.TimeUnit == TimeUnit.WorkingDays,
            variant.Fee,
            handled.DepartmentCode,
            [.. variant.Documents.Select(d => new ChecklistItem(d.Name, d.Originals, d.Copies, d.FormTemplate))],
            variant.Steps);
    }

    public async Task<IReadOnlySet<string>> CodesAsync(CancellationToken cancellationToken = default) =>
        (await db.Procedures.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ProcedureChoice>> ChoicesForUnitAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        [.. (await ListForUnitAsync(unitId, cancellationToken)).Select(v => new ProcedureChoice(
            v.Procedure.Code,
            v.Procedure.Name,
            v.Procedure.Field,
            Names.Of(v.Procedure.OnlineLevel),
            [.. v.Procedure.Variants.Select(x => new VariantChoice(
                x.Code, x.Name, Names.Normal(x.ProcessingTime), x.TimeUnit == TimeUnit.WorkingDays, x.Fee,
                [.. x.Documents.Select(d => new ChecklistItem(d.Name, d.Originals, d.Copies, d.FormTemplate))]))]))];

    /// <summary>The procedures a unit handles, by field and name (public: it is what the unit publishes).</summary>
    public async Task<IReadOnlyList<UnitProcedureView>> ListForUnitAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        var assignments = await db.UnitProcedures.AsNoTracking().Where(u => u.UnitId == unitId).ToListAsync(cancellationToken);
        var ids = assignments.Select(a => a.ProcedureId).ToList();
        var procedures = await db.Procedures.AsSplitQuery().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var departments = assignments.ToDictionary(a => a.ProcedureId, a => a.DepartmentCode);
        return [.. procedures
            .OrderBy(p => p.Field, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new UnitProcedureView(p, departments[p.Id]))];
    }

    public async Task<IReadOnlyList<Procedure>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Procedures.AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(p => p.Level).ThenBy(p => p.Field, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Sets the procedures a unit handles (replacing the list). Unit administrators may do it for the
    /// units in their scope; procedure codes that do not exist are refused as a whole.
    /// </summary>
    public async Task<int> AssignAsync(string unitCode, IReadOnlyList<(string ProcedureCode, string? DepartmentCode)> assignments, CancellationToken cancellationToken = default)
    {
        var unit = await units.FindByCodeAsync(unitCode.Trim().ToUpperInvariant(), cancellationToken);
        var scope = await user.GetScopeAsync(cancellationToken);
        if (unit is null || !scope.Contains(unit.Id))
        {
            throw new NotFoundException();
        }

        var codes = assignments.Select(a => a.ProcedureCode.Trim()).ToList();
        var procedures = await db.Procedures.AsSplitQuery().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, cancellationToken);
        if (codes.FirstOrDefault(c => !procedures.ContainsKey(c)) is { } unknown)
        {
            throw new DomainException("procedureCodes", "There is no procedure with code {0}.", unknown);
        }

        var existing = await db.UnitProcedures.Where(u => u.UnitId == unit.Id).ToListAsync(cancellationToken);
        db.UnitProcedures.RemoveRange(existing.Where(e => !procedures.Values.Any(p => p.Id == e.ProcedureId)));
        foreach (var (code, department) in assignments)
        {
            var procedure = procedures[code.Trim()];
            if (existing.FirstOrDefault(e => e.ProcedureId == procedure.Id) is { } kept)
            {
                kept.AssignTo(department);
            }
            else
            {
                db.UnitProcedures.Add(UnitProcedure.Create(unit.Id, procedure.Id, department));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return assignments.Count;
    }
}

/// <summary>The names used in files and the API (camelCase), and their parsing.</summary>
internal static class Names
{
    /// <summary>5.0 read back from a database column with a scale prints as 5, as the catalogue wrote it.</summary>
    public static decimal Normal(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Of(OnlineLevel level) => level switch
    {
        OnlineLevel.Full => "full",
        OnlineLevel.Partial => "partial",
        _ => "none",
    };

    public static string Of(TimeUnit unit) => unit == TimeUnit.CalendarDays ? "calendarDays" : "workingDays";

    public static string Of(ProcedureLevel level) => level == ProcedureLevel.Province ? "province" : "commune";

    public static bool TryParse(string? text, out OnlineLevel level)
    {
        (var ok, level) = text?.Trim().ToUpperInvariant() switch
        {
            "NONE" or "" or null => (true, OnlineLevel.None),
            "PARTIAL" or "MỘT PHẦN" => (true, OnlineLevel.Partial),
            "FULL" or "TOÀN TRÌNH" => (true, OnlineLevel.Full),
            _ => (false, OnlineLevel.None),
        };
        return ok;
    }

    public static bool TryParse(string? text, out TimeUnit unit)
    {
        (var ok, unit) = text?.Trim().ToUpperInvariant() switch
        {
            "WORKINGDAYS" or "" or null => (true, TimeUnit.WorkingDays),
            "CALENDARDAYS" => (true, TimeUnit.CalendarDays),
            _ => (false, TimeUnit.WorkingDays),
        };
        return ok;
    }

    public static bool TryParse(string? text, out ProcedureLevel level)
    {
        (var ok, level) = text?.Trim().ToUpperInvariant() switch
        {
            "COMMUNE" or "XÃ" or "" or null => (true, ProcedureLevel.Commune),
            "PROVINCE" or "TỈNH" => (true, ProcedureLevel.Province),
            _ => (false, ProcedureLevel.Commune),
        };
        return ok;
    }
}
