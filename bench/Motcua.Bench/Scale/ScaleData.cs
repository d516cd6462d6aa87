using System.Globalization;
using System.Text;
using System.Text.Json;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Counting;

namespace Motcua.Bench.Scale;

/// <summary>One unit of the generated tree, as a row of the units import file.</summary>
internal sealed record ScaleUnit(string Code, string Name, string Kind, string? Parent, DateOnly ValidFrom, DateOnly? ValidTo, string? Predecessors);

/// <summary>A generated dossier: its fact, its unit's code, and what the JSON line has beyond the fact.</summary>
internal sealed record GeneratedDossier(DossierFact Fact, string UnitCode, DateTime? SecondSupplementAt, DateTime? SecondApologyAt);

/// <summary>
/// A realistic province after the 2025 reform, and three years of its dossiers, deterministic for a seed.
/// Two former provinces (until 30/06/2025) with their districts and communes, merged into one province
/// whose new communes each succeed about three former ones: the shape every Vietnamese province has
/// now, and the one that makes scopes span predecessors. Dossiers are generated day by day in order
/// of receipt (as other systems export them), with a Zipf-like procedure mix, communes of very
/// different sizes, working-week seasonality and the rates one sees in published 766 figures.
/// </summary>
internal sealed class ScaleData
{
    public static readonly DateOnly FirstDay = new(2023, 7, 1);
    public static readonly DateOnly LastDay = new(2026, 6, 30);
    public static readonly DateOnly Reform = new(2025, 7, 1);

