using System.Text.RegularExpressions;

namespace Motcua.Plans.DraftFromText;

/// <summary>
/// Finds unit names in a plan's words: after "chủ trì"/"phối hợp" labels and phrases, after "Giao …",
/// "Đề nghị …", in a "Unit: duty" prefix, or in bold. Names stay as written; the review page matches
/// them to real units.
/// </summary>
internal static partial class UnitPhrases
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // Words a unit's name starts with in Vietnamese administration, or an acronym (MTTQ, HĐND, BCĐ).
    private const string UnitStart =
        @"(?:(?i:các\s+)?(?i:phòng|văn phòng|bộ phận|ban|ubnd|ubmttq|mttq|hđnd|ủy ban|uỷ ban|công chức|cán bộ|trung tâm|đoàn|hội|sở|chi cục|cục|thủ trưởng|chủ tịch|tổ|công an|đài|trường|cơ quan|đảng ủy|đảng uỷ|chi bộ|trạm|viện|kho bạc|bảo hiểm|người đứng đầu|lãnh đạo)(?![\p{L}])|\p{Lu}[\p{Lu}Đ]+(?![\p{Ll}]))";

    // Capitalised unit words before which " và " starts a second unit ("Phòng Nội vụ và Văn phòng …");
    // acronyms are left out so "Văn phòng HĐND và UBND huyện" stays one name.
    private const string CapitalisedUnitStart =
        @"(?:Phòng|Văn phòng|Bộ phận|Ban|Ủy ban|Uỷ ban|Công chức|Trung tâm|Đoàn|Hội|Sở|Chi cục|Thủ trưởng|Chủ tịch|Công an|Đài|Trường|Cơ quan|Các)(?![\p{L}])";

    // The verb that ends a unit name in running text ("Văn phòng HĐND và UBND huyện tổ chức Toạ đàm").
    // "các tổ chức" and "đầu tư xây dựng" are parts of names, not verbs.
    [GeneratedRegex(
        @"\s(?:tham mưu|(?<!các\s)tổ chức|(?<!đầu tư\s)xây dựng|thực hiện|triển khai|rà soát|hướng dẫn|kiểm tra|báo cáo|đôn đốc|theo dõi|đánh giá|tổng hợp|chủ trì|phối hợp|hoàn thành|cung cấp|tuyên truyền|khảo sát|tích cực|chủ động|tiếp tục|khẩn trương|nghiêm túc|tăng cường|nghiên cứu|giải quyết|căn cứ|có trách nhiệm|cử|để|nhằm|trong|theo)(?![\p{L}])|[.;:(]",
        Options)]
    private static partial Regex TerminatorRegex();

    [GeneratedRegex("^" + UnitStart, Options)]
    private static partial Regex StartsWithUnitRegex();

    [GeneratedRegex(@"\s+và\s+(?=" + CapitalisedUnitStart + ")", Options)]
    private static partial Regex AndBeforeUnitRegex();

    [GeneratedRegex(@"\([^)]*\)", Options)]
    private static partial Regex ParenthesesRegex();

    [GeneratedRegex(@"\*\*(?<bold>.+?)\*\*", Options | RegexOptions.Singleline)]
    private static partial Regex BoldRegex();

    [GeneratedRegex(@"(?:^|[.;]\s+|\s-\s)(?:[Gg]iao|Đề nghị|Yêu cầu)\s+(?=" + UnitStart + ")", Options)]
    private static partial Regex AssignRegex();

    [GeneratedRegex(@"(?:^|[.;]\s+)(?=" + UnitStart + @")(?<lead>[^.;:]{2,120}?)\s+chủ trì(?![\p{L}])", Options)]
    private static partial Regex LeadBeforeChuTriRegex();

    [GeneratedRegex(@"(?:^|[.;]\s+|chủ trì,?\s+|\s-\s)[Pp]hối hợp với\s+", Options)]
    private static partial Regex CoordinateWithRegex();

    public static bool StartsWithUnit(string text) => StartsWithUnitRegex().IsMatch(text.TrimStart('*', ' '));

    /// <summary>
    /// The names in a list such as "MTTQ, HĐND, Công chức phụ trách …" or "Phòng Nội vụ và Văn phòng
    /// HĐND và UBND huyện". A comma splits only before another unit word, so "Chủ tịch UBND các xã,
    /// thị trấn" stays one name; percentages and notes in brackets are dropped.
    /// </summary>
    public static IReadOnlyList<string> Split(string list)
    {
        var names = new List<string>();
        var text = ParenthesesRegex().Replace(list.Replace("*", string.Empty, StringComparison.Ordinal), " ");
        foreach (var part in text.Split(';'))
        {
            var pieces = part.Split(',');
            var current = pieces[0];
            foreach (var piece in pieces.Skip(1))
            {
                if (StartsWithUnit(piece.Trim()))
                {
                    AddSplitOnAnd(names, current);
                    current = piece;
                }
                else
                {
                    current += "," + piece;
                }
            }

            AddSplitOnAnd(names, current);
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The unit phrase that starts at <paramref name="start"/> and ends before the next verb or punctuation.</summary>
    public static IReadOnlyList<string> ReadAt(string text, int start)
    {
        var rest = text[start..];
        var end = TerminatorRegex().Match(rest);
        var phrase = end.Success ? rest[..end.Index] : rest;
        return phrase.Length > 160 ? [] : Split(phrase);
    }

    /// <summary>Units in bold that read as unit names ("**Phòng Tài chính – Kế hoạch huyện, Phòng …**").</summary>
    public static IReadOnlyList<string> Bold(string markedText) =>
        [.. BoldRegex().Matches(markedText)
            .Select(m => m.Groups["bold"].Value.Trim())
            .Where(StartsWithUnit)
            .SelectMany(Split)
            .Where(StartsWithUnit)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Leads named in running text: "Giao X …", "Đề nghị X …", "X chủ trì, …".</summary>
    public static IReadOnlyList<string> InlineLeads(string text)
    {
        var names = new List<string>();
        foreach (Match m in AssignRegex().Matches(text))
        {
            names.AddRange(ReadAt(text, m.Index + m.Length));
        }

        foreach (Match m in LeadBeforeChuTriRegex().Matches(text))
        {
            names.AddRange(Split(m.Groups["lead"].Value).Where(StartsWithUnit));
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Coordinating units named in running text: "Phối hợp với X …" at a sentence's start or after "chủ trì,".</summary>
    public static IReadOnlyList<string> InlineCoordinating(string text)
    {
        var names = new List<string>();
        foreach (Match m in CoordinateWithRegex().Matches(text))
        {
            names.AddRange(ReadAt(text, m.Index + m.Length));
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static void AddSplitOnAnd(List<string> names, string part)
    {
        foreach (var name in AndBeforeUnitRegex().Split(part))
        {
            var trimmed = PlanText.Squeeze(name).Trim(' ', '.', ',', ';', ':', '-', '–');
            if (trimmed.StartsWith("và ", StringComparison.Ordinal))
            {
                trimmed = trimmed[3..];
            }

            if (trimmed.Length > 0)
            {
                names.Add(trimmed);
            }
        }
    }
}
