using Motcua.Indexes.Contracts;

namespace Motcua.Indexes.Counting;

/// <summary>One counter changed by one on one day of one unit.</summary>
internal readonly record struct Contribution(DateOnly Day, Counter Counter, int Change);

/// <summary>
/// What one dossier adds to the daily counters of its unit. A change of a dossier is its new
/// contributions less its old ones, so the counters can be kept incrementally and always equal a
/// recomputation from the facts (a property test checks exactly that).
/// </summary>
internal static class Contributions
{
    public static List<Contribution> Of(DossierFact fact)
    {
        var result = new List<Contribution>(16);
        var received = DateOnly.FromDateTime(fact.ReceivedAt);
        void Add(DateOnly day, Counter counter, int change = 1) => result.Add(new Contribution(day, counter, change));

        Add(received, Counter.Received);
        if (fact.Channel == FactChannel.Online)
        {
            Add(received, Counter.ReceivedOnline);
            if (fact.OnlineLevel == FactOnlineLevel.Full)
            {
                Add(received, Counter.ReceivedFullOnline);
            }
        }

        if (fact.Channel == FactChannel.Postal)
        {
            Add(received, Counter.ReceivedPostal);
        }

        if (fact.FeeAmount > 0)
        {
            Add(received, Counter.ReceivedWithFee);
            if (fact.PaidOnline)
            {
                Add(received, Counter.ReceivedPaidOnline);
            }
        }

        if (fact.DocumentsTotal > 0)
        {
            Add(received, Counter.ReceivedWithDocuments);
            if (fact.DocumentsDigitised >= fact.DocumentsTotal)
            {
                Add(received, Counter.ReceivedFullyDigitised);
            }

            if (fact.DocumentsReused > 0)
            {
                Add(received, Counter.ReceivedReusing);
            }
        }

        if (fact.SyncedToNationalPortal)
        {
            Add(received, Counter.ReceivedSynced);
        }

        DateOnly? completed = fact.CompletedAt is { } completedAt ? DateOnly.FromDateTime(completedAt) : null;
        if (completed is { } day)
        {
            var onTime = Judgement.IsOnTimeAt(fact, fact.CompletedAt!.Value);
            Add(day, Counter.Completed);
            if (onTime)
            {
                Add(day, Counter.CompletedOnTime);
            }
            else if (fact.Apologies > 0)
            {
                Add(day, Counter.CompletedLateWithApology);
            }

            if (fact.DigitisedResult)
            {
                Add(day, Counter.CompletedResultDigitised);
            }

            if (fact.ElectronicResult)
            {
                Add(day, Counter.CompletedElectronicResult);
            }

            if (fact.Rating is { } rating)
            {
                Add(day, Counter.Rated);
                Add(day, rating == FactRating.NotSatisfied ? Counter.RatedNotSatisfied : Counter.RatedSatisfied);
                if (rating == FactRating.NotSatisfied && fact.RatedHarassment)
                {
                    Add(day, Counter.RatedHarassment);
                }
            }
        }

        if (fact.ReturnedAt is { } returnedAt)
        {
            var returned = DateOnly.FromDateTime(returnedAt);
            Add(returned, Counter.Returned);
            if (fact.ReturnChannel == FactChannel.Postal)
            {
                Add(returned, Counter.ReturnedPostal);
            }
        }

        // Running balances: open at the end of day D when received on or before D and completed after D.
        Interval(result, received, completed, Counter.OpenChange);
        if (Judgement.LateFrom(fact) is { } lateFrom)
        {
            // Late at the end of D when D ends after the instant: from the day of that instant on.
            Interval(result, Later(received, lateFrom), completed, Counter.OpenLateChange);
        }

        Interval(result, Later(received, fact.DueAt), completed, Counter.OverdueChange);
        return result;
    }

    private static DateOnly Later(DateOnly received, DateTime instant) =>
        instant == DateTime.MinValue || DateOnly.FromDateTime(instant) < received ? received : DateOnly.FromDateTime(instant);

    private static void Interval(List<Contribution> into, DateOnly from, DateOnly? until, Counter counter)
    {
        if (until is { } end && end <= from)
        {
            return;
        }

        into.Add(new Contribution(from, counter, 1));
        if (until is { } last)
        {
            into.Add(new Contribution(last, counter, -1));
        }
    }
}
