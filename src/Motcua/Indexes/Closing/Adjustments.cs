using System.Text.Json;
using System.Text.Json.Serialization;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;

namespace Motcua.Indexes.Closing;

/// <summary>Whether a dossier is counted in an indicator's denominator and numerator for a period.</summary>
internal readonly record struct Membership(bool InDenominator, bool InNumerator);

/// <summary>One indicator of a closed period that a change moved: the dossier's membership before and after.</summary>
internal sealed record IndicatorShift(string Indicator, Membership Before, Membership After);

/// <summary>
/// Which figures of a period a change of one dossier moves: pure, table-tested. A change is an adjustment
/// of a closed period exactly when it moves the dossier into or out of a numerator or a denominator of
/// that period; routine progress that leaves the period's figures alone (a dossier received in a closed
/// month returned in the next) is not one, or the list would drown the real corrections.
/// </summary>
internal static class Adjustments
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <param name="before">The fact before the change, or null when the dossier did not count (or was outside the period's unit).</param>
    /// <param name="after">The fact after the change, or null when it no longer counts there.</param>
    public static IReadOnlyList<IndicatorShift> Shifts(DossierFact? before, DossierFact? after, DateOnly from, DateOnly to)
    {
        var shifts = new List<IndicatorShift>();
        if (before is null && after is null)
        {
            return shifts;
        }

        foreach (var code in IndicatorFormulas.Codes)
        {
            var was = Of(code, before, from, to);
            var now = Of(code, after, from, to);
            if (was != now)
            {
                shifts.Add(new IndicatorShift(code, was, now));
            }
        }

        return shifts;
    }

    /// <summary>The first day a change of this dossier could matter to: a period ending before it cannot be moved.</summary>
    public static DateOnly? EarliestDay(DossierFact? before, DossierFact? after) =>
        new[] { before?.ReceivedAt, after?.ReceivedAt }.OfType<DateTime>().Select(DateOnly.FromDateTime).Order().Cast<DateOnly?>().FirstOrDefault();

    private static Membership Of(string code, DossierFact? fact, DateOnly from, DateOnly to)
    {
        if (fact is null)
        {
            return default;
        }

        var (inDenominator, inNumerator) = RawIndicators.Membership(code, fact, from, to);
        return new Membership(inDenominator, inNumerator);
    }
}
