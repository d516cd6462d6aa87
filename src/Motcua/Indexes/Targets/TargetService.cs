using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Indexes.Data;
using Motcua.Indexes.IndicatorSets;
using Motcua.Indexes.ServiceIndex;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.Targets;

internal sealed record TargetInput([MaxLength(20)] string? Unit, [MaxLength(60)] string? Indicator, int? Year, double? Value, [MaxLength(500), MultiLine] string? Note);

/// <summary>A target in force for a unit and year: its own, inherited from a unit above, or the set's default; with the year's figure so far.</summary>
internal sealed record TargetView(
    string Indicator, double Target, string Source, string? SetForUnit, string? Note, string? SetBy, DateTime? SetAt, double? Actual, double? Variance, bool LowerIsBetter);

internal sealed record TargetList(string Unit, string UnitName, int Year, DateOnly? From, DateOnly? To, IReadOnlyList<TargetView> Targets);

/// <summary>
/// Targets per indicator, unit and year (chỉ tiêu), entered one at a time or imported from a file. A unit
/// without its own target uses its nearest ancestor's, then the indicator set's default. Administrators
/// and reform officers set them for the units in their scope.
/// </summary>
internal sealed class TargetService(IndexesDbContext db, ServiceIndexService index, IUnitDirectory units, ICurrentUser user, TimeProvider time, IStringLocalizer<SharedResource> localizer)
{
    public static readonly string[] Editors = [Roles.SystemAdmin, Roles.UnitAdmin, Roles.ReformOfficer];

    public static readonly string[] Columns = ["unit", "indicator", "year", "value", "note"];

    public bool CanEdit => Editors.Any(user.IsInRole);

    public async Task SetAsync(TargetInput input, CancellationToken cancellationToken = default)
    {
        EnsureEditor();
        var scope = await user.GetScopeAsync(cancellationToken);
        var (known, _) = await IndicatorCatalogue.KnownAsync(db, cancellationToken);
        var target = await ValidateAsync(input, scope, known, cancellationToken);
        await UpsertAsync([target], cancellationToken);
    }

    /// <summary>All or nothing: every row is checked first; one bad row rejects the file with every row's message.</summary>
    public async Task<int> ImportAsync(IReadOnlyList<TabularRow> rows, CancellationToken cancellationToken = default)
    {
        EnsureEditor();
        if (rows.Count == 0)
        {
            throw new ImportRejectedException([localizer["The file has no data rows."]]);
        }

        var scope = await user.GetScopeAsync(cancellationToken);
        var (known, _) = await IndicatorCatalogue.KnownAsync(db, cancellationToken);
        var errors = new List<string>();
        var targets = new List<ValidTarget>();
        var seen = new HashSet<(Guid, string, int)>();
        foreach (var row in rows)
        {
            try
            {
                int? year = row.Get("year") is { } y ? int.TryParse(y, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new DomainException("year", "The year must be a number from {0} to {1}.", 2000, 2100) : null;
                double? value = row.Get("value") is { } v ? IndicatorCatalogue.TryParseValue(v, out var number) ? number : throw new DomainException("value", "{0} is not a number (write 0.95 or 95%).", v) : null;
                var target = await ValidateAsync(new TargetInput(row.Get("unit"), row.Get("indicator"), year, value, row.Get("note")), scope, known, cancellationToken);
                if (!seen.Add((target.Unit.Id, target.Indicator, target.Year)))
                {
                    throw new DomainException("indicator", "The target of {0} for {1} in {2} appears more than once.", target.Indicator, target.Unit.Code, target.Year);
                }

                targets.Add(target);
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

        await UpsertAsync(targets, cancellationToken);
        return targets.Count;
    }

    /// <summary>The targets in force for a unit and year, each with the figure of the year so far and the variance.</summary>
    public async Task<TargetList> ListAsync(string? unitCode, int? year, CancellationToken cancellationToken = default)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var unit = await ResolveUnitAsync(unitCode, scope, cancellationToken);
        var today = VietnamTime.Today(time);
        var forYear = year ?? today.Year;
        if (forYear is < 2000 or > 2100)
        {
            throw new DomainException("year", "The year must be a number from {0} to {1}.", 2000, 2100);
        }

        var chain = new List<Guid> { unit.Id };
        chain.AddRange(await units.GetAncestorsAsync(unit.Id, cancellationToken));
        var rows = await db.Targets.AsNoTracking().Where(t => chain.Contains(t.UnitId) && t.Year == forYear).ToListAsync(cancellationToken);
        var (_, set) = await index.SetInForceAsync(new DateOnly(forYear, 12, 31), cancellationToken);
        var effective = await index.TargetsAsync(unit.Id, forYear, set, cancellationToken);

        // The figures so far: from 1 January to yesterday (today is not over), none for a year not begun.
        var from = new DateOnly(forYear, 1, 1);
        var to = new DateOnly(forYear, 12, 31) < today ? new DateOnly(forYear, 12, 31) : today.AddDays(-1);
        Dictionary<string, double?> actual = [];
        if (to >= from)
        {
            var result = await index.ComputeAsync(unit.Code, from, to, cancellationToken);
            actual = result.Indicators.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Value);
        }

        var views = new List<TargetView>();
        foreach (var (indicator, value) in effective.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var own = rows.Where(r => r.IndicatorCode == indicator).OrderBy(r => chain.IndexOf(r.UnitId)).FirstOrDefault();
            var source = own is null ? "default" : own.UnitId == unit.Id ? "unit" : "inherited";
            var setFor = own is null ? null : own.UnitId == unit.Id ? unit.Code : (await units.FindAsync(own.UnitId, cancellationToken))?.Code;
            var figure = actual.GetValueOrDefault(indicator);
            views.Add(new TargetView(
                indicator, value, source, setFor, own?.Note, own?.SetBy, own?.SetAt, figure, figure is { } f ? f - value : null, IndicatorSetDefinition.LowerIsBetter(indicator)));
        }

        return new TargetList(unit.Code, unit.Name, forYear, to >= from ? from : null, to >= from ? to : null, views);
    }

    private sealed record ValidTarget(UnitSummary Unit, string Indicator, int Year, double Value, string? Note);

    private void EnsureEditor()
    {
        if (!CanEdit)
        {
            throw new ForbiddenException();
        }
    }

    private async Task<UnitSummary> ResolveUnitAsync(string? unitCode, UnitScope scope, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(unitCode))
        {
            throw new DomainException("unit", "Give the unit code.");
        }

        var unit = await units.FindByCodeAsync(unitCode.Trim().ToUpperInvariant(), cancellationToken);
        return unit is not null && scope.Contains(unit.Id) ? unit : throw new DomainException("unit", "There is no unit with code {0} that you may use.", unitCode.Trim());
    }

