using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Indexes.Contracts;
using Motcua.Organisation.Contracts;
using Motcua.Plans.Data;

namespace Motcua.Plans.UnitTargets;

internal sealed record TargetInput([MaxLength(20)] string? Unit, [MaxLength(60)] string? Indicator, [MaxLength(10)] string? Period, [MaxLength(40)] string? Target);

internal sealed record FigureInput([MaxLength(20)] string? Unit, [MaxLength(60)] string? Indicator, [MaxLength(10)] string? Period, [MaxLength(40)] string? Value, [MaxLength(UnitFigure.MaxEvidence), MultiLine] string? Evidence);

internal sealed record IndicatorView(string Code, string Name, string Kind, string Source);

/// <summary>A unit's standing on an indicator in a period: its target, its figure (entered or live) and whether it meets it.</summary>
internal sealed record StandingView(
    string Unit, string UnitName, string Indicator, string Period, double Target, string TargetText, double? Figure, string? FigureText, bool Met,
    string Source, Guid? FigureId, string? Evidence, string? EvidenceFile);

/// <summary>The units below target, worst first, and the sentence a directive quotes.</summary>
internal sealed record BelowTargetView(string Indicator, string IndicatorName, string Period, IReadOnlyList<StandingView> Units, string Sentence);

/// <summary>
/// Unit targets (chỉ tiêu) for reform indicators: targets per unit and period set by those who run
/// plans; figures entered (or imported) by the units with evidence, or read live from the dossier
/// indexes for the indicators Motcua computes; and the "below target" listing.
/// </summary>
internal sealed class UnitTargetService(
    PlansDbContext db, IUnitDirectory units, ICurrentUser user, IServiceFigures figures, StoredFiles files, TimeProvider time, IStringLocalizer<SharedResource> localizer)
{
    public static readonly string[] Columns = ["unit", "indicator", "period", "target", "value", "evidence"];

    public bool CanSetTargets => PlanAccess.Runners.Any(user.IsInRole);

    public static IReadOnlyList<IndicatorView> Indicators() =>
        [.. ReformIndicators.All.Select(i => new IndicatorView(i.Code, i.VietnameseName, i.Kind.ToString(), i.Source))];

    public async Task<StandingView> SetTargetAsync(TargetInput input, CancellationToken cancellationToken = default)
    {
        EnsureRunner();
        var scope = await user.GetScopeAsync(cancellationToken);
        var valid = await ValidateTargetAsync(input, scope, cancellationToken);
        await ApplyTargetAsync(valid, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await StandingAsync(valid.Unit, valid.Indicator, valid.Period, cancellationToken);
    }

    public async Task<StandingView> SetFigureAsync(FigureInput input, CancellationToken cancellationToken = default)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var valid = await ValidateFigureAsync(input, scope, cancellationToken);
        await ApplyFigureAsync(valid, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await StandingAsync(valid.Unit, valid.Indicator, valid.Period, cancellationToken);
    }

    /// <summary>
    /// Imports rows of unit, indicator, period and a target and/or a figure (value with evidence). All or
    /// nothing: every row is checked first and the errors name their rows.
    /// </summary>
    public async Task<int> ImportAsync(IReadOnlyList<TabularRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            throw new ImportRejectedException([localizer["The file has no data rows."]]);
        }

        var scope = await user.GetScopeAsync(cancellationToken);
        var errors = new List<string>();
        var targets = new List<ValidTarget>();
        var values = new List<ValidFigure>();
        var seen = new HashSet<(Guid, string, string, bool)>();
        foreach (var row in rows)
        {
            try
            {
                var target = row.Get("target");
                var value = row.Get("value");
                if (target is null && value is null)
                {
                    throw new DomainException("target", "Give a target, a figure with its evidence, or both.");
                }

                if (target is not null)
                {
                    EnsureRunner(row: true);
                    var valid = await ValidateTargetAsync(new TargetInput(row.Get("unit"), row.Get("indicator"), row.Get("period"), target), scope, cancellationToken);
                    Once(seen, valid.Unit, valid.Indicator, valid.Period, isFigure: false);
                    targets.Add(valid);
                }

                if (value is not null)
                {
                    var valid = await ValidateFigureAsync(new FigureInput(row.Get("unit"), row.Get("indicator"), row.Get("period"), value, row.Get("evidence")), scope, cancellationToken);
                    Once(seen, valid.Unit, valid.Indicator, valid.Period, isFigure: true);
                    values.Add(valid);
                }
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
        foreach (var target in targets)
        {
            await ApplyTargetAsync(target, cancellationToken);
        }

        foreach (var value in values)
        {
            await ApplyFigureAsync(value, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>Every unit in scope with a target for the indicator and period, with its figure.</summary>
    public async Task<IReadOnlyList<StandingView>> StandingsAsync(string? indicatorCode, string? periodText, CancellationToken cancellationToken = default)
    {
        var (indicator, period) = Parse(indicatorCode, periodText);
        var scope = await user.GetScopeAsync(cancellationToken);
        var targets = await db.UnitTargets.AsNoTracking().Where(t => t.Indicator == indicator.Code && t.Period == period.Code).ToListAsync(cancellationToken);
        var list = new List<StandingView>();
        foreach (var target in targets.Where(t => scope.Contains(t.UnitId)))
        {
            if (await units.FindAsync(target.UnitId, cancellationToken) is { } unit)
            {
                list.Add(await StandingAsync(unit, indicator, period, cancellationToken, target));
            }
        }

        return [.. list.OrderBy(s => s.UnitName, StringComparer.Ordinal)];
    }

    public async Task<BelowTargetView> BelowTargetAsync(string? indicatorCode, string? periodText, CancellationToken cancellationToken = default)
    {
        var (indicator, period) = Parse(indicatorCode, periodText);
        var standings = await StandingsAsync(indicator.Code, period.Code, cancellationToken);
        var below = BelowTarget.List(standings.Select(s => new UnitStanding(s.Unit, s.UnitName, s.Target, s.Figure)));
        var byUnit = standings.ToDictionary(s => s.Unit);
        return new BelowTargetView(indicator.Code, indicator.VietnameseName, period.Code, [.. below.Select(b => byUnit[b.Unit])], BelowTarget.Sentence(indicator, period, below));
    }

    public async Task<StandingView> AttachEvidenceAsync(Guid figureId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var (figure, unit) = await FindFigureAsync(figureId, tracked: true, cancellationToken);
        var stored = await files.SaveEvidenceAsync(fileName, content, cancellationToken);
        var previous = figure.EvidenceStoredPath;
        figure.AttachEvidence(stored, user.Actor, VietnamTime.Now(time));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.DiscardUnsaved();
            throw;
        }
        if (previous is not null)
        {
            files.Delete(previous);
        }

        return await StandingAsync(unit, ReformIndicators.Find(figure.Indicator)!, Period(figure.Period), cancellationToken);
    }

    public async Task<(string FileName, string ContentType, Stream Content)> OpenEvidenceAsync(Guid figureId, CancellationToken cancellationToken = default)
    {
        var (figure, _) = await FindFigureAsync(figureId, tracked: false, cancellationToken);
        return figure.EvidenceStoredPath is null ? throw new NotFoundException() : (figure.EvidenceFileName!, figure.EvidenceContentType!, files.Open(figure.EvidenceStoredPath));
    }

    private sealed record ValidTarget(UnitSummary Unit, ReformIndicator Indicator, TargetPeriod Period, double Value);

    private sealed record ValidFigure(UnitSummary Unit, ReformIndicator Indicator, TargetPeriod Period, double Value, string Evidence);

    private static void Once(HashSet<(Guid, string, string, bool)> seen, UnitSummary unit, ReformIndicator indicator, TargetPeriod period, bool isFigure)
    {
        if (!seen.Add((unit.Id, indicator.Code, period.Code, isFigure)))
        {
            throw new DomainException("period", "The row for {0}, {1} and {2} appears more than once.", unit.Code, indicator.Code, period.Code);
        }
    }

    private void EnsureRunner(bool row = false)
    {
        if (!CanSetTargets)
        {
            throw row ? new DomainException("target", "Only reform officers and leaders set targets.") : new ForbiddenException();
        }
    }

    private static (ReformIndicator Indicator, TargetPeriod Period) Parse(string? indicatorCode, string? periodText)
    {
        var indicator = ReformIndicators.Find(indicatorCode) ?? throw new DomainException("indicator", "There is no reform indicator {0}.", indicatorCode ?? string.Empty);
        return (indicator, Period(periodText));
    }

    private static TargetPeriod Period(string? text) =>
        TargetPeriod.TryParse(text, out var period) ? period : throw new DomainException("period", "The period {0} must be a year (2025), a quarter (2025-Q1) or a month (2025-03).", text ?? string.Empty);

    private async Task<UnitSummary> UnitAsync(string? code, UnitScope scope, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException("unit", "Give the unit code.");
        }

        var unit = await units.FindByCodeAsync(code.Trim().ToUpperInvariant(), cancellationToken);
        return unit is not null && scope.Contains(unit.Id) ? unit : throw new DomainException("unit", "There is no unit with code {0} that you may use.", code.Trim());
    }

    private async Task<ValidTarget> ValidateTargetAsync(TargetInput input, UnitScope scope, CancellationToken cancellationToken)
    {
        var unit = await UnitAsync(input.Unit, scope, cancellationToken);
        var (indicator, period) = Parse(input.Indicator, input.Period);
        var value = indicator.Parse(input.Target) ?? throw new DomainException("target", "The target {0} is not a valid figure for {1}.", input.Target ?? string.Empty, indicator.Code);
        return new ValidTarget(unit, indicator, period, value);
    }

    private async Task<ValidFigure> ValidateFigureAsync(FigureInput input, UnitScope scope, CancellationToken cancellationToken)
    {
        var unit = await UnitAsync(input.Unit, scope, cancellationToken);
        var (indicator, period) = Parse(input.Indicator, input.Period);
        if (!indicator.IsManual)
        {
            throw new DomainException("indicator", "{0} is computed from the dossiers; its figure cannot be entered.", indicator.Code);
        }

        if (period.From > VietnamTime.Today(time))
        {
            throw new DomainException("period", "The period {0} has not begun.", period.Code);
        }

        var value = indicator.Parse(input.Value) ?? throw new DomainException("value", "The figure {0} is not a valid figure for {1}.", input.Value ?? string.Empty, indicator.Code);
        var evidence = input.Evidence?.Trim();
        if (string.IsNullOrEmpty(evidence) || evidence.Length > UnitFigure.MaxEvidence)
        {
            throw new DomainException("evidence", "Describe the evidence (at most {0} characters): where the figure comes from.", UnitFigure.MaxEvidence);
        }

        return new ValidFigure(unit, indicator, period, value, evidence);
    }

    private async Task ApplyTargetAsync(ValidTarget valid, CancellationToken cancellationToken)
    {
        var target = await db.UnitTargets.FirstOrDefaultAsync(t => t.UnitId == valid.Unit.Id && t.Indicator == valid.Indicator.Code && t.Period == valid.Period.Code, cancellationToken)
            ?? db.UnitTargets.Local.FirstOrDefault(t => t.UnitId == valid.Unit.Id && t.Indicator == valid.Indicator.Code && t.Period == valid.Period.Code);
        if (target is null)
        {
            target = UnitTarget.Create(valid.Unit.Id, valid.Indicator, valid.Period);
            db.UnitTargets.Add(target);
        }

        target.Set(valid.Value, user.Actor, VietnamTime.Now(time));
    }

    private async Task ApplyFigureAsync(ValidFigure valid, CancellationToken cancellationToken)
    {
        var figure = await db.UnitFigures.FirstOrDefaultAsync(f => f.UnitId == valid.Unit.Id && f.Indicator == valid.Indicator.Code && f.Period == valid.Period.Code, cancellationToken);
        if (figure is null)
        {
            figure = UnitFigure.Create(valid.Unit.Id, valid.Indicator, valid.Period);
            db.UnitFigures.Add(figure);
        }

        figure.Set(valid.Value, valid.Evidence, user.Actor, VietnamTime.Now(time));
    }

    private async Task<StandingView> StandingAsync(UnitSummary unit, ReformIndicator indicator, TargetPeriod period, CancellationToken cancellationToken, UnitTarget? target = null)
    {
        target ??= await db.UnitTargets.AsNoTracking().FirstOrDefaultAsync(t => t.UnitId == unit.Id && t.Indicator == indicator.Code && t.Period == period.Code, cancellationToken);
        double? value = null;
        UnitFigure? figure = null;
        if (indicator.IndexIndicator is { } index)
        {
            // The live figure from the dossiers: the same counters as the service-quality index.
            value = (await figures.GetAsync(unit.Id, index, period.From, period.To, cancellationToken))?.Value;
        }
        else
        {
            figure = await db.UnitFigures.AsNoTracking().FirstOrDefaultAsync(f => f.UnitId == unit.Id && f.Indicator == indicator.Code && f.Period == period.Code, cancellationToken);
            value = figure?.Value;
        }

        var goal = target?.Value ?? 0;
        return new StandingView(
            unit.Code, unit.Name, indicator.Code, period.Code, goal, indicator.Format(goal), value, value is { } v ? indicator.Format(v) : null,
            target is not null && new UnitStanding(unit.Code, unit.Name, goal, value).Met, indicator.IsManual ? ReformIndicator.Manual : "dossiers", figure?.Id, figure?.Evidence, figure?.EvidenceFileName);
    }

    private async Task<(UnitFigure Figure, UnitSummary Unit)> FindFigureAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.UnitFigures : db.UnitFigures.AsNoTracking();
        var figure = await query.FirstOrDefaultAsync(f => f.Id == id, cancellationToken) ?? throw new NotFoundException();
        var scope = await user.GetScopeAsync(cancellationToken);
        var unit = scope.Contains(figure.UnitId) ? await units.FindAsync(figure.UnitId, cancellationToken) : null;
        return unit is null ? throw new NotFoundException() : (figure, unit);
    }
}
