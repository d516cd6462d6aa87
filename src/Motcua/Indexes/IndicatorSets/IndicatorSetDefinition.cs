using System.Text.Json;
using System.Text.Json.Serialization;

namespace Motcua.Indexes.IndicatorSets;

/// <summary>Where an indicator's value comes from.</summary>
internal enum IndicatorSource
{
    /// <summary>Computed by Motcua from dossiers.</summary>
    Dossiers,

    /// <summary>Entered or imported with evidence (Motcua cannot observe it, e.g. publication on the national database).</summary>
    Manual,
}

/// <summary>
/// One scored item: <see cref="MaxPoints"/> × value / <see cref="FullAt"/>, capped at the maximum (so a
/// "full at 80 %" item gives full points from 80 % on). A lower-is-better item scores 1 − value.
/// </summary>
internal sealed record IndicatorItem(string Indicator, decimal MaxPoints, decimal FullAt = 1m, IndicatorSource Source = IndicatorSource.Dossiers, bool LowerIsBetter = false);

internal sealed record IndicatorGroup(string Code, string Name, decimal MaxPoints, IReadOnlyList<IndicatorItem> Items);

/// <summary>A rating band: totals from <see cref="MinPoints"/> up get <see cref="Name"/>.</summary>
internal sealed record RatingBand(decimal MinPoints, string Name);

