using Microsoft.EntityFrameworkCore;
using Motcua.Common;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;
using Motcua.Indexes.ServiceIndex;

namespace Motcua.Indexes.Explain;

internal sealed record ExplainedDossier(
    string Code, string ProcedureCode, FactChannel Channel, FactOnlineLevel OnlineLevel, DateTime ReceivedAt, DateTime DueAt, DateTime? CompletedAt,
    DateTime? ReturnedAt, int SupplementRequests, int Apologies, bool? CompletedOnTime, bool Imported, bool InNumerator);

internal sealed record Explanation(
    string Indicator, string Unit, DateOnly From, DateOnly To, string Formula, string Calendar, long Numerator, long Denominator, int Page, int PageSize, IReadOnlyList<ExplainedDossier> Dossiers);

/// <summary>
/// The working of a number: the dossiers in its denominator (and which of them are in its numerator),
/// selected by the same rules as the counters. An integration test checks both give the same counts.
/// </summary>
internal sealed class ExplainService(IndexesDbContext db, ServiceIndexService index, Organisation.Contracts.IUnitDirectory units)
{
    public const int MaxPageSize = 500;

    /// <summary>The formula of each indicator, in English (the key of its translation).</summary>
    public static readonly IReadOnlyDictionary<string, string> Formulas = new Dictionary<string, string>
    {
        ["received"] = "Dossiers received in the period.",
        ["completed"] = "Dossiers completed (result ready, refused or stopped) in the period.",
        ["returned"] = "Dossiers whose result was returned in the period.",
        ["active"] = "Dossiers received before the end of the period and not completed before its start.",
        ["onTimeRate"] = "Active dossiers judged on time / active dossiers. A dossier is judged at its completion, or at the end of the period if still open; one supplement's time is subtracted (an outstanding one stops the clock at the request); on time if that end is not after the appointment given at receipt; more than one supplement request is late.",
        ["lateRate"] = "Active dossiers judged late / active dossiers (1 − on-time rate).",
        ["completedOnTimeRate"] = "Completed dossiers judged on time at completion / completed dossiers.",
        ["overdueInProgress"] = "Dossiers received by the end of the period, not completed by then, whose appointment was before the end of the period.",
        ["apologyRate"] = "Late completed dossiers with at least one apology / late completed dossiers.",
        ["onlineRate"] = "Dossiers received online / dossiers received.",
        ["fullOnlineRate"] = "Dossiers received online through a full online service / dossiers received.",
        ["postalIntakeRate"] = "Dossiers received by post / dossiers received.",
        ["postalReturnRate"] = "Results returned by post / results returned.",
        ["onlinePaymentRate"] = "Dossiers with a fee paid online / dossiers received with a fee.",
        ["componentDigitisationRate"] = "Dossiers with every component digitised / dossiers received with components.",
        ["reuseRate"] = "Dossiers reusing digitised data / dossiers received with components.",
        ["resultDigitisationRate"] = "Completed dossiers with a digitised result / completed dossiers.",
        ["electronicResultRate"] = "Completed dossiers with an electronic result / completed dossiers.",
        ["satisfactionRate"] = "Completed dossiers rated satisfied or very satisfied / completed dossiers with a rating.",
        ["dissatisfactionRate"] = "Completed dossiers rated not satisfied / completed dossiers with a rating.",
        ["harassmentComplaintRate"] = "Completed dossiers rated not satisfied for harassment / completed dossiers with a rating.",
        ["nationalPortalSyncRate"] = "Dossiers received and synchronised to the National Public Service Portal / dossiers received.",
    };

    public async Task<Explanation> ExplainAsync(string indicator, string unitCode, DateOnly from, DateOnly to, bool numeratorOnly, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!Formulas.ContainsKey(indicator))
        {
            throw new NotFoundException();
        }

        var unit = await index.ResolveAsync(unitCode, from, to, cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        var listed = new List<ExplainedDossier>(pageSize);
        long numerator = 0, denominator = 0, position = 0;
        await foreach (var (fact, inNumerator) in MembersAsync(indicator, unit.Id, from, to, cancellationToken))
        {
            denominator++;
            numerator += inNumerator ? 1 : 0;
            if (numeratorOnly && !inNumerator)
            {
                continue;
            }

            position++;
            if (position > (long)(page - 1) * pageSize && listed.Count < pageSize)
            {
                listed.Add(ToExplained(fact, inNumerator));
            }
        }

        return new Explanation(indicator, unit.Code, from, to, Formulas[indicator], Calendar, numerator, denominator, page, pageSize, listed);
    }

    /// <summary>Every dossier in the denominator, for the XLSX export (streamed: provinces have many).</summary>
    public async IAsyncEnumerable<ExplainedDossier> AllAsync(string indicator, string unitCode, DateOnly from, DateOnly to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Formulas.ContainsKey(indicator))
        {
            throw new NotFoundException();
        }

        var unit = await index.ResolveAsync(unitCode, from, to, cancellationToken);
        await foreach (var (fact, inNumerator) in MembersAsync(indicator, unit.Id, from, to, cancellationToken))
        {
            yield return ToExplained(fact, inNumerator);
        }
    }

    public const string Calendar = "Periods are whole days of Vietnam time (UTC+7). Appointments are computed in working days with the unit's office hours, public holidays (Labour Code 2019) and the announced swaps, as printed on the receipt.";

    private async IAsyncEnumerable<(DossierFact Fact, bool InNumerator)> MembersAsync(
        string indicator, Guid unitId, DateOnly from, DateOnly to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var members = (await units.GetScopeAsync(unitId, cancellationToken)).Append(unitId).Distinct().ToList();
        var facts = db.Facts.AsNoTracking().Where(f => members.Contains(f.UnitId));

        // The population of each indicator, narrowed in the database; the exact rule is applied below.
        facts = indicator switch
        {
            "completed" or "completedOnTimeRate" or "apologyRate" or "resultDigitisationRate" or "electronicResultRate"
                or "satisfactionRate" or "dissatisfactionRate" or "harassmentComplaintRate" => facts.Where(f => f.CompletedAt >= start && f.CompletedAt < end),
            "returned" or "postalReturnRate" => facts.Where(f => f.ReturnedAt >= start && f.ReturnedAt < end),
            "active" or "onTimeRate" or "lateRate" => facts.Where(f => f.ReceivedAt < end && (f.CompletedAt == null || f.CompletedAt >= start)),
            "overdueInProgress" => facts.Where(f => f.ReceivedAt < end && (f.CompletedAt == null || f.CompletedAt >= end) && f.DueAt < end),
            _ => facts.Where(f => f.ReceivedAt >= start && f.ReceivedAt < end),
        };

        await foreach (var row in facts.OrderBy(f => f.ReceivedAt).ThenBy(f => f.Code).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var fact = row.ToFact();
            var (inDenominator, inNumerator) = RawIndicators.Membership(indicator, fact, from, to);
            if (inDenominator)
            {
                yield return (fact, inNumerator);
            }
        }
    }

    private static ExplainedDossier ToExplained(DossierFact f, bool inNumerator) => new(
        f.Code, f.ProcedureCode, f.Channel, f.OnlineLevel, f.ReceivedAt, f.DueAt, f.CompletedAt, f.ReturnedAt, f.SupplementRequests, f.Apologies,
        Judgement.CompletedOnTime(f), f.Imported, inNumerator);
}
