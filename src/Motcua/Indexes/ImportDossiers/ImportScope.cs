using Motcua.Access.Contracts;
using Motcua.Indexes.Closing;
using Motcua.Indexes.Contracts;

namespace Motcua.Indexes.ImportDossiers;

/// <summary>
/// Keeps an import inside the caller's units. The unit on the line is checked as the line is read; this
/// checks what the line would replace, where the facts are written (after the stored fact is read, and on
/// PostgreSQL locked): a unit administrator may not take over another unit's dossier by re-importing its
/// code under an own unit, nor change the figures of a period another unit closed. The system (the
/// command line, a system administrator) sees every unit and is never refused here.
/// </summary>
internal sealed class ImportScope(UnitScope scope, IReadOnlyDictionary<Guid, string> unitCodes, IReadOnlyList<ClosedScope> closed)
{
    public static readonly ImportScope Everything = new(new UnitScope(true, new HashSet<Guid>()), new Dictionary<Guid, string>(), []);

    /// <summary>True when nothing can be refused (whole scope): the writers then skip the check entirely.</summary>
    public bool IsAll => scope.IsAll;

    /// <summary>The closed periods checked against: the ones whose unit is outside the caller's scope.</summary>
    public ImportScope WithClosedPeriods(IReadOnlyList<ClosedScope> periods) => new(scope, unitCodes, periods);

    /// <summary>
    /// Why the line may not replace <paramref name="before"/> with <paramref name="after"/>; null when it may.
    /// </summary>
    public ImportProblem? Refusal(long line, DossierFact? before, DossierFact after)
    {
        if (scope.IsAll)
        {
            return null;
        }

        if (!scope.Contains(after.UnitId))
        {
            return new ImportProblem(line, "Unit {0} is outside your scope.", [Code(after.UnitId)]);
        }

        if (before is not null && !scope.Contains(before.UnitId))
        {
            return new ImportProblem(line, "Dossier {0} belongs to unit {1}, which is outside your scope; it cannot be replaced.", [after.Code, Code(before.UnitId)]);
        }

        foreach (var period in closed)
        {
            if (!scope.Contains(period.UnitId) && ClosedPeriodLedger.Adjusts(period, before, after))
            {
                return new ImportProblem(
                    line,
                    "Dossier {0} would change the period {1} to {2} closed by unit {3}, which is outside your scope.",
                    [after.Code, period.From.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), period.To.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), Code(period.UnitId)]);
            }
        }

        return null;
    }

    private string Code(Guid unitId) => unitCodes.GetValueOrDefault(unitId) ?? unitId.ToString();
}
