using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Files;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Indexes.Closing;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Data;
using Motcua.Indexes.IndicatorSets;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.ManualValues;

internal sealed record ManualValueInput([MaxLength(20)] string? Unit, [MaxLength(60)] string? Indicator, [MaxLength(10)] string? Month, long? Numerator, long? Denominator, [MaxLength(2000), MultiLine] string? Evidence);

internal sealed record ManualValueView(
    Guid Id, string Unit, string UnitName, string Indicator, string Month, long Numerator, long Denominator, double? Value, string Evidence,
    string? EvidenceFile, string EnteredBy, DateTime EnteredAt);

/// <summary>What an adjustment of a closed period keeps of a manual figure.</summary>
internal sealed record ManualFigure(string Unit, string Month, long Numerator, long Denominator, string Evidence, string? EvidenceFile);

/// <summary>
/// Figures Motcua cannot observe (procedures published on the national database, feedback handled…),
/// entered or imported per unit and month for the manual indicators of the sets, each with its evidence
/// (a text, and optionally a file kept outside the web root). A figure of a month inside a closed period
/// is an adjustment of that period: the published figures stay as they were.
/// </summary>
internal sealed class ManualValueService(IndexesDbContext db, IUnitDirectory units, ICurrentUser user, TimeProvider time, DataDirectory data, IStringLocalizer<SharedResource> localizer)
{
    public const long MaxEvidenceBytes = 20 * 1024 * 1024;

    public static readonly string[] Columns = ["unit", "indicator", "month", "numerator", "denominator", "evidence"];

    public bool CanEdit => Targets.TargetService.Editors.Any(user.IsInRole);

