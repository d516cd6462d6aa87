using System.Globalization;

namespace Motcua.Plans.UnitTargets;

/// <summary>How an indicator's figure is read and written.</summary>
internal enum IndicatorKind
{
    /// <summary>A share from 0 to 1, shown as a percentage ("92%").</summary>
    Share = 1,

    /// <summary>A whole number (staff trained).</summary>
    Count = 2,

    /// <summary>Done or not (1 or 0): "LAN diagram drawn".</summary>
    YesNo = 3,
}

/// <summary>
/// An indicator that units are given targets for. <paramref name="Source"/> is <c>manual</c> (figures
/// entered with evidence) or <c>index:CODE</c>, a dossier indicator Motcua computes (its live figure is read
/// through <c>Indexes.Contracts.IServiceFigures</c> and cannot be entered).
/// </summary>
internal sealed record ReformIndicator(string Code, string VietnameseName, IndicatorKind Kind, string Source)
{
    public const string Manual = "manual";

    public bool IsManual => Source == Manual;

    /// <summary>The dossier indicator code for an <c>index:</c> source.</summary>
    public string? IndexIndicator => Source.StartsWith("index:", StringComparison.Ordinal) ? Source["index:".Length..] : null;

    /// <summary>"92%", "92,5%", "15", "Có"/"Chưa": how official documents write a figure.</summary>
    public string Format(double value) => Kind switch
    {
        IndicatorKind.Share => Math.Round(value * 100, 1).ToString("0.#", Vietnamese) + "%",
        IndicatorKind.YesNo => value >= 1 ? "Có" : "Chưa",
        _ => value.ToString("N0", Vietnamese),
    };

    /// <summary>Reads "92%", "0.92", "0,92" (a share), a whole number (a count), "1/0/có/không/yes/no" (yes-no); null when unreadable or out of range.</summary>
    public double? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (Kind == IndicatorKind.YesNo)
        {
            return trimmed.ToLowerInvariant() switch
            {
                "1" or "có" or "co" or "yes" or "true" or "đã" or "x" => 1,
                "0" or "không" or "khong" or "chưa" or "no" or "false" => 0,
                _ => null,
            };
        }

        var percent = trimmed.EndsWith('%');
        var number = (percent ? trimmed[..^1].TrimEnd() : trimmed).Replace(',', '.');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            return null;
        }

        if (Kind == IndicatorKind.Count)
        {
            return percent || value != Math.Floor(value) ? null : value;
        }

        // A share: "92%" or "92" beyond 1 means percent; "0.92" is already a share.
        value = percent || value > 1 ? value / 100 : value;
        return value is >= 0 and <= 1 ? value : null;
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}

/// <summary>
/// The catalogue of reform indicators with unit targets (data, not code paths): the ones seed 001
/// directs (digital signing, electronic exchange, electronic work files, staff trained, LAN diagram) are
/// entered by the units; the one-stop ones are read live from the dossier indexes.
/// </summary>
internal static class ReformIndicators
{
    public static readonly IReadOnlyList<ReformIndicator> All =
    [
        new("digitalSigningRate", "Tỷ lệ văn bản đi được ký số", IndicatorKind.Share, ReformIndicator.Manual),
        new("electronicExchangeRate", "Tỷ lệ văn bản được gửi, nhận dưới dạng điện tử", IndicatorKind.Share, ReformIndicator.Manual),
        new("electronicWorkFileRate", "Tỷ lệ hồ sơ công việc được lập dưới dạng điện tử", IndicatorKind.Share, ReformIndicator.Manual),
        new("staffTrained", "Số cán bộ, công chức được tập huấn", IndicatorKind.Count, ReformIndicator.Manual),
        new("lanDiagram", "Xây dựng sơ đồ mạng LAN", IndicatorKind.YesNo, ReformIndicator.Manual),
        new("onTimeRate", "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn", IndicatorKind.Share, "index:onTimeRate"),
        new("onlineRate", "Tỷ lệ hồ sơ trực tuyến", IndicatorKind.Share, "index:onlineRate"),
        new("fullOnlineRate", "Tỷ lệ hồ sơ trực tuyến toàn trình", IndicatorKind.Share, "index:fullOnlineRate"),
        new("onlinePaymentRate", "Tỷ lệ hồ sơ thanh toán trực tuyến", IndicatorKind.Share, "index:onlinePaymentRate"),
        new("componentDigitisationRate", "Tỷ lệ hồ sơ số hóa thành phần", IndicatorKind.Share, "index:componentDigitisationRate"),
        new("resultDigitisationRate", "Tỷ lệ số hóa kết quả giải quyết", IndicatorKind.Share, "index:resultDigitisationRate"),
        new("satisfactionRate", "Tỷ lệ hài lòng", IndicatorKind.Share, "index:satisfactionRate"),
    ];

    public static ReformIndicator? Find(string? code) => All.FirstOrDefault(i => string.Equals(i.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
