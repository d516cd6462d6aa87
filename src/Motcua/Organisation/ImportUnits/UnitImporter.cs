using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;
using Motcua.Organisation.Data;

namespace Motcua.Organisation.ImportUnits;

internal sealed record UnitImportResult(int Created, int Updated, int Successions);

/// <summary>
/// Imports units from CSV or XLSX with the columns
/// <c>code, name, kind, parentCode, validFrom, validTo, predecessorCodes, legalBasis, address, phone, email</c>.
/// Existing codes are updated (renamed, re-parented, closed, contact details), new codes created;
/// <c>predecessorCodes</c> (separated by ';' or '|') links successors and ends the predecessors the day
/// before. The whole file is checked first: one bad row rejects it all, with every row's message.
/// </summary>
internal sealed class UnitImporter(OrganisationDbContext db, ICurrentUser user, UnitDirectory directory, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public static readonly string[] Columns = ["code", "name", "kind", "parentCode", "validFrom", "validTo", "predecessorCodes", "legalBasis", "address", "phone", "email"];

    public async Task<UnitImportResult> ImportAsync(IReadOnlyList<TabularRow> rows, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (rows.Count == 0)
        {
            throw new ImportRejectedException([localizer["The file has no data rows."]]);
        }

        var scope = await user.GetScopeAsync(cancellationToken);
        var units = await db.Units.ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var existingCodes = units.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        var updated = 0;
        var successions = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var row in OrderParentsFirst(rows))
        {
            try
            {
                var code = AdministrativeUnit.NormaliseCode(row.Get("code"));
                if (!seen.Add(code))
                {
                    throw new DomainException("code", "Code {0} appears more than once in the file.", code);
                }

                var name = row.Get("name") ?? throw new DomainException("name", "The name is required and must be at most 200 characters.");
                if (!UnitKinds.TryParse(row.Get("kind"), out var kind))
                {
                    throw new DomainException("kind", "The unit kind is not one of: province, commune, ward, specialZone, district, township.");
                }

                var validFrom = ParseDate(row, "validFrom", required: true)!.Value;
                var validTo = ParseDate(row, "validTo", required: false);
                AdministrativeUnit? parent = null;
                if (row.Get("parentCode") is { } parentCode)
                {
                    parent = units.GetValueOrDefault(parentCode.Trim())
                        ?? throw new DomainException("parentCode", "There is no unit with code {0} that you may use.", parentCode);
                    if (existingCodes.Contains(parent.Code) && !scope.Contains(parent.Id))
                    {
                        throw new DomainException("parentCode", "There is no unit with code {0} that you may use.", parentCode);
                    }
                }
                else if (!scope.IsAll)
                {
                    throw new DomainException("parentCode", "Only a system administrator can import a unit without a parent.");
                }

                if (units.TryGetValue(code, out var unit))
                {
                    if (!scope.Contains(unit.Id))
                    {
                        throw new DomainException("code", "A unit with code {0} already exists.", code);
                    }

                    if (unit.Name != name.Trim())
                    {
                        db.UnitEvents.Add(unit.Rename(name, Max(validFrom, unit.ValidFrom), user.Actor, nowUtc));
                    }

                    if (unit.ParentId != parent?.Id)
                    {
                        db.UnitEvents.Add(unit.MoveTo(parent, Max(validFrom, unit.ValidFrom), user.Actor, nowUtc));
                    }

                    if (validTo is { } lastDay && unit.ValidTo is null)
                    {
                        db.UnitEvents.Add(unit.Close(lastDay, user.Actor, nowUtc));
                    }

                    updated++;
                }
                else
                {
                    unit = AdministrativeUnit.Create(code, name, kind, parent, validFrom, validTo);
                    units[code] = unit;
                    db.Units.Add(unit);
                    db.UnitEvents.Add(UnitEvent.Record(unit.Id, UnitEventKind.Imported, validFrom, null, unit.Name, user.Actor, nowUtc));
                    created++;
                }

                if (row.Get("address") is not null || row.Get("phone") is not null || row.Get("email") is not null)
                {
                    db.UnitEvents.Add(unit.UpdateContact(row.Get("address"), row.Get("phone"), row.Get("email"), user.Actor, nowUtc));
                }

                successions += LinkPredecessors(row, unit, units, scope, nowUtc);
            }
            catch (DomainException exception)
            {
                errors.Add(localizer["Row {0}: {1}", row.Number, exception.Localize(localizer)]);
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new ImportRejectedException(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate();
        return new UnitImportResult(created, updated, successions);
    }

    private int LinkPredecessors(TabularRow row, AdministrativeUnit unit, Dictionary<string, AdministrativeUnit> units, UnitScope scope, DateTime nowUtc)
    {
        if (row.Get("predecessorCodes") is not { } list)
        {
            return 0;
        }

        var codes = list.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var code in codes)
        {
            var predecessor = units.GetValueOrDefault(code);
            if (predecessor is null || (db.Entry(predecessor).State != EntityState.Added && !scope.Contains(predecessor.Id)))
            {
                throw new DomainException("predecessorCodes", "There is no unit with code {0} that you may use.", code);
            }

            if (predecessor.Id == unit.Id)
            {
                throw new DomainException("predecessorCodes", "A unit cannot succeed itself.");
            }

            if (predecessor.ValidTo is null)
            {
                db.UnitEvents.Add(predecessor.Close(unit.ValidFrom.AddDays(-1), user.Actor, nowUtc, UnitEventKind.MergedInto));
            }

            var kind = codes.Length > 1 ? SuccessionKind.Merger : SuccessionKind.Split;
            db.Successions.Add(UnitSuccession.Link(predecessor.Id, unit.Id, kind, unit.ValidFrom, row.Get("legalBasis")));
        }

        return codes.Length;
    }

    private static DateOnly? ParseDate(TabularRow row, string column, bool required)
    {
        var text = row.Get(column);
        if (text is null)
        {
            return required ? throw new DomainException(column, "The date {0} is required.", column) : null;
        }

        return TabularFile.TryParseDate(text, out var date)
            ? date
            : throw new DomainException(column, "{0} is not a date (use yyyy-MM-dd or dd/MM/yyyy).", text);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Rows whose parent or predecessor is defined further down the file are applied after it.</summary>
    private static List<TabularRow> OrderParentsFirst(IReadOnlyList<TabularRow> rows)
    {
        var byCode = rows.Where(r => r.Get("code") is not null)
            .GroupBy(r => r.Get("code")!.Trim().ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.First());
        var ordered = new List<TabularRow>();
        var state = new Dictionary<TabularRow, bool>();

        void Visit(TabularRow row)
        {
            if (state.TryGetValue(row, out var done))
            {
                // a cycle is left in file order; the rule checks then report it on the row
                _ = done;
                return;
            }

            state[row] = false;
            var dependencies = new List<string>();
            if (row.Get("parentCode") is { } parent)
            {
                dependencies.Add(parent.Trim().ToUpperInvariant());
            }

            if (row.Get("predecessorCodes") is { } predecessors)
            {
                dependencies.AddRange(predecessors.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()));
            }

            foreach (var dependency in dependencies)
            {
                if (byCode.TryGetValue(dependency, out var other) && other != row)
                {
                    Visit(other);
                }
            }

            state[row] = true;
            ordered.Add(row);
        }

        foreach (var row in rows)
        {
            Visit(row);
        }

        return ordered;
    }
}
