namespace Motcua.Plans.UnitTargets;

/// <summary>A unit's figure against its target for one indicator and period.</summary>
internal sealed record UnitStanding(string Unit, string UnitName, double Target, double? Figure)
{
    /// <summary>Met when the figure reaches the target; no figure is not met.</summary>
    public bool Met => Figure is { } f && f >= Target - 1e-9;
}

/// <summary>The "below target" listing of a directive (pure), as seed 001 writes it.</summary>
internal static class BelowTarget
{
    /// <summary>
    /// The units that miss their target, worst first (lowest figure; a missing figure counts as the
    /// lowest), equal figures by name: the order the chairman reads to decide on sanctions.
    /// </summary>
    public static IReadOnlyList<UnitStanding> List(IEnumerable<UnitStanding> standings) =>
        [.. standings.Where(s => !s.Met).OrderBy(s => s.Figure ?? double.NegativeInfinity).ThenBy(s => s.UnitName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))];

    /// <summary>
    /// "Các cơ quan, đơn vị chưa đạt chỉ tiêu tỷ lệ văn bản đi được ký số (100%) năm 2023: UBND xã Phước
    /// Hiệp (80%); Văn phòng HĐND và UBND huyện (86%)…" — each unit with its figure in brackets ("chưa có
    /// số liệu" when it reported none). All met: says so.
    /// </summary>
    public static string Sentence(ReformIndicator indicator, TargetPeriod period, IReadOnlyList<UnitStanding> below)
    {
        var name = LowerFirst(indicator.VietnameseName);
        if (below.Count == 0)
        {
            return $"Tất cả các cơ quan, đơn vị đã đạt chỉ tiêu {name} {period.VietnameseLabel}.";
        }

        var targets = below.Select(b => b.Target).Distinct().ToList();
        var target = targets.Count == 1 ? $" ({indicator.Format(targets[0])})" : string.Empty;
        var units = below.Select(b => $"{b.UnitName} ({(b.Figure is { } f ? indicator.Format(f) : "chưa có số liệu")})");
        return $"Các cơ quan, đơn vị chưa đạt chỉ tiêu {name}{target} {period.VietnameseLabel}: {string.Join("; ", units)}.";
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
