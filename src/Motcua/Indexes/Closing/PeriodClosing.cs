using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Indexes.Data;
using Motcua.Indexes.IndicatorSets;
using Motcua.Indexes.ServiceIndex;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.Closing;

/// <summary>A correction made after closing, as listed beside the published figures.</summary>
internal sealed record AdjustmentView(
    Guid Id, string? DossierCode, string? Indicator, IReadOnlyList<IndicatorShift> Shifts, JsonElement? Before, JsonElement? After, string Actor, string? Reason, DateTime At);

/// <summary>An indicator whose live figure differs from the published one.</summary>
internal sealed record LiveDifference(
    string Indicator, double? Published, double? Live, long? PublishedNumerator, long? LiveNumerator, long? PublishedDenominator, long? LiveDenominator, decimal? PublishedPoints, decimal? LivePoints);

/// <summary>The live total beside the published one, and the indicators that moved since closing.</summary>
internal sealed record LiveComparison(decimal Total, string? Band, IReadOnlyList<LiveDifference> Differences);

internal sealed record ClosedPeriodSummary(
    Guid Id, string Unit, string UnitName, string Set, DateOnly From, DateOnly To, decimal Total, string? Band, string ClosedBy, DateTime ClosedAt, string? Note, int Adjustments);

/// <summary>
/// Closing a period publishes its figures: the whole service-index result is stored as it is at that
/// moment and returned from then on instead of a recomputation, so a published number never changes
/// silently. Corrections made later are recorded as adjustments (<see cref="ClosedPeriodLedger"/>) and the
/// live figures are shown beside the published ones.
/// </summary>
internal sealed class PeriodClosing(IndexesDbContext db, ServiceIndexService index, IUnitDirectory units, ICurrentUser user, TimeProvider time)
{
    /// <summary>Leaders sign the report; reform officers and administrators run it.</summary>
    public static readonly string[] Closers = [Roles.SystemAdmin, Roles.Leader, Roles.ReformOfficer];

    public bool CanClose => Closers.Any(user.IsInRole);

    public static string SetCode(string? set) => string.IsNullOrWhiteSpace(set) ? IndicatorSetDefinition.Decision766.Code : set.Trim();

    public async Task<ClosedPeriodSummary> CloseAsync(string? unitCode, DateOnly? from, DateOnly? to, string? set, string? note, CancellationToken cancellationToken = default)
    {
        if (!CanClose)
        {
            throw new ForbiddenException();
        }

        if (string.IsNullOrWhiteSpace(unitCode))
        {
            throw new DomainException("unit", "Give the unit code.");
        }

        var start = from ?? throw new DomainException("from", "The date {0} is required.", "from");
        var end = to ?? throw new DomainException("to", "The date {0} is required.", "to");
        if (end >= VietnamTime.Today(time))
        {
            throw new DomainException("to", "A period can be closed only once it has ended: {0} is not over yet.", end.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (note?.Trim().Length > 500)
        {
            throw new DomainException("note", "The note must be at most {0} characters.", 500);
        }

        var code = SetCode(set);
        var result = await index.ComputeAsync(unitCode, start, end, code, cancellationToken);
        var unit = await units.FindByCodeAsync(result.Unit, cancellationToken) ?? throw new NotFoundException();
        if (await db.ClosedPeriods.AnyAsync(p => p.UnitId == unit.Id && p.SetCode == code && p.From == start && p.To == end, cancellationToken))
        {
            throw new DomainException("to", "This period of {0} is already closed.", unit.Name);
        }

        var row = new ClosedPeriodRow
        {
            Id = Guid.NewGuid(),
            UnitId = unit.Id,
            SetCode = code,
            From = start,
            To = end,
            Snapshot = JsonSerializer.Serialize(result, Adjustments.Json),
            ClosedBy = user.Actor,
            ClosedAt = VietnamTime.Now(time),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        db.ClosedPeriods.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people closed the same period at once: the unique key kept the first.
            db.ChangeTracker.Clear();
            throw new DomainException("to", "This period of {0} is already closed.", unit.Name);
        }

        return Summary(row, unit, result, 0);
    }

    /// <summary>
    /// The figures of a period: the published ones (marked closed, with the adjustments and the live
    /// difference) when exactly this period of this unit was closed with this set, else the live ones.
    /// </summary>
    public async Task<ServiceIndexResult> ResultAsync(string unitCode, DateOnly from, DateOnly to, string? set, CancellationToken cancellationToken = default)
    {
        var code = SetCode(set);
        var live = await index.ComputeAsync(unitCode, from, to, code, cancellationToken);
        var unit = await units.FindByCodeAsync(live.Unit, cancellationToken) ?? throw new NotFoundException();
        var row = await db.ClosedPeriods.AsNoTracking()
            .FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.SetCode == code && p.From == from && p.To == to, cancellationToken);
        if (row is null)
        {
            return live;
        }

        var published = Published(row);
        return published with
        {
            Closed = true,
            ClosedBy = row.ClosedBy,
            ClosedAt = row.ClosedAt,
            Adjustments = await AdjustmentsAsync(row.Id, cancellationToken),
            Live = Compare(published, live),
        };
    }

    /// <summary>Closed periods of the units the caller may see (optionally one unit), newest first.</summary>
    public async Task<IReadOnlyList<ClosedPeriodSummary>> ListAsync(string? unitCode, CancellationToken cancellationToken = default)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var query = db.ClosedPeriods.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var unit = await units.FindByCodeAsync(unitCode.Trim().ToUpperInvariant(), cancellationToken);
            if (unit is null || !scope.Contains(unit.Id))
            {
                throw new DomainException("unit", "There is no unit with code {0}.", unitCode);
            }

            query = query.Where(p => p.UnitId == unit.Id);
        }