    public async Task<ManualValueView> SetAsync(ManualValueInput input, CancellationToken cancellationToken = default)
    {
        EnsureEditor();
        var scope = await user.GetScopeAsync(cancellationToken);
        var (_, manual) = await IndicatorCatalogue.KnownAsync(db, cancellationToken);
        var figure = await ValidateAsync(input, scope, manual, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await UpsertAsync(figure, IndexChange.ManualValue, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(row, figure.Unit);
    }

    /// <summary>All or nothing, like every import: every row is checked first.</summary>
    public async Task<int> ImportAsync(IReadOnlyList<TabularRow> rows, CancellationToken cancellationToken = default)
    {
        EnsureEditor();
        if (rows.Count == 0)
        {
            throw new ImportRejectedException([localizer["The file has no data rows."]]);
        }

        var scope = await user.GetScopeAsync(cancellationToken);
        var (_, manual) = await IndicatorCatalogue.KnownAsync(db, cancellationToken);
        var errors = new List<string>();
        var figures = new List<ValidFigure>();
        var seen = new HashSet<(Guid, string, DateOnly)>();
        foreach (var row in rows)
        {
            try
            {
                var input = new ManualValueInput(row.Get("unit"), row.Get("indicator"), row.Get("month"), Whole(row.Get("numerator"), "numerator"), Whole(row.Get("denominator"), "denominator"), row.Get("evidence"));
                var figure = await ValidateAsync(input, scope, manual, cancellationToken);
                if (!seen.Add((figure.Unit.Id, figure.Indicator, figure.Month)))
                {
                    throw new DomainException("month", "The figure of {0} for {1} in {2} appears more than once.", figure.Indicator, figure.Unit.Code, MonthText(figure.Month));
                }

                figures.Add(figure);
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var figure in figures)
        {
            await UpsertAsync(figure, IndexChange.ManualValue, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return figures.Count;
    }

    /// <summary>The figures of a unit (and the units under it) for a year, newest month first.</summary>
    public async Task<IReadOnlyList<ManualValueView>> ListAsync(string? unitCode, int? year, CancellationToken cancellationToken = default)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var unit = await ResolveUnitAsync(unitCode, scope, cancellationToken);
        var members = (await units.GetScopeAsync(unit.Id, cancellationToken)).Append(unit.Id).Distinct().ToList();
        var forYear = year ?? VietnamTime.Today(time).Year;
        var from = new DateOnly(forYear, 1, 1);
        var to = new DateOnly(forYear, 12, 1);
        var rows = await db.ManualValues.AsNoTracking()
            .Where(m => members.Contains(m.UnitId) && m.Month >= from && m.Month <= to)
            .OrderByDescending(m => m.Month).ThenBy(m => m.IndicatorCode)
            .ToListAsync(cancellationToken);
        var list = new List<ManualValueView>(rows.Count);
        foreach (var row in rows)
        {
            list.Add(View(row, row.UnitId == unit.Id ? unit : await units.FindAsync(row.UnitId, cancellationToken) ?? unit));
        }

        return list;
    }

    /// <summary>Stores an evidence file for a figure after checking its size and whole content (<see cref="UploadInspector"/>).</summary>
    public async Task<ManualValueView> AttachEvidenceAsync(Guid id, string fileName, Stream content, long length, CancellationToken cancellationToken = default)
    {
        EnsureEditor();
        var (row, unit) = await FindAsync(id, tracked: true, cancellationToken);
        if (length <= 0 || length > MaxEvidenceBytes)
        {
            throw new DomainException("file", "The file must be from 1 byte to {0} MB.", MaxEvidenceBytes / 1024 / 1024);
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var inspected = UploadInspector.Inspect(fileName, bytes, UploadRule.Documents);
        var now = VietnamTime.Now(time);
        var before = Figure(row, unit);
        var relative = Path.Combine(now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N"));
        var path = data.Combine("evidence", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        row.EvidenceFileName = inspected.FileName;
        row.EvidenceContentType = inspected.ContentType;
        row.EvidenceStoredPath = relative;
        row.EvidenceSize = bytes.Length;
        row.EvidenceSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        row.EnteredBy = user.Actor;
        row.EnteredAt = now;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ClosedPeriodLedger.RecordManualAsync(db, units, row.UnitId, row.IndicatorCode, row.Month, before, Figure(row, unit), new IndexChange(user.Actor, IndexChange.ManualValue), now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // The figure still points to its previous file: the one written for it goes (a refused upload leaves nothing on disk).
            File.Delete(path);
            throw;
        }

        return View(row, unit);
    }

    public async Task<(string FileName, string ContentType, Stream Content)> OpenEvidenceAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var (row, _) = await FindAsync(id, tracked: false, cancellationToken);
        if (row.EvidenceStoredPath is null)
        {
            throw new NotFoundException();
        }

        return (row.EvidenceFileName ?? "evidence", row.EvidenceContentType ?? "application/octet-stream", File.OpenRead(data.Combine("evidence", row.EvidenceStoredPath)));
    }

    /// <summary>"2025-03" or "03/2025".</summary>
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        var ok = DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM", "MM/yyyy", "M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
        month = ok ? new DateOnly(month.Year, month.Month, 1) : default;
        return ok;
    }

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private sealed record ValidFigure(UnitSummary Unit, string Indicator, DateOnly Month, long Numerator, long Denominator, string Evidence);

    private void EnsureEditor()
    {
        if (!CanEdit)
        {
            throw new ForbiddenException();
        }
    }

    private static long? Whole(string? text, string field) =>
        text is null ? null
        : long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number) && Math.Abs(number) < long.MaxValue ? (long)number
        : throw new DomainException(field, "{0} must be a whole number.", field);

    private async Task<(ManualValueRow Row, UnitSummary Unit)> FindAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.ManualValues : db.ManualValues.AsNoTracking();
        var row = await query.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException();
        var scope = await user.GetScopeAsync(cancellationToken);
        var unit = scope.Contains(row.UnitId) ? await units.FindAsync(row.UnitId, cancellationToken) : null;
        return unit is null ? throw new NotFoundException() : (row, unit);
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

    private async Task<ValidFigure> ValidateAsync(ManualValueInput input, UnitScope scope, IReadOnlySet<string> manual, CancellationToken cancellationToken)
    {
        var unit = await ResolveUnitAsync(input.Unit, scope, cancellationToken);
        var indicator = input.Indicator?.Trim();
        if (string.IsNullOrEmpty(indicator) || !manual.Contains(indicator))
        {
            throw new DomainException("indicator", "{0} is not an indicator entered by hand in any indicator set.", indicator ?? string.Empty);
        }

        if (!TryParseMonth(input.Month, out var month))
        {
            throw new DomainException("month", "The month {0} must be written YYYY-MM.", input.Month ?? string.Empty);
        }

        var today = VietnamTime.Today(time);
        if (month > new DateOnly(today.Year, today.Month, 1))
        {
            throw new DomainException("month", "The month {0} has not begun.", MonthText(month));
        }

        if (input.Denominator is not > 0 || input.Numerator is not >= 0 || input.Numerator > input.Denominator)
        {
            throw new DomainException("numerator", "The numerator must be from 0 to the denominator, and the denominator more than 0.");
        }

        var evidence = input.Evidence?.Trim();
        if (string.IsNullOrEmpty(evidence) || evidence.Length > 2000)
        {
            throw new DomainException("evidence", "Describe the evidence (at most {0} characters): where the figure comes from.", 2000);
        }

        return new ValidFigure(unit, indicator, month, input.Numerator!.Value, input.Denominator!.Value, evidence);
    }

    /// <summary>Replaces the figure of the unit, indicator and month (a figure is corrected, not added to), recording adjustments of closed periods.</summary>
    private async Task<ManualValueRow> UpsertAsync(ValidFigure figure, string reason, CancellationToken cancellationToken)
    {
        var now = VietnamTime.Now(time);
        var row = await db.ManualValues.FirstOrDefaultAsync(m => m.UnitId == figure.Unit.Id && m.IndicatorCode == figure.Indicator && m.Month == figure.Month, cancellationToken);
        var before = row is null ? null : Figure(row, figure.Unit);
        if (row is null)
        {
            row = new ManualValueRow { Id = Guid.NewGuid(), UnitId = figure.Unit.Id, IndicatorCode = figure.Indicator, Month = figure.Month };
            db.ManualValues.Add(row);
        }

        row.Numerator = figure.Numerator;
        row.Denominator = figure.Denominator;
        row.Evidence = figure.Evidence;
        row.EnteredBy = user.Actor;
        row.EnteredAt = now;
        var after = Figure(row, figure.Unit);
        if (before != after)
        {
            await ClosedPeriodLedger.RecordManualAsync(db, units, row.UnitId, row.IndicatorCode, row.Month, before, after, new IndexChange(user.Actor, reason), now, cancellationToken);
        }

        return row;
    }

    private static ManualFigure Figure(ManualValueRow row, UnitSummary unit) =>
        new(unit.Code, MonthText(row.Month), row.Numerator, row.Denominator, row.Evidence, row.EvidenceFileName);

    private static ManualValueView View(ManualValueRow row, UnitSummary unit) => new(
        row.Id, unit.Code, unit.Name, row.IndicatorCode, MonthText(row.Month), row.Numerator, row.Denominator,
        row.Denominator > 0 ? (double)row.Numerator / row.Denominator : null, row.Evidence, row.EvidenceFileName, row.EnteredBy, row.EnteredAt);
}
