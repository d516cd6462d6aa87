namespace Motcua.Indexes.Counting;

/// <summary>
/// The counters of a scope for a period: flow counters summed over the period's days, running balances
/// summed over every day up to its end (so they hold the state at the end of the period).
/// </summary>
internal sealed class PeriodCounts
{
    private readonly long[] _values = new long[Counters.Count];

    public long this[Counter counter]
    {
        get => _values[(int)counter];
        set => _values[(int)counter] = value;
    }

    /// <summary>Adds one day's counters: flows only when the day is in the period, balances when it is not after its end.</summary>
    public void AddDay(DateOnly day, DateOnly from, DateOnly to, ReadOnlySpan<long> values)
    {
        if (day > to)
        {
            return;
        }

        var inPeriod = day >= from;
        foreach (var counter in Counters.All)
        {
            if (inPeriod || Counters.IsBalance(counter))
            {
                _values[(int)counter] += values[(int)counter];
            }
        }
    }

    public void Add(Counter counter, long value) => _values[(int)counter] += value;
}