    private async Task<ValidTarget> ValidateAsync(TargetInput input, UnitScope scope, IReadOnlySet<string> known, CancellationToken cancellationToken)
    {
        var unit = await ResolveUnitAsync(input.Unit, scope, cancellationToken);
        var indicator = input.Indicator?.Trim();
        if (string.IsNullOrEmpty(indicator) || !known.Contains(indicator))
        {
            throw new DomainException("indicator", "There is no indicator {0}.", indicator ?? string.Empty);
        }

        if (input.Year is not (>= 2000 and <= 2100))
        {
            throw new DomainException("year", "The year must be a number from {0} to {1}.", 2000, 2100);
        }

        var value = input.Value ?? throw new DomainException("value", "Give the target value.");
        if (IndicatorCatalogue.IsCount(indicator) ? value < 0 || !double.IsFinite(value) : value is < 0 or > 1 || double.IsNaN(value))
        {
            throw IndicatorCatalogue.IsCount(indicator)
                ? new DomainException("value", "The target of {0} is a number of dossiers: 0 or more.", indicator)
                : new DomainException("value", "The target of {0} is a share from 0 to 1 (or 0% to 100%).", indicator);
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note?.Length > 500)
        {
            throw new DomainException("note", "The note must be at most {0} characters.", 500);
        }

        return new ValidTarget(unit, indicator, input.Year.Value, value, note);
    }

    private async Task UpsertAsync(IReadOnlyList<ValidTarget> targets, CancellationToken cancellationToken)
    {
        var now = VietnamTime.Now(time);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var target in targets)
        {
            var row = await db.Targets.FirstOrDefaultAsync(t => t.UnitId == target.Unit.Id && t.IndicatorCode == target.Indicator && t.Year == target.Year, cancellationToken);
            if (row is null)
            {
                row = new TargetRow { UnitId = target.Unit.Id, IndicatorCode = target.Indicator, Year = target.Year };
                db.Targets.Add(row);
            }

            row.Value = target.Value;
            row.Note = target.Note;
            row.SetBy = user.Actor;
            row.SetAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