    /// <summary>The moment the data set is taken: later completions and returns have not happened yet.</summary>
    public static readonly DateTime End = LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);

    private static readonly int[] WorkingDays = [1, 2, 3, 5, 7, 10, 15, 20];

    public ScaleData(int units, int procedures = 200)
    {
        var oldCommunes = Math.Max(6, (int)(units * 0.72));
        var districts = Math.Max(2, oldCommunes / 40);
        var newCommunes = (oldCommunes + 2) / 3;
        var random = new Random(766);
        var tree = new List<ScaleUnit>
        {
            new("T01", "Tỉnh Bắc Thử", "province", null, new DateOnly(2000, 1, 1), null, null),
            new("T02", "Tỉnh Nam Thử", "province", null, new DateOnly(2000, 1, 1), null, null),
            new("T00", "Tỉnh Thử Nghiệm", "province", null, Reform, null, "T01;T02"),
        };
        for (var d = 0; d < districts; d++)
        {
            tree.Add(new ScaleUnit($"H{d:D3}", $"Huyện Thử {d + 1}", "district", d < districts / 2 ? "T01" : "T02", new DateOnly(2000, 1, 1), Reform.AddDays(-1), null));
        }

        var oldWeights = new double[oldCommunes];
        for (var c = 0; c < oldCommunes; c++)
        {
            // Communes differ tenfold and more in size (a city ward against a mountain commune): log-normal.
            oldWeights[c] = Math.Exp(Normal(random) * 0.8);
            tree.Add(new ScaleUnit($"X{c:D4}", $"Xã Cũ {c + 1}", "commune", $"H{c * districts / oldCommunes:D3}", new DateOnly(2000, 1, 1), null, null));
        }

        var newWeights = new double[newCommunes];
        for (var n = 0; n < newCommunes; n++)
        {
            var members = Enumerable.Range(n * 3, 3).Where(c => c < oldCommunes).ToList();
            newWeights[n] = members.Sum(c => oldWeights[c]);
            tree.Add(new ScaleUnit($"XM{n:D3}", $"Xã Mới {n + 1}", n % 5 == 0 ? "ward" : "commune", "T00", Reform, null, string.Join(';', members.Select(c => $"X{c:D4}"))));
        }

        Units = tree;
        OldCommunes = [.. Enumerable.Range(0, oldCommunes).Select(c => $"X{c:D4}")];
        NewCommunes = [.. Enumerable.Range(0, newCommunes).Select(n => $"XM{n:D3}")];
        _oldCumulative = Cumulative(oldWeights);
        _newCumulative = Cumulative(newWeights);
        Procedures = [.. Enumerable.Range(0, procedures).Select(p => $"2.{100_001 + (p * 7):D6}")];
        _procedureCumulative = Cumulative([.. Enumerable.Range(1, procedures).Select(rank => 1 / Math.Pow(rank, 1.1))]);
        _procedureDays = [.. Enumerable.Range(0, procedures).Select(p => WorkingDays[(p * 5 + 3) % WorkingDays.Length])];
        _procedureFee = [.. Enumerable.Range(0, procedures).Select(p => p % 5 < 2 ? (p % 7 + 1) * 25_000L : 0L)];
    }

    private readonly double[] _oldCumulative;
    private readonly double[] _newCumulative;
    private readonly double[] _procedureCumulative;
    private readonly int[] _procedureDays;
    private readonly long[] _procedureFee;

    public IReadOnlyList<ScaleUnit> Units { get; }

    public string[] OldCommunes { get; }

    public string[] NewCommunes { get; }

    public string[] Procedures { get; }

    public int ProcedureDays(string code) => _procedureDays[Array.IndexOf(Procedures, code)];

    /// <summary>The units import file (CSV) of <see cref="Units"/>.</summary>
    public string UnitsCsv()
    {
        var csv = new StringBuilder("code,name,kind,parentCode,validFrom,validTo,predecessorCodes\n");
        foreach (var u in Units)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{u.Code},{u.Name},{u.Kind},{u.Parent},{u.ValidFrom:yyyy-MM-dd},{u.ValidTo:yyyy-MM-dd},{u.Predecessors}\n");
        }

        return csv.ToString();
    }

    /// <summary>The procedure catalogue import file (CSV), one required document each.</summary>
    public string ProceduresCsv()
    {
        var csv = new StringBuilder("code,name,field,level,onlineLevel,variantCode,processingTime,timeUnit,fee,documentName,originals,copies\n");
        for (var p = 0; p < Procedures.Length; p++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Procedures[p]},Thủ tục thử {p + 1},Lĩnh vực {p % 12 + 1},commune,{(p % 3 == 0 ? "partial" : "full")},01,{_procedureDays[p]},workingDays,{_procedureFee[p]},Tờ khai,1,0\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// <paramref name="count"/> dossiers spread over the three years, in order of receipt. Units are
    /// resolved by code through <paramref name="unitIds"/>.
    /// </summary>
    public IEnumerable<GeneratedDossier> Dossiers(long count, IReadOnlyDictionary<string, Guid> unitIds, int seed = 1)
    {
        var random = new Random(seed);
        var days = new List<(DateOnly Day, double Weight)>();
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            days.Add((day, DayWeight(day)));
        }

        var total = days.Sum(d => d.Weight);
        double carried = 0;
        long made = 0;
        foreach (var (day, weight) in days)
        {
            carried += count * weight / total;
            var today = (long)Math.Round(carried) - made;
            for (var i = 0; i < today; i++)
            {
                yield return One(random, day, i, unitIds);
            }

            made += today;
        }
    }

    private GeneratedDossier One(Random random, DateOnly day, int ofDay, IReadOnlyDictionary<string, Guid> unitIds)
    {
        var merged = day >= Reform;
        string unit;
        if (random.NextDouble() < 0.1)
        {
            // Provincial departments receive a tenth of the dossiers at the province's one-stop centre.
            unit = merged ? "T00" : random.NextDouble() < 0.55 ? "T01" : "T02";
        }
        else
        {
            unit = merged ? NewCommunes[Pick(_newCumulative, random)] : OldCommunes[Pick(_oldCumulative, random)];
        }

        var procedure = Pick(_procedureCumulative, random);
        var online = random.NextDouble() < 0.6;
        var postal = !online && random.NextDouble() < 0.05;
        var minute = online ? random.Next(0, 24 * 60) : random.Next(7 * 60 + 30, 17 * 60);
        var received = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute).AddSeconds(random.Next(60));
        var due = AddWorkingDays(received, _procedureDays[procedure]);
        var span = due - received;

        // Supplements: one in twelve dossiers is asked once, one in two hundred twice.
        var requests = random.NextDouble() switch { < 0.005 => 2, < 0.085 => 1, _ => 0 };
        DateTime? asked = null, supplemented = null, secondAsked = null;
        var pause = TimeSpan.Zero;
        if (requests > 0)
        {
            asked = Seconds(received + (span * (0.1 + (0.4 * random.NextDouble()))));
            if (random.NextDouble() < 0.92)
            {
                supplemented = Seconds(asked.Value + TimeSpan.FromHours(random.Next(4, 240)));
                pause = supplemented.Value - asked.Value;
            }

            if (requests == 2)
            {
                secondAsked = (supplemented ?? asked.Value).AddHours(random.Next(2, 48));
            }
        }

        // Completion: about 95 % on time; an outstanding supplement ends as a stop after 30 days.
        DateTime completed;
        if (asked is { } a && supplemented is null)
        {
            completed = (secondAsked ?? a).AddDays(30);
        }
        else if (random.NextDouble() < 0.95 && requests < 2)
        {
            completed = Seconds(received + pause + (span * (0.2 + (0.78 * random.NextDouble()))));
        }
        else
        {
            completed = Seconds(due + pause + TimeSpan.FromHours(random.Next(6, 12 * 24)));
        }

        if ((secondAsked ?? supplemented ?? asked) is { } lastStep && completed <= lastStep)
        {
            completed = lastStep.AddHours(random.Next(2, 72));
        }

        var late = completed > due + pause;
        DateTime? firstApology = null, newDue = null, secondApology = null;
        var apologies = 0;
        if (late && random.NextDouble() < 0.7)
        {
            apologies = random.NextDouble() < 0.05 ? 2 : 1;
            firstApology = Later(received, due.AddHours(-random.Next(1, 24)));
            newDue = due.AddDays(7);
            secondApology = apologies == 2 ? firstApology.Value.AddDays(5) : null;
        }

        // The data set is taken at End: what would happen later has not happened yet.
        if (asked >= End)
        {
            (requests, asked, supplemented, secondAsked) = (0, null, null, null);
        }

        supplemented = supplemented < End ? supplemented : null;
        if (secondAsked >= End)
        {
            (requests, secondAsked) = (1, null);
        }

        if (firstApology >= End)
        {
            (apologies, firstApology, newDue, secondApology) = (0, null, null, null);
        }

        if (secondApology >= End)
        {
            (apologies, secondApology) = (1, null);
        }

        DateTime? completedAt = completed < End ? completed : null;
        DateTime? returnedAt = null;
        FactChannel? returnChannel = null;
        if (completedAt is { } done && random.NextDouble() < 0.92)
        {
            var back = done.AddMinutes(random.Next(0, 5 * 24 * 60));
            if (back < End)
            {
                returnedAt = back;
                var r = random.NextDouble();
                returnChannel = online
                    ? r < 0.4 ? FactChannel.Online : r < 0.9 ? FactChannel.Counter : FactChannel.Postal
                    : r < 0.88 ? FactChannel.Counter : FactChannel.Postal;
            }
        }

        var documents = random.Next(1, 9);
        var digitised = random.NextDouble() < 0.75 ? documents : random.Next(0, documents);
        var reused = random.NextDouble() < 0.3 ? random.Next(1, documents + 1) : 0;
        var electronic = completedAt is not null && random.NextDouble() < 0.55;
        var digitisedResult = completedAt is not null && (electronic || random.NextDouble() < 0.6);
        var fee = _procedureFee[procedure];
        var paidOnline = fee > 0 && random.NextDouble() < (online ? 0.55 : 0.05);
        FactRating? rating = null;
        var harassment = false;
        if (completedAt is not null && random.NextDouble() < 0.35)
        {
            var r = random.NextDouble();
            rating = r < 0.6 ? FactRating.VerySatisfied : r < 0.95 ? FactRating.Satisfied : FactRating.NotSatisfied;
            harassment = rating == FactRating.NotSatisfied && random.NextDouble() < 0.1;
        }

        var fact = new DossierFact
        {
            Code = $"{unit}-{day:yyMMdd}-{ofDay:D6}",
            UnitId = unitIds[unit],
            ProcedureCode = Procedures[procedure],
            Channel = online ? FactChannel.Online : postal ? FactChannel.Postal : FactChannel.Counter,
            OnlineLevel = online ? (random.NextDouble() < 0.65 ? FactOnlineLevel.Full : FactOnlineLevel.Partial) : FactOnlineLevel.None,
            ReceivedAt = received,
            DueAt = due,
            CompletedAt = completedAt,
            ReturnedAt = returnedAt,
            ReturnChannel = returnChannel,
            Apologies = apologies,
            FirstApologyAt = firstApology,
            NewDueAt = newDue,
            SupplementRequests = requests,
            SupplementRequestedAt = asked,
            SupplementedAt = supplemented,
            DocumentsTotal = documents,
            DocumentsDigitised = digitised,
            DocumentsReused = reused,
            ElectronicResult = electronic,
            DigitisedResult = digitisedResult,
            FeeAmount = fee,
            PaidOnline = paidOnline,
            Rating = rating,
            RatedHarassment = harassment,
            SyncedToNationalPortal = random.NextDouble() < 0.93,
            Imported = true,
        };
        return new GeneratedDossier(fact, unit, secondAsked, secondApology);
    }

    /// <summary>The JSON line of a dossier, as another one-stop system exports it.</summary>
    public static void WriteJsonLine(Utf8JsonWriter json, GeneratedDossier dossier)
    {
        var f = dossier.Fact;
        json.WriteStartObject();
        json.WriteString("code", f.Code);
        json.WriteString("procedureCode", f.ProcedureCode);
        json.WriteString("unitCode", dossier.UnitCode);
        json.WriteString("channel", Camel(f.Channel.ToString()));
        json.WriteString("onlineLevel", Camel(f.OnlineLevel.ToString()));
        Time(json, "receivedAt", f.ReceivedAt);
        Time(json, "dueAt", f.DueAt);
        Time(json, "completedAt", f.CompletedAt);
        Time(json, "returnedAt", f.ReturnedAt);
        if (f.ReturnChannel is { } back)
        {
            json.WriteString("returnChannel", Camel(back.ToString()));
        }

        if (f.Apologies > 0)
        {
            json.WriteStartArray("apologies");
            json.WriteStartObject();
            Time(json, "at", f.FirstApologyAt);
            Time(json, "newDueAt", f.NewDueAt);
            json.WriteEndObject();
            if (dossier.SecondApologyAt is { } second)
            {
                json.WriteStartObject();
                Time(json, "at", second);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (f.SupplementRequests > 0)
        {
            json.WriteStartArray("supplementRequests");
            json.WriteStartObject();
            Time(json, "at", f.SupplementRequestedAt);
            Time(json, "supplementedAt", f.SupplementedAt);
            json.WriteEndObject();
            if (dossier.SecondSupplementAt is { } second)
            {
                json.WriteStartObject();
                Time(json, "at", second);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("documents");
        json.WriteNumber("total", f.DocumentsTotal);
        json.WriteNumber("digitised", f.DocumentsDigitised);
        json.WriteNumber("reused", f.DocumentsReused);
        json.WriteEndObject();
        if (f.CompletedAt is not null)
        {
            json.WriteStartObject("result");
            json.WriteBoolean("electronic", f.ElectronicResult);
            json.WriteBoolean("digitised", f.DigitisedResult);
            json.WriteEndObject();
        }

        if (f.FeeAmount > 0)
        {
            json.WriteStartObject("fee");
            json.WriteNumber("amount", f.FeeAmount);
            json.WriteBoolean("paidOnline", f.PaidOnline);
            json.WriteEndObject();
        }

        if (f.Rating is { } rating)
        {
            json.WriteString("rating", Camel(rating.ToString()));
            json.WriteBoolean("harassment", f.RatedHarassment);
        }

        json.WriteBoolean("syncedToNationalPortal", f.SyncedToNationalPortal);
        json.WriteEndObject();
    }

    /// <summary>The CSV row of a fact in the column order of <c>index_facts</c>, for psql's \copy.</summary>
    public static void WriteCsvLine(TextWriter csv, DossierFact f, DateTime updatedAt)
    {
        static string T(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty;
        static string B(bool b) => b ? "t" : "f";
        var onTime = Judgement.CompletedOnTime(f);
        csv.Write(string.Create(CultureInfo.InvariantCulture,
            $"{f.Code},{f.UnitId},{f.ProcedureCode},{f.Channel},{f.OnlineLevel},{T(f.ReceivedAt)},{T(f.DueAt)},{T(f.CompletedAt)},{T(f.ReturnedAt)},{f.ReturnChannel},"));
        csv.Write(string.Create(CultureInfo.InvariantCulture,
            $"{f.Apologies},{T(f.FirstApologyAt)},{T(f.NewDueAt)},{f.SupplementRequests},{T(f.SupplementRequestedAt)},{T(f.SupplementedAt)},"));
        csv.Write(string.Create(CultureInfo.InvariantCulture,
            $"{f.DocumentsTotal},{f.DocumentsDigitised},{f.DocumentsReused},{B(f.ElectronicResult)},{B(f.DigitisedResult)},{f.FeeAmount},{B(f.PaidOnline)},"));
        csv.Write(string.Create(CultureInfo.InvariantCulture,
            $"{f.Rating},{B(f.RatedHarassment)},{B(f.SyncedToNationalPortal)},{B(f.Imported)},{(onTime is { } o ? B(o) : string.Empty)},{T(updatedAt)}\n"));
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void Time(Utf8JsonWriter json, string name, DateTime? value)
    {
        if (value is { } t)
        {
            json.WriteString(name, t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        }
    }

    private static DateTime Seconds(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond));

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>Working days as Monday to Friday (the legal calendar's holidays do not matter for a load test).</summary>
    private static DateTime AddWorkingDays(DateTime from, int days)
    {
        var t = from;
        while (days > 0)
        {
            t = t.AddDays(1);
            if (t.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            {
                days--;
            }
        }

        return t;
    }

    /// <summary>Saturday mornings are open, Sundays hardly; the weeks around Tết are quiet, year ends busy.</summary>
    private static double DayWeight(DateOnly day)
    {
        var week = day.DayOfWeek switch { DayOfWeek.Saturday => 0.35, DayOfWeek.Sunday => 0.04, _ => 1.0 };
        double[] months = [1.0, 0.8, 1.05, 1.0, 1.0, 1.0, 0.95, 1.0, 1.0, 1.05, 1.1, 1.2];
        return week * months[day.Month - 1];
    }

    private static double[] Cumulative(double[] weights)
    {
        var result = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
