namespace Motcua.Indexes.Data;

/// <summary>
/// One column per <see cref="Counting.Counter"/>, with the counter's name (a unit test keeps the two lists
/// equal). Shared by the folded counters and the pending changes; the set-based SQL of
/// <see cref="IndexSql"/> addresses the columns by the counter names.
/// </summary>
internal abstract class CounterColumns
{
    public long Received { get; set; }

    public long ReceivedOnline { get; set; }

    public long ReceivedFullOnline { get; set; }

    public long ReceivedPostal { get; set; }

    public long ReceivedWithFee { get; set; }

    public long ReceivedPaidOnline { get; set; }

    public long ReceivedWithDocuments { get; set; }

    public long ReceivedFullyDigitised { get; set; }

    public long ReceivedReusing { get; set; }

    public long ReceivedSynced { get; set; }

    public long Completed { get; set; }

    public long CompletedOnTime { get; set; }

    public long CompletedLateWithApology { get; set; }

    public long CompletedResultDigitised { get; set; }

    public long CompletedElectronicResult { get; set; }

    public long Rated { get; set; }

    public long RatedSatisfied { get; set; }

    public long RatedNotSatisfied { get; set; }

    public long RatedHarassment { get; set; }

    public long Returned { get; set; }

    public long ReturnedPostal { get; set; }

    public long OpenChange { get; set; }

    public long OpenLateChange { get; set; }

    public long OverdueChange { get; set; }

    public long Get(Counting.Counter counter) => counter switch
    {
        Counting.Counter.Received => Received,
        Counting.Counter.ReceivedOnline => ReceivedOnline,
        Counting.Counter.ReceivedFullOnline => ReceivedFullOnline,
        Counting.Counter.ReceivedPostal => ReceivedPostal,
        Counting.Counter.ReceivedWithFee => ReceivedWithFee,
        Counting.Counter.ReceivedPaidOnline => ReceivedPaidOnline,
        Counting.Counter.ReceivedWithDocuments => ReceivedWithDocuments,
        Counting.Counter.ReceivedFullyDigitised => ReceivedFullyDigitised,
        Counting.Counter.ReceivedReusing => ReceivedReusing,
        Counting.Counter.ReceivedSynced => ReceivedSynced,
        Counting.Counter.Completed => Completed,
        Counting.Counter.CompletedOnTime => CompletedOnTime,
        Counting.Counter.CompletedLateWithApology => CompletedLateWithApology,
        Counting.Counter.CompletedResultDigitised => CompletedResultDigitised,
        Counting.Counter.CompletedElectronicResult => CompletedElectronicResult,
        Counting.Counter.Rated => Rated,
        Counting.Counter.RatedSatisfied => RatedSatisfied,
        Counting.Counter.RatedNotSatisfied => RatedNotSatisfied,
        Counting.Counter.RatedHarassment => RatedHarassment,
        Counting.Counter.Returned => Returned,
        Counting.Counter.ReturnedPostal => ReturnedPostal,
        Counting.Counter.OpenChange => OpenChange,
        Counting.Counter.OpenLateChange => OpenLateChange,
        Counting.Counter.OverdueChange => OverdueChange,
        _ => throw new ArgumentOutOfRangeException(nameof(counter)),
    };

    public void Set(Counting.Counter counter, long value)
    {
        switch (counter)
        {
            case Counting.Counter.Received:
                Received = value;
                break;
            case Counting.Counter.ReceivedOnline:
                ReceivedOnline = value;
                break;
            case Counting.Counter.ReceivedFullOnline:
                ReceivedFullOnline = value;
                break;
            case Counting.Counter.ReceivedPostal:
                ReceivedPostal = value;
                break;
            case Counting.Counter.ReceivedWithFee:
                ReceivedWithFee = value;
                break;
            case Counting.Counter.ReceivedPaidOnline:
                ReceivedPaidOnline = value;
                break;
            case Counting.Counter.ReceivedWithDocuments:
                ReceivedWithDocuments = value;
                break;
            case Counting.Counter.ReceivedFullyDigitised:
                ReceivedFullyDigitised = value;
                break;
            case Counting.Counter.ReceivedReusing:
                ReceivedReusing = value;
                break;
            case Counting.Counter.ReceivedSynced:
                ReceivedSynced = value;
                break;
            case Counting.Counter.Completed:
                Completed = value;
                break;
            case Counting.Counter.CompletedOnTime:
                CompletedOnTime = value;
                break;
            case Counting.Counter.CompletedLateWithApology:
                CompletedLateWithApology = value;
                break;
            case Counting.Counter.CompletedResultDigitised:
                CompletedResultDigitised = value;
                break;
            case Counting.Counter.CompletedElectronicResult:
                CompletedElectronicResult = value;
                break;
            case Counting.Counter.Rated:
                Rated = value;
                break;
            case Counting.Counter.RatedSatisfied:
                RatedSatisfied = value;
                break;
            case Counting.Counter.RatedNotSatisfied:
                RatedNotSatisfied = value;
                break;
            case Counting.Counter.RatedHarassment:
                RatedHarassment = value;
                break;
            case Counting.Counter.Returned:
                Returned = value;
                break;
            case Counting.Counter.ReturnedPostal:
                ReturnedPostal = value;
                break;
            case Counting.Counter.OpenChange:
                OpenChange = value;
                break;
            case Counting.Counter.OpenLateChange:
                OpenLateChange = value;
                break;
            case Counting.Counter.OverdueChange:
                OverdueChange = value;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(counter));
        }
    }
}
