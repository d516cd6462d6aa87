using Microsoft.EntityFrameworkCore;
using Motcua.Calendar.Contracts;
using Motcua.Common;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Indexes.ServiceIndex;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.EarlyWarning;

internal sealed record AtRiskDossier(
    string Code, string UnitCode, string ProcedureCode, FactChannel Channel, DateTime ReceivedAt, DateTime DueAt, DateTime LateAfter,
    int WorkingDaysLeft, bool SupplementPaused, bool Apologised, bool Imported);

internal sealed record EarlyWarningResult(
    string Unit, string UnitName, DateTime AsOf, int Days, DateTime WindowEnd, int Total, IReadOnlyList<AtRiskDossier> Dossiers, OnTimeProjectionResult Projection);

/// <summary>
/// Early warning from the index facts (never the dossier tables): the open dossiers of a unit and the
/// units under it that will become late (by Decision 766: after their appointment given at receipt, plus
/// the pause of a forgiven supplement) within the next N working days, and the month's on-time rate if
/// nothing changes (<see cref="OnTimeProjection"/>).
/// </summary>
internal sealed class EarlyWarningService(IndexesDbContext db, ServiceIndexService index, IUnitDirectory units, IWorkingTime workingTime, TimeProvider clock)
{
    public const int DefaultDays = 2;
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1_000;

    public async Task<EarlyWarningResult> WarnAsync(string unitCode, int days, int limit, CancellationToken cancellationToken = default)
    {
        if (days is < 0 or > WarningWindow.MaxDays)
        {
            throw new DomainException("days", "The number of working days must be between {0} and {1}.", 0, WarningWindow.MaxDays);
        }

        var now = VietnamTime.Now(clock);
        var today = DateOnly.FromDateTime(now);
        var unit = await index.ResolveAsync(unitCode, today, today, cancellationToken);
        var workingDays = await WarningWindow.WorkingDaysAsync(today, days, day => workingTime.IsWorkingDayAsync(unit.Id, day, cancellationToken));
        var end = WarningWindow.End(today, workingDays);

        // The late instant is the appointment, or later only for one forgiven supplement (requested by the
        // appointment and provided): the database narrows by that, the exact rule is applied below.
        var scope = await units.GetScopeAsync(unit.Id, cancellationToken);
        var members = scope.Append(unit.Id).Distinct().ToList();
        var rows = await db.Facts.AsNoTracking()
            .Where(f => members.Contains(f.UnitId) && f.CompletedAt == null && f.DueAt < end
                && (f.DueAt >= now || (f.SupplementRequests == 1 && f.SupplementRequestedAt != null && f.SupplementRequestedAt <= f.DueAt && f.SupplementedAt != null)))
            .ToListAsync(cancellationToken);

        var codes = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Code);
        var atRisk = new List<AtRiskDossier>();
        foreach (var row in rows)
        {
            var fact = row.ToFact();
            if (Judgement.LateFrom(fact) is { } lateAfter && lateAfter >= now && lateAfter < end)
            {
                atRisk.Add(new AtRiskDossier(
                    fact.Code, codes.GetValueOrDefault(fact.UnitId, string.Empty), fact.ProcedureCode, fact.Channel, fact.ReceivedAt, fact.DueAt, lateAfter,
                    WarningWindow.WorkingDaysLeft(today, lateAfter, workingDays), lateAfter != fact.DueAt, fact.Apologies > 0, fact.Imported));
            }
        }

        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var soFar = await IndexSql.SumAsync(db, unit.Id, scope, monthStart, today, cancellationToken);
        var wholeMonth = await IndexSql.SumAsync(db, unit.Id, scope, monthStart, monthStart.AddMonths(1).AddDays(-1), cancellationToken);
        var projection = OnTimeProjection.Of(today, soFar, wholeMonth);

        return new EarlyWarningResult(
            unit.Code, unit.Name, now, days, end, atRisk.Count,
            [.. atRisk.OrderBy(d => d.LateAfter).ThenBy(d => d.Code, StringComparer.Ordinal).Take(Math.Clamp(limit, 0, MaxLimit))],
            projection);
    }
}