/// <summary>
/// A versioned indicator set: groups of scored items, default targets and rating bands. Stored as JSON
/// with an effective date; a province adds its own set the same way.
/// </summary>
internal sealed record IndicatorSetDefinition(
    string Code,
    string Name,
    IReadOnlyList<IndicatorGroup> Groups,
    IReadOnlyDictionary<string, double> DefaultTargets,
    IReadOnlyList<RatingBand> Bands)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    /// <summary>
    /// Decision 766/QĐ-TTg as the National Portal computes it, reconstructed from public material (the
    /// domain notes): group maxima are official, the split is seed data an administrator may correct.
    /// The unnamed last 2 points of digitisation are given to digitised results; no official rating
    /// bands exist, these are editable.
    /// </summary>
    public static IndicatorSetDefinition Decision766 { get; } = new(
        "766",
        "Quyết định 766/QĐ-TTg: Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp",
        [
            new("publicity", "Công khai, minh bạch", 18,
            [
                new("proceduresPublishedOnTime", 6, Source: IndicatorSource.Manual),
                new("proceduresUpdatedOnTime", 4, Source: IndicatorSource.Manual),
                new("proceduresPublishedComplete", 2, Source: IndicatorSource.Manual),
                new("nationalPortalSyncRate", 6),
            ]),
            new("progress", "Tiến độ, kết quả giải quyết", 20,
            [
                new("onTimeRate", 20),
            ]),
            new("onlineServices", "Cung cấp dịch vụ trực tuyến", 12,
            [
                new("proceduresOfferedOnline", 2, 0.8m, IndicatorSource.Manual),
                new("onlineServicesWithDossiers", 4, Source: IndicatorSource.Manual),
                new("onlineRate", 6, 0.5m),
            ]),
            new("onlinePayment", "Thanh toán trực tuyến", 10,
            [
                new("onlinePaymentRate", 6),
                new("proceduresWithOnlinePayment", 2, 0.8m, IndicatorSource.Manual),
                new("proceduresWithFeeDossiersPaidOnline", 2, 0.8m, IndicatorSource.Manual),
            ]),
            new("digitisation", "Số hóa hồ sơ", 22,
            [
                new("electronicResultRate", 6),
                new("componentDigitisationRate", 4),
                new("eCertifiedCopyRate", 2, Source: IndicatorSource.Manual),
                new("reuseRate", 2, 0.8m),
                new("citizenDataStoreRate", 4, Source: IndicatorSource.Manual),
                new("populationDataRate", 2, Source: IndicatorSource.Manual),
                new("resultDigitisationRate", 2),
            ]),
            new("satisfaction", "Mức độ hài lòng", 18,
            [
                new("feedbackHandledOnTimeRate", 6, Source: IndicatorSource.Manual),
                new("feedbackSatisfactionRate", 6, Source: IndicatorSource.Manual),
                new("serviceSatisfactionIndex", 6, 0.9m),
            ]),
        ],
        new Dictionary<string, double>
        {
            // The seeds' targets (domain notes): the strictest national figure where they differ.
            ["onTimeRate"] = 0.95,
            ["completedOnTimeRate"] = 0.95,
            ["onlineRate"] = 0.6,
            ["fullOnlineRate"] = 0.3,
            ["onlinePaymentRate"] = 0.5,
            ["componentDigitisationRate"] = 0.9,
            ["resultDigitisationRate"] = 0.75,
            ["electronicResultRate"] = 1.0,
            ["reuseRate"] = 0.6,
            ["postalIntakeRate"] = 0.15,
            ["postalReturnRate"] = 0.15,
            ["satisfactionRate"] = 0.99,
            ["harassmentComplaintRate"] = 0.013,
            ["nationalPortalSyncRate"] = 1.0,
        },
        [new(90, "Xuất sắc"), new(80, "Tốt"), new(70, "Khá"), new(50, "Trung bình"), new(0, "Yếu")]);

    /// <summary>Indicators where a lower value is better (targets are maxima).</summary>
    public static bool LowerIsBetter(string indicator) =>
        indicator is "lateRate" or "overdueInProgress" or "harassmentComplaintRate" or "dissatisfactionRate";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IndicatorSetDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<IndicatorSetDefinition>(json, Json) ?? throw new JsonException("Empty indicator set.");

    /// <summary>
    /// Problems that make a definition unusable, each a rule message (English, the key of its translation)
    /// naming the part at fault; empty when the set can be used. Dossier items must be indicators Motcua
    /// computes, so a typo cannot silently score zero.
    /// </summary>
    public IEnumerable<Common.DomainException> Problems()
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 40)
        {
            yield return new Common.DomainException("code", "The indicator set needs a code of at most 40 characters.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new Common.DomainException("name", "The indicator set needs a name.");
        }

        if (Groups is null || Groups.Count == 0)
        {
            yield return new Common.DomainException("groups", "The indicator set needs at least one group.");
            yield break;
        }

        var indicators = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            if (group is null || string.IsNullOrWhiteSpace(group.Code))
            {
                yield return new Common.DomainException("groups", "Every group needs a code.");
                continue;
            }

            var sum = group.Items?.Sum(i => i?.MaxPoints ?? 0) ?? 0;
            if (group.Items is null || group.Items.Count == 0)
            {
                yield return new Common.DomainException("groups", "Group {0} has no indicators.", group.Code);
            }
            else if (sum != group.MaxPoints)
            {
                yield return new Common.DomainException("groups", "The points of group {0} do not add up to its maximum.", group.Code);
            }

            foreach (var item in group.Items ?? [])
            {
                if (item is null || string.IsNullOrWhiteSpace(item.Indicator))
                {
                    yield return new Common.DomainException("groups", "Every indicator of group {0} needs a code.", group.Code);
                    continue;
                }

                if (item.FullAt <= 0 || item.MaxPoints < 0)
                {
                    yield return new Common.DomainException("groups", "Indicator {0} needs positive points and a positive full-points level.", item.Indicator);
                }

                if (!indicators.Add(item.Indicator))
                {
                    yield return new Common.DomainException("groups", "Indicator {0} is scored more than once.", item.Indicator);
                }

                if (item.Source == IndicatorSource.Dossiers && !Counting.IndicatorFormulas.Codes.Contains(item.Indicator) && item.Indicator != "serviceSatisfactionIndex")
                {
                    yield return new Common.DomainException("groups", "Indicator {0} is not computed from dossiers: mark it manual or use a known code.", item.Indicator);
                }
            }
        }

        foreach (var (indicator, target) in DefaultTargets ?? new Dictionary<string, double>())
        {
            if (!double.IsFinite(target) || target < 0)
            {
                yield return new Common.DomainException("defaultTargets", "The default target of {0} must be a number from 0.", indicator);
            }
        }

        foreach (var band in Bands ?? [])
        {
            if (band is null || string.IsNullOrWhiteSpace(band.Name) || band.MinPoints < 0)
            {
                yield return new Common.DomainException("bands", "Every rating band needs a name and a minimum of at least 0 points.");
            }
        }
    }
}
