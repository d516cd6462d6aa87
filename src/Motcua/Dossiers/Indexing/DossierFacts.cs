using Motcua.Indexes.Contracts;

namespace Motcua.Dossiers.Indexing;

/// <summary>
/// What the indexes count of a dossier. Only received dossiers count; a withdrawn or cancelled dossier
/// leaves the figures (it was not processed), which the feed turns into a correction of the counters.
/// </summary>
internal static class DossierFacts
{
    public static DossierFact? Of(Dossier d, bool synced = false)
    {
        if (d.ReceivedAt is not { } received || d.OriginalDueAt is not { } due || d.Status is DossierStatus.Withdrawn or DossierStatus.Cancelled)
        {
            return null;
        }

        var provided = d.Documents.Where(x => x.Provided).ToList();
        return new DossierFact
        {
            Code = d.Code,
            UnitId = d.UnitId,
            ProcedureCode = d.ProcedureCode,
            Channel = Map(d.Channel),
            OnlineLevel = d.OnlineLevel switch
            {
                "full" => FactOnlineLevel.Full,
                "partial" => FactOnlineLevel.Partial,
                _ => FactOnlineLevel.None,
            },
            ReceivedAt = received,
            DueAt = due,
            CompletedAt = d.CompletedAt,
            ReturnedAt = d.ReturnedAt,
            ReturnChannel = d.ReturnChannel is { } back ? Map(back) : null,
            Apologies = d.ApologyAt is null ? 0 : 1,
            FirstApologyAt = d.ApologyAt,
            NewDueAt = d.ApologyAt is null ? null : d.DueAt,
            SupplementRequests = d.SupplementRequests,
            SupplementRequestedAt = d.SupplementRequestedAt,
            SupplementedAt = d.SupplementedAt,
            DocumentsTotal = provided.Count,
            DocumentsDigitised = provided.Count(x => x.Digitised || x.Reused),
            DocumentsReused = provided.Count(x => x.Reused),
            ElectronicResult = d.ElectronicResult,
            DigitisedResult = d.DigitisedResult,
            FeeAmount = d.Fee,
            PaidOnline = d.PaidOnline,
            Rating = d.Rating switch
            {
                Rating.VerySatisfied => FactRating.VerySatisfied,
                Rating.Satisfied => FactRating.Satisfied,
                Rating.NotSatisfied => FactRating.NotSatisfied,
                _ => null,
            },
            RatedHarassment = d.RatedHarassment,
            SyncedToNationalPortal = synced,
        };
    }

    private static FactChannel Map(Channel channel) => channel switch
    {
        Channel.Online => FactChannel.Online,
        Channel.Postal => FactChannel.Postal,
        _ => FactChannel.Counter,
    };
}
