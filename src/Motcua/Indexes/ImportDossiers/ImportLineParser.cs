using System.Globalization;
using System.Text.Json;
using Motcua.Common;
using Motcua.Indexes.Contracts;

namespace Motcua.Indexes.ImportDossiers;

/// <summary>
/// Turns a line into a <see cref="DossierFact"/> or says precisely what is wrong with it. Pure: units and
/// procedures are looked up through the delegates given.
/// </summary>
internal static class ImportLineParser
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Kept once: a ten-million-line import parses up to eight times per line.
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static (DossierFact? Fact, List<(string Message, object[] Arguments)> Problems) Parse(
        string text, Func<string, Guid?> unitOf, Func<string, bool> procedureExists)
    {
        var problems = new List<(string, object[])>();
        void Problem(string message, params object[] arguments) => problems.Add((message, arguments));

        ImportLine? line;
        try
        {
            line = JsonSerializer.Deserialize<ImportLine>(text, Json);
        }
        catch (JsonException exception)
        {
            Problem("Not a JSON object: {0}", exception.Message.Split(" Path:", 2)[0]);
            return (null, problems);
        }

        if (line is null)
        {
            Problem("Not a JSON object: {0}", text.Length > 40 ? text[..40] : text);
            return (null, problems);
        }

        var code = line.Code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 60)
        {
            Problem("The dossier code is missing or longer than 60 characters.");
        }

        Guid? unit = null;
        if (string.IsNullOrWhiteSpace(line.UnitCode) || (unit = unitOf(line.UnitCode.Trim().ToUpperInvariant())) is null)
        {
            Problem("There is no unit with code {0}.", line.UnitCode ?? string.Empty);
        }

        if (string.IsNullOrWhiteSpace(line.ProcedureCode) || !procedureExists(line.ProcedureCode.Trim()))
        {
            Problem("There is no procedure with code {0} in the catalogue.", line.ProcedureCode ?? string.Empty);
        }

        var channel = ChannelOf(line.Channel, "channel", required: true, problems);
        var returnChannel = ChannelOf(line.ReturnChannel, "returnChannel", required: false, problems);
        FactOnlineLevel level = FactOnlineLevel.None;
        if (line.OnlineLevel is not null && !Enum.TryParse(line.OnlineLevel, ignoreCase: true, out level))
        {
            Problem("{0} must be one of {1}; it is \"{2}\".", "onlineLevel", "none, partial, full", line.OnlineLevel);
        }

        var received = Time(line.ReceivedAt, "receivedAt", required: true, problems);
        var due = Time(line.DueAt, "dueAt", required: true, problems);
        var completed = Time(line.CompletedAt, "completedAt", required: false, problems);
        var returned = Time(line.ReturnedAt, "returnedAt", required: false, problems);
        if (received is { } r)
        {
            if (due < r)
            {
                Problem("The appointment ({0}) is before the receipt ({1}).", Show(due), Show(r));
            }

            if (completed < r)
            {
                Problem("Completed ({0}) before it was received ({1}).", Show(completed), Show(r));
            }
        }

        if (returned is { } back)
        {
            if (completed is null)
            {
                Problem("Returned ({0}) but never completed.", Show(back));
            }
            else if (back < completed)
            {
                Problem("Returned ({0}) before it was completed ({1}).", Show(back), Show(completed));
            }

            if (returnChannel is null)
            {
                Problem("{0} is required.", "returnChannel");
            }
        }

        var supplements = new List<(DateTime At, DateTime? Supplemented)>();
        foreach (var (request, index) in (line.SupplementRequests ?? []).Select((s, i) => (s, i + 1)))
        {
            var at = Time(request?.At, $"supplementRequests[{index}].at", required: true, problems);
            var supplemented = Time(request?.SupplementedAt, $"supplementRequests[{index}].supplementedAt", required: false, problems);
            if (at is { } asked)
            {
                if (asked < received)
                {
                    Problem("Supplement requested ({0}) before the dossier was received ({1}).", Show(asked), Show(received));
                }

                if (supplemented < asked)
                {
                    Problem("Supplemented ({0}) before it was requested ({1}).", Show(supplemented), Show(asked));
                }

                if (completed < asked)
                {
                    Problem("Supplement requested ({0}) after the dossier was completed ({1}).", Show(asked), Show(completed));
                }

                supplements.Add((asked, supplemented));
            }
        }

        var apologies = new List<(DateTime At, DateTime? NewDue)>();
        foreach (var (apology, index) in (line.Apologies ?? []).Select((a, i) => (a, i + 1)))
        {
            var at = Time(apology?.At, $"apologies[{index}].at", required: true, problems);
            var newDue = Time(apology?.NewDueAt, $"apologies[{index}].newDueAt", required: false, problems);
            if (at is { } when)
            {
                if (when < received)
                {
                    Problem("Apology ({0}) before the dossier was received ({1}).", Show(when), Show(received));
                }

                apologies.Add((when, newDue));
            }
        }

        var documents = line.Documents ?? new ImportDocuments(0, 0, 0);
        if (documents.Total < 0 || documents.Digitised < 0 || documents.Reused < 0 || documents.Digitised > documents.Total || documents.Reused > documents.Total)
        {
            Problem("documents: digitised and reused must be between 0 and total ({0}).", documents.Total);
        }

        if (line.Fee is { Amount: < 0 })
        {
            Problem("The fee cannot be negative.");
        }

        FactRating? rating = null;
        if (line.Rating is not null)
        {
            if (!Enum.TryParse<FactRating>(line.Rating, ignoreCase: true, out var parsed))
            {
                Problem("{0} must be one of {1}; it is \"{2}\".", "rating", "verySatisfied, satisfied, notSatisfied", line.Rating);
            }
            else if (completed is null)
            {
                Problem("Rated but never completed.");
            }
            else
            {
                rating = parsed;
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        supplements.Sort((a, b) => a.At.CompareTo(b.At));
        apologies.Sort((a, b) => a.At.CompareTo(b.At));
        return (new DossierFact
        {
            Code = code!,
            UnitId = unit!.Value,
            ProcedureCode = line.ProcedureCode!.Trim(),
            Channel = channel!.Value,
            OnlineLevel = level,
            ReceivedAt = received!.Value,
            DueAt = due!.Value,
            CompletedAt = completed,
            ReturnedAt = returned,
            ReturnChannel = returnChannel,
            Apologies = apologies.Count,
            FirstApologyAt = apologies.Count > 0 ? apologies[0].At : null,
            NewDueAt = apologies.Count > 0 ? apologies[0].NewDue : null,
            SupplementRequests = supplements.Count,
            SupplementRequestedAt = supplements.Count > 0 ? supplements[0].At : null,
            SupplementedAt = supplements.Count > 0 ? supplements[0].Supplemented : null,
            DocumentsTotal = documents.Total,
            DocumentsDigitised = documents.Digitised,
            DocumentsReused = documents.Reused,
            ElectronicResult = line.Result?.Electronic ?? false,
            DigitisedResult = line.Result is { } result && (result.Digitised || result.Electronic),
            FeeAmount = line.Fee?.Amount ?? 0,
            PaidOnline = line.Fee?.PaidOnline ?? false,
            Rating = rating,
            RatedHarassment = rating == FactRating.NotSatisfied && line.Harassment == true,
            SyncedToNationalPortal = line.SyncedToNationalPortal ?? false,
            Imported = true,
        }, problems);
    }

    private static string Show(DateTime? value) => value?.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? string.Empty;

    private static FactChannel? ChannelOf(string? value, string field, bool required, List<(string, object[])> problems)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add(("{0} is required.", [field]));
            }

            return null;
        }

        if (Enum.TryParse<FactChannel>(value, ignoreCase: true, out var channel) && !int.TryParse(value, out _))
        {
            return channel;
        }

        problems.Add(("{0} must be one of {1}; it is \"{2}\".", [field, "counter, online, postal", value]));
        return null;
    }

    /// <summary>Vietnam local time; a time with an offset (or Z) is converted to it.</summary>
    private static DateTime? Time(string? value, string field, bool required, List<(string, object[])> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(("{0} is required.", [field]));
            }

            return null;
        }

        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        if (DateTimeOffset.TryParseExact(value, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
        {
            return VietnamTime.ToLocal(offset.UtcDateTime);
        }

        problems.Add(("{0} is not a date and time (YYYY-MM-DDTHH:MM:SS): \"{1}\".", [field, value]));
        return null;
    }
}
