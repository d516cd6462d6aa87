using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Data;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.Closing;

/// <summary>A closed period and the units whose dossiers it counts, for checking many changes in memory (the import).</summary>
internal sealed record ClosedScope(Guid Id, Guid UnitId, DateOnly From, DateOnly To, IReadOnlySet<Guid> Members)
{
    public bool Counts(Guid unitId) => unitId == UnitId || Members.Contains(unitId);
}

/// <summary>
/// Appends the adjustments of closed periods when a dossier's fact changes. Called inside the transaction
/// that writes the fact (the dossier's own, or the import's), so an adjustment exists exactly when the
/// change was committed.
/// </summary>
internal static class ClosedPeriodLedger
{
    /// <summary>
    /// For one change (a dossier action): one indexed query for the closed periods ending on or after the
    /// dossier's receipt, then the scope of each from the unit tree held in memory (the live tree, so a
    /// merger counts at once, like the figures themselves).
    /// </summary>
    public static async Task RecordAsync(IndexesDbContext db, IUnitDirectory units, string code, DossierFact? before, DossierFact? after, IndexChange change, DateTime now, CancellationToken cancellationToken)
    {
        if (Adjustments.EarliestDay(before, after) is not { } earliest)
        {
            return;
        }

        var periods = await db.ClosedPeriods.AsNoTracking()
            .Where(p => p.To >= earliest)
            .Select(p => new { p.Id, p.UnitId, p.From, p.To })
            .ToListAsync(cancellationToken);
        foreach (var period in periods)
        {
            var scope = new ClosedScope(period.Id, period.UnitId, period.From, period.To, await units.GetScopeAsync(period.UnitId, cancellationToken));
            Add(db, period.Id, code, Within(scope, before), Within(scope, after), period.From, period.To, change, now);
        }
    }

    /// <summary>Every closed period with its members, once per import (there are few: a unit closes a dozen a year).</summary>
    public static async Task<IReadOnlyList<ClosedScope>> LoadAsync(IndexesDbContext db, IUnitDirectory units, CancellationToken cancellationToken)
    {
        var periods = await db.ClosedPeriods.AsNoTracking().Select(p => new { p.Id, p.UnitId, p.From, p.To }).ToListAsync(cancellationToken);
        var list = new List<ClosedScope>(periods.Count);
        foreach (var p in periods)
        {
            list.Add(new ClosedScope(p.Id, p.UnitId, p.From, p.To, await units.GetScopeAsync(p.UnitId, cancellationToken)));
        }

        return list;
    }

    /// <summary>For a change checked against periods already loaded (<see cref="LoadAsync"/>).</summary>
    public static void Record(IndexesDbContext db, IReadOnlyList<ClosedScope> periods, string code, DossierFact? before, DossierFact? after, IndexChange change, DateTime now)
    {
        if (periods.Count == 0 || Adjustments.EarliestDay(before, after) is not { } earliest)
        {
            return;
        }

        foreach (var period in periods)
        {
            if (period.To < earliest)
            {
                continue;
            }

            Add(db, period.Id, code, Within(period, before), Within(period, after), period.From, period.To, change, now);
        }
    }

    /// <summary>A manual figure of a unit and month changed: an adjustment of every closed period counting that month for the unit.</summary>
    public static async Task RecordManualAsync(
        IndexesDbContext db, IUnitDirectory units, Guid unitId, string indicator, DateOnly month, object? before, object? after, IndexChange change, DateTime now, CancellationToken cancellationToken)
    {
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var candidates = await db.ClosedPeriods.AsNoTracking()
            .Where(p => p.From <= monthEnd && p.To >= month)
            .Select(p => new { p.Id, p.UnitId })
            .ToListAsync(cancellationToken);
        var periods = new List<Guid>();
        foreach (var candidate in candidates)
        {
            if (candidate.UnitId == unitId || (await units.GetScopeAsync(candidate.UnitId, cancellationToken)).Contains(unitId))
            {
                periods.Add(candidate.Id);
            }
        }

        foreach (var id in periods)
        {
            db.Adjustments.Add(new AdjustmentRow
            {
                Id = Guid.NewGuid(),
                ClosedPeriodId = id,
                IndicatorCode = indicator,
                Before = before is null ? null : JsonSerializer.Serialize(before, Adjustments.Json),
                After = after is null ? null : JsonSerializer.Serialize(after, Adjustments.Json),
                Actor = Truncate(change.Actor, 100),
                Reason = change.Reason is null ? null : Truncate(change.Reason, 200),
                At = now,
            });
        }
    }

    /// <summary>Whether replacing <paramref name="before"/> with <paramref name="after"/> would add an adjustment to the period.</summary>
    public static bool Adjusts(ClosedScope period, DossierFact? before, DossierFact? after) =>
        Adjustments.EarliestDay(before, after) is { } earliest && period.To >= earliest
        && Adjustments.Shifts(Within(period, before), Within(period, after), period.From, period.To).Count > 0;

    private static DossierFact? Within(ClosedScope period, DossierFact? fact) => fact is not null && period.Counts(fact.UnitId) ? fact : null;

    private static void Add(IndexesDbContext db, Guid periodId, string code, DossierFact? before, DossierFact? after, DateOnly from, DateOnly to, IndexChange change, DateTime now)
    {
        var shifts = Adjustments.Shifts(before, after, from, to);
        if (shifts.Count == 0)
        {
            return;
        }

        db.Adjustments.Add(new AdjustmentRow
        {
            Id = Guid.NewGuid(),
            ClosedPeriodId = periodId,
            DossierCode = code,
            Shifts = JsonSerializer.Serialize(shifts, Adjustments.Json),
            Before = before is null ? null : JsonSerializer.Serialize(before, Adjustments.Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Adjustments.Json),
            Actor = Truncate(change.Actor, 100),
            Reason = change.Reason is null ? null : Truncate(change.Reason, 200),
            At = now,
        });
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