        else if (!scope.IsAll)
        {
            var visible = scope.UnitIds.ToList();
            query = query.Where(p => visible.Contains(p.UnitId));
        }

        var rows = await query.OrderByDescending(p => p.To).ThenBy(p => p.From).Take(500).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Adjustments.AsNoTracking().Where(a => ids.Contains(a.ClosedPeriodId))
            .GroupBy(a => a.ClosedPeriodId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var list = new List<ClosedPeriodSummary>(rows.Count);
        foreach (var row in rows)
        {
            var unit = await units.FindAsync(row.UnitId, cancellationToken);
            list.Add(Summary(row, unit, Published(row), counts.GetValueOrDefault(row.Id)));
        }

        return list;
    }

    /// <summary>One closed period the caller may see, with its number of adjustments.</summary>
    public async Task<ClosedPeriodSummary> SummaryOfAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        var row = await db.ClosedPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, cancellationToken);
        var scope = await user.GetScopeAsync(cancellationToken);
        if (row is null || !scope.Contains(row.UnitId))
        {
            throw new NotFoundException();
        }

        var count = await db.Adjustments.AsNoTracking().CountAsync(a => a.ClosedPeriodId == periodId, cancellationToken);
        return Summary(row, await units.FindAsync(row.UnitId, cancellationToken), Published(row), count);
    }

    /// <summary>The adjustments of one closed period the caller may see.</summary>
    public async Task<IReadOnlyList<AdjustmentView>> AdjustmentsOfAsync(Guid periodId, CancellationToken cancellationToken = default)
    {
        var row = await db.ClosedPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, cancellationToken);
        var scope = await user.GetScopeAsync(cancellationToken);
        if (row is null || !scope.Contains(row.UnitId))
        {
            throw new NotFoundException();
        }

        return await AdjustmentsAsync(row.Id, cancellationToken);
    }

    private async Task<IReadOnlyList<AdjustmentView>> AdjustmentsAsync(Guid periodId, CancellationToken cancellationToken)
    {
        var rows = await db.Adjustments.AsNoTracking().Where(a => a.ClosedPeriodId == periodId).OrderBy(a => a.At).ThenBy(a => a.DossierCode).ToListAsync(cancellationToken);
        return [.. rows.Select(a => new AdjustmentView(
            a.Id,
            a.DossierCode,
            a.IndicatorCode,
            JsonSerializer.Deserialize<List<IndicatorShift>>(a.Shifts, Adjustments.Json) ?? [],
            a.Before is null ? null : JsonSerializer.Deserialize<JsonElement>(a.Before),
            a.After is null ? null : JsonSerializer.Deserialize<JsonElement>(a.After),
            a.Actor,
            a.Reason,
            a.At))];
    }

    private static ServiceIndexResult Published(ClosedPeriodRow row) =>
        JsonSerializer.Deserialize<ServiceIndexResult>(row.Snapshot, Adjustments.Json) ?? throw new InvalidOperationException("Empty snapshot of a closed period.");

    private static ClosedPeriodSummary Summary(ClosedPeriodRow row, UnitSummary? unit, ServiceIndexResult published, int adjustments) => new(
        row.Id, unit?.Code ?? published.Unit, unit?.Name ?? published.UnitName, row.SetCode, row.From, row.To, published.Total, published.Band, row.ClosedBy, row.ClosedAt, row.Note, adjustments);

    /// <summary>Indicators whose value, numerator, denominator or points differ between the published and the live figures.</summary>
    public static LiveComparison Compare(ServiceIndexResult published, ServiceIndexResult live)
    {
        var before = published.Indicators.ToDictionary(i => i.Code);
        var now = live.Indicators.ToDictionary(i => i.Code);
        var differences = new List<LiveDifference>();
        foreach (var code in published.Indicators.Select(i => i.Code).Concat(live.Indicators.Select(i => i.Code)).Distinct())
        {
            var p = before.GetValueOrDefault(code);
            var l = now.GetValueOrDefault(code);
            if (p?.Value != l?.Value || p?.Numerator != l?.Numerator || p?.Denominator != l?.Denominator || p?.Points != l?.Points)
            {
                differences.Add(new LiveDifference(code, p?.Value, l?.Value, p?.Numerator, l?.Numerator, p?.Denominator, l?.Denominator, p?.Points, l?.Points));
            }
        }

        return new LiveComparison(live.Total, live.Band, differences);
    }
}
