using Motcua.Organisation.Contracts;

namespace Motcua.Organisation;

/// <summary>
/// Which kinds may exist when, and under which parent kinds: rules as data with effective dates.
/// Resolution 202/2025/QH15 and Law 72/2025/QH15 ended the district level on 1 July 2025; since then
/// communes, wards and special zones sit directly under a province.
/// </summary>
internal static class UnitKinds
{
    public static readonly DateOnly DistrictsAbolished = new(2025, 7, 1);

    private static readonly Dictionary<UnitKind, (DateOnly? LastDay, UnitKind[] Parents)> Rules = new()
    {
        [UnitKind.Province] = (null, []),
        [UnitKind.District] = (DistrictsAbolished.AddDays(-1), [UnitKind.Province]),
        [UnitKind.Township] = (DistrictsAbolished.AddDays(-1), [UnitKind.District]),
        [UnitKind.Commune] = (null, [UnitKind.Province, UnitKind.District]),
        [UnitKind.Ward] = (null, [UnitKind.Province, UnitKind.District]),
        [UnitKind.SpecialZone] = (null, [UnitKind.Province]),
    };

    /// <summary>The last day a unit of this kind may exist, if the kind was abolished.</summary>
    public static DateOnly? LastDay(UnitKind kind) => Rules[kind].LastDay;

    public static bool IsTopLevel(UnitKind kind) => Rules[kind].Parents.Length == 0;

    public static bool MayHaveParent(UnitKind kind, UnitKind parentKind, DateOnly on) =>
        Rules[kind].Parents.Contains(parentKind)
        // after the reform a commune-level unit may not hang under a district any more
        && !(parentKind == UnitKind.District && on >= DistrictsAbolished);

    public static string VietnameseName(UnitKind kind) => kind switch
    {
        UnitKind.Province => "Tỉnh/Thành phố",
        UnitKind.District => "Huyện/Quận/Thị xã (đến 30/6/2025)",
        UnitKind.Commune => "Xã",
        UnitKind.Ward => "Phường",
        UnitKind.Township => "Thị trấn (đến 30/6/2025)",
        UnitKind.SpecialZone => "Đặc khu",
        _ => kind.ToString(),
    };

    public static string EnglishName(UnitKind kind) => kind switch
    {
        UnitKind.Province => "Province / city",
        UnitKind.District => "District (until 30/06/2025)",
        UnitKind.Township => "Township (until 30/06/2025)",
        UnitKind.SpecialZone => "Special zone",
        _ => kind.ToString(),
    };

    public static bool TryParse(string? text, out UnitKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        foreach (var candidate in Enum.GetValues<UnitKind>())
        {
            if (string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(value, VietnameseLabel(candidate), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The one-word Vietnamese label accepted in import files ("tỉnh", "xã", "phường"…).</summary>
    private static string VietnameseLabel(UnitKind kind) => kind switch
    {
        UnitKind.Province => "tỉnh",
        UnitKind.District => "huyện",
        UnitKind.Commune => "xã",
        UnitKind.Ward => "phường",
        UnitKind.Township => "thị trấn",
        UnitKind.SpecialZone => "đặc khu",
        _ => kind.ToString(),
    };
}
