using CsCheck;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;

namespace Motcua.UnitTests.Indexes;

/// <summary>
/// The counters are kept incrementally (each change adds new contributions and removes old ones); after
/// any sequence of changes they must give exactly what a recomputation from the final dossiers gives,
/// for any period.
/// </summary>
public sealed class CounterPropertyFacts
{
    private static readonly DateTime Origin = new(2025, 1, 1);

    private static readonly Gen<DossierFact> Facts =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 90 * 24], Gen.Int[1, 20 * 24], Gen.Int[-1, 30 * 24], Gen.Int[0, 2], Gen.Int[0, 10 * 24], Gen.Int[-1, 10 * 24], Gen.Int[0, 7])
            .Select(Gen.Int[0, 1_000], Gen.Int[0, 3], (t, code, flags) =>
            {
                var (unit, receivedHour, dueHours, completedHours, requests, askedHours, supplementHours, rating) = t;
                var received = Origin.AddHours(receivedHour);
                DateTime? asked = requests > 0 ? received.AddHours(askedHours) : null;
                DateTime? supplemented = asked is { } a && supplementHours >= 0 ? a.AddHours(supplementHours) : null;
                DateTime? completed = completedHours >= 0 ? received.AddHours(completedHours) : null;
                return new DossierFact
                {
                    Code = "C" + code,
                    UnitId = new Guid(unit + 1, 0, 0, new byte[8]),
                    ProcedureCode = "P",
                    Channel = (FactChannel)(flags % 3),
                    OnlineLevel = (FactOnlineLevel)(rating % 3),
                    ReceivedAt = received,
                    DueAt = received.AddHours(dueHours),
                    CompletedAt = completed,
                    ReturnedAt = completed?.AddHours(rating),
                    ReturnChannel = completed is null ? null : (FactChannel)(rating % 3),
                    Apologies = flags % 2,
                    SupplementRequests = requests,
                    SupplementRequestedAt = asked,
                    SupplementedAt = supplemented,
                    DocumentsTotal = rating % 4,
                    DocumentsDigitised = Math.Min(rating % 4, flags),
                    DocumentsReused = flags % 2 == 0 ? 0 : Math.Min(1, rating % 4),
                    ElectronicResult = rating % 2 == 0,
                    DigitisedResult = rating % 3 == 0,
                    FeeAmount = flags * 10_000,
                    PaidOnline = rating % 2 == 1,
                    Rating = completed is null || rating > 2 ? null : (FactRating)rating,
                    RatedHarassment = rating == 2 && flags == 1,
                    SyncedToNationalPortal = flags != 0,
                };
            });

    private static readonly Gen<(DateOnly From, DateOnly To)> Periods =
        Gen.Select(Gen.Int[0, 150], Gen.Int[0, 100]).Select((start, length) =>
        {
            var from = DateOnly.FromDateTime(Origin).AddDays(start);
            return (from, from.AddDays(length));
        });

    [Fact]
    public void Incremental_counters_always_equal_a_recomputation_from_the_dossiers()
    {
        // A history of changes to a few dossiers: each step replaces one dossier's fact (or removes it).
        var histories = Gen.Select(Facts, Gen.Int[0, 99].Select(n => n < 15)).Array[1, 40];
        Gen.Select(histories, Periods).Sample((steps, period) =>
        {
            var current = new Dictionary<string, DossierFact>();
            var days = new Dictionary<(Guid, DateOnly), long[]>();
            foreach (var (fact, remove) in steps)
            {
                var before = current.GetValueOrDefault(fact.Code);
                var after = remove ? null : fact;
                foreach (var change in CounterChanges.Between(before, after))
                {
                    if (!days.TryGetValue((change.UnitId, change.Day), out var values))
                    {
                        days[(change.UnitId, change.Day)] = values = new long[Counters.Count];
                    }

                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] += change.Values[i];
                    }
                }

                if (after is null)
                {
                    current.Remove(fact.Code);
                }
                else
                {
                    current[fact.Code] = after;
                }
            }

            var counts = new PeriodCounts();
            foreach (var ((_, day), values) in days)
            {
                counts.AddDay(day, period.From, period.To, values);
            }

            Assert.Equal(RawIndicators.Compute(current.Values, period.From, period.To), IndicatorFormulas.Compute(counts));
        }, iter: 3_000);
    }

    [Fact]
    public void Late_from_is_the_rule_judged_at_any_moment()
    {
        // Judgement.LateFrom collapses the rule to one instant; check it against the rule as written.
        Gen.Select(Facts, Gen.Int[0, 120 * 24]).Sample((fact, hours) =>
        {
            var end = Origin.AddHours(hours);
            Assert.Equal(AsWritten(fact, end), Judgement.IsOnTimeAt(fact, end));
        }, iter: 10_000);
    }

    /// <summary>Issue 4's words: subtract the supplement's time if provided before the end, else end at the request; more than one is late.</summary>
    private static bool AsWritten(DossierFact f, DateTime end)
    {
        if (f.SupplementRequests > 1)
        {
            return false;
        }

        if (f.SupplementRequests == 1 && f.SupplementRequestedAt is { } at && at < end)
        {
            end = f.SupplementedAt is { } s && s < end ? end - (s - at) : at;
        }

        return end <= f.DueAt;
    }
}
