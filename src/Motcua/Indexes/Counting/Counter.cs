namespace Motcua.Indexes.Counting;

/// <summary>
/// The counters kept per unit and day from which every dossier indicator is computed. Flow counters are
/// summed over the days of a period; running balances (<see cref="IsBalance"/>) are changes whose sum
/// over every day up to the end of a period gives a state at that end (dossiers still open, open and
/// late, open and past their appointment). The names are also the column names of the counter tables.
/// </summary>
internal enum Counter
{
    Received,
    ReceivedOnline,
    ReceivedFullOnline,
    ReceivedPostal,
    ReceivedWithFee,
    ReceivedPaidOnline,
    ReceivedWithDocuments,
    ReceivedFullyDigitised,
    ReceivedReusing,
    ReceivedSynced,
    Completed,
    CompletedOnTime,
    CompletedLateWithApology,
    CompletedResultDigitised,
    CompletedElectronicResult,
    Rated,
    RatedSatisfied,
    RatedNotSatisfied,
    RatedHarassment,
    Returned,
    ReturnedPostal,
    OpenChange,
    OpenLateChange,
    OverdueChange,
}

internal static class Counters
{
    public static readonly Counter[] All = Enum.GetValues<Counter>();

    public static readonly int Count = All.Length;

    public static bool IsBalance(Counter counter) => counter is Counter.OpenChange or Counter.OpenLateChange or Counter.OverdueChange;
}
