using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;

namespace Motcua.Calendar.ImportOverrides;

/// <summary>
/// Imports the yearly announcement of days off and make-up days from CSV or XLSX with the columns
/// <c>date, kind (dayOff|workingDay), name, legalBasis, unitCode</c>. Every row is checked against the
/// same rules as the form; one bad row rejects the whole file and nothing is applied. The whole file
/// is one calendar revision.
/// </summary>
internal sealed class OverrideImporter(CalendarAdministration administration, Data.CalendarDbContext db, Access.Contracts.ICurrentUser user, Organisation.Contracts.IUnitDirectory units, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public static readonly string[] Columns = ["date", "kind", "name", "legalBasis", "unitCode"];

    public async Task<int> ImportAsync(IReadOnlyList<TabularRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            throw new ImportRejectedException([localizer["The file has no data rows."]]);
        }

        var parsed = new List<(TabularRow Row, DateOnly Date, OverrideKind Kind, string Name, string? LegalBasis, string? UnitCode)>();
        var errors = new List<string>();
        var seen = new HashSet<(string?, DateOnly)>();
        var scope = await user.GetScopeAsync(cancellationToken);
        foreach (var row in rows)
        {
            try
            {
                if (!TabularFile.TryParseDate(row.Get("date"), out var date))
                {
                    throw new DomainException("date", "{0} is not a date (use yyyy-MM-dd or dd/MM/yyyy).", row.Get("date") ?? string.Empty);
                }

                if (!TryParseKind(row.Get("kind"), out var kind))
                {
                    throw new DomainException("kind", "The kind must be dayOff or workingDay.");
                }

                var unitCode = row.Get("unitCode")?.ToUpperInvariant();
                if (unitCode is null ? !scope.IsAll : await units.FindByCodeAsync(unitCode, cancellationToken) is not { } unit || !scope.Contains(unit.Id))
                {
                    throw unitCode is null
                        ? new DomainException("unitCode", "Only a system administrator can change the national calendar; give a unitCode.")
                        : new DomainException("unitCode", "There is no unit with code {0} that you may use.", unitCode);
                }

                if (!seen.Add((unitCode, date)))
                {
                    throw new DomainException("date", "The date {0} appears more than once for the same unit.", date.ToString(Cultures.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
                }

                var name = row.Get("name") ?? throw new DomainException("name", "The name is required and must be at most 200 characters.");
                // Validate with the entity's own rules before anything is written.
                _ = CalendarOverrideEntry.Create(null, date, kind, name, row.Get("legalBasis"), null, 0, user.Actor, clock.GetUtcNow().UtcDateTime);
                parsed.Add((row, date, kind, name, row.Get("legalBasis"), unitCode));
            }
            catch (DomainException exception)
            {
                errors.Add(localizer["Row {0}: {1}", row.Number, exception.Localize(localizer)]);
            }
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var unitIds = new Dictionary<string, Guid>();
        foreach (var code in parsed.Select(p => p.UnitCode).OfType<string>().Distinct())
        {
            unitIds[code] = (await units.FindByCodeAsync(code, cancellationToken))!.Id;
        }

        await administration.InRevisionAsync(parsed.Select(p => p.UnitCode).Distinct().Count() == 1 ? parsed[0].UnitCode : null, (_, revision) =>
        {
            var active = db.Overrides.Where(o => o.RevokedInRevision == null).Select(o => new { o.UnitId, o.Date }).ToHashSet();
            var rowErrors = new List<string>();
            foreach (var item in parsed)
            {
                Guid? unitId = item.UnitCode is null ? null : unitIds[item.UnitCode];
                if (active.Contains(new { UnitId = unitId, item.Date }))
                {
                    rowErrors.Add(localizer["Row {0}: {1}", item.Row.Number, localizer["There is already an override on {0} for this scope; revoke it first.", item.Date.ToString(Cultures.DateFormat, System.Globalization.CultureInfo.InvariantCulture)]]);
                    continue;
                }

                db.Overrides.Add(CalendarOverrideEntry.Create(unitId, item.Date, item.Kind, item.Name, item.LegalBasis, null, revision, user.Actor, clock.GetUtcNow().UtcDateTime));
            }

            if (rowErrors.Count > 0)
            {
                db.ChangeTracker.Clear();
                throw new ImportRejectedException(rowErrors);
            }

            return Task.FromResult((parsed.Count, CalendarRevisionAction.OverridesImported, $"{parsed.Count} override(s) imported"));
        }, cancellationToken);
        return parsed.Count;
    }

    internal static bool TryParseKind(string? text, out OverrideKind kind)
    {
        kind = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "dayoff" or "day off" or "nghỉ" or "ngày nghỉ":
                kind = OverrideKind.DayOff;
                return true;
            case "workingday" or "working day" or "làm việc" or "ngày làm việc" or "làm bù":
                kind = OverrideKind.WorkingDay;
                return true;
            default:
                return false;
        }
    }
}
