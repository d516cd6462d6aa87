using System.Globalization;
using System.Text.RegularExpressions;
using Motcua.Common;
using Motcua.Plans.Deadlines;

namespace Motcua.Plans.DraftFromText;

/// <summary>
/// Reads a plan or directive's text into a draft task list (pure). The text is one paragraph a line;
/// **bold** marks bold runs (as <see cref="PlanDocumentText"/> writes them). The rules are in
/// docs/plans.md, "Reading a plan's text"; the seed documents' tests are the specification.
/// </summary>
internal static partial class PlanTextParser
{
    /// <summary>More than any real plan (the seeds are 15 000 characters); a bigger paste is a mistake.</summary>
    public const int MaxLength = 1_000_000;

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^Số\s*:?\s*(?<value>.*)$", Options | RegexOptions.IgnoreCase)]
    private static partial Regex NumberLineRegex();

    [GeneratedRegex(@"^(?<place>[\p{L}][\p{L} .'-]{1,60}),\s*ngày\s*(?<d>\d{1,2})?\s*tháng\s*(?<m>\d{1,2})?\s*năm\s*(?<y>\d{4})?", Options)]
    private static partial Regex DateLineRegex();

    [GeneratedRegex(@"^(?:KẾ HOẠCH|CÔNG VĂN|CHỈ THỊ|QUYẾT ĐỊNH|THÔNG BÁO|BÁO CÁO|CHƯƠNG TRÌNH|ĐỀ ÁN|NGHỊ QUYẾT|KẾT LUẬN)$", Options)]
    private static partial Regex DocumentTypeRegex();

    [GeneratedRegex(@"^V/v\s*(?<title>.+)$", Options | RegexOptions.IgnoreCase)]
    private static partial Regex AboutRegex();

    [GeneratedRegex(@"năm\s+(?<y>\d{4})", Options)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"^(?<roman>[IVX]{1,5})\s*[.)]\s*(?<title>\S.*)$", Options)]
    private static partial Regex RomanHeadingRegex();

    [GeneratedRegex(@"NHIỆM VỤ|GIẢI PHÁP|NỘI DUNG|TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|TRÁCH NHIỆM", Options)]
    private static partial Regex TaskSectionRegex();

    [GeneratedRegex(@"^(?<number>\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(?<rest>\S.*)$", Options)]
    private static partial Regex NumberedRegex();

    [GeneratedRegex(@"^(?:[-–+•]\s*|(?<letter>[a-zđ])\)\s*)(?<rest>\S.*)$", Options)]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"^(?:\d{1,2}(?:\.\d{1,2})*\s*[.)]|[IVX]{1,5}\s*[.)])?\s*Mục đích\s*[:.]?\s*(?<rest>.*)$", Options | RegexOptions.IgnoreCase)]
    private static partial Regex PurposeRegex();

    [GeneratedRegex(@"^(?<label>[^:]{2,60}):\s*(?<value>.*)$", Options)]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^(?<unit>[^:]{2,120}):\s*(?<duty>\S.*)$", Options)]
    private static partial Regex UnitPrefixRegex();

    [GeneratedRegex(@"^(?:Nơi nhận|Trên đây|TM\.|KT\.)|/\.\s*$", Options)]
    private static partial Regex EndOfBodyRegex();

    [GeneratedRegex(@"^Giao\s", Options)]
    private static partial Regex AssignmentParagraphRegex();

    [GeneratedRegex(@"\s(?:tham mưu|(?<!các\s)tổ chức|(?<!đầu tư\s)xây dựng|thực hiện|triển khai|rà soát|hướng dẫn|kiểm tra|báo cáo|đôn đốc|theo dõi|đánh giá|hoàn thành|tuyên truyền|tích cực|chủ động|tiếp tục|tăng cường|cử|để|nhằm|căn cứ)(?![\p{L}])", Options)]
    private static partial Regex VerbRegex();

    private sealed record Paragraph(string Marked, string Plain);

    private sealed class Item(string number, Paragraph heading, string? section)
    {
        public string Number { get; } = number;

        public Paragraph Heading { get; } = heading;

        public string? Section { get; } = section;

        public List<Paragraph> Body { get; } = [];
    }

    private enum LabelKind
    {
        None,
        Lead,
        Coordinating,
        Time,
    }

    /// <summary>The draft of <paramref name="text"/>; <paramref name="defaultYear"/> completes dates without a year when the plan states none.</summary>
    public static DraftPlan Parse(string text, int? defaultYear = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("text", "The plan text is empty.");
        }

        if (text.Length > MaxLength)
        {
            throw new DomainException("text", "The plan text is longer than {0} characters.", MaxLength);
        }

        var paragraphs = Paragraphs(text);
        if (paragraphs.Count == 0)
        {
            throw new DomainException("text", "The plan text is empty.");
        }

        var (numberAndSymbol, place, issuedOn, dateLineYear, headerEnd) = ReadHeader(paragraphs);
        var (title, titleIndex) = ReadTitle(paragraphs);
        var issuingUnit = ReadIssuingUnit(paragraphs, headerEnd, place);
        var year = (title is null ? null : LastYear(title)) ?? issuedOn?.Year ?? dateLineYear ?? defaultYear;
        var purpose = ReadPurpose(paragraphs);
        var bodyStart = Math.Max(headerEnd, titleIndex + 1);
        var tasks = ReadItems(paragraphs, bodyStart).SelectMany(item => ToTasks(item, year)).ToList();
        return new DraftPlan(numberAndSymbol, issuingUnit, issuedOn, title, year, purpose, tasks, place);
    }

    /// <summary>
    /// One entry a paragraph. A line starting with a small letter (other than "a) …") continues the
    /// one before: page breaks in copied text split sentences ("bảo đảm an" / "toàn thực phẩm").
    /// </summary>
    private static List<Paragraph> Paragraphs(string text)
    {
        var result = new List<Paragraph>();
        foreach (var raw in PlanText.Normalize(text).Split('\n'))
        {
            var marked = PlanText.Squeeze(raw);
            var plain = PlanText.Unmark(marked);
            if (plain.Length == 0 || !plain.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            if (result.Count > 0 && char.IsLower(plain[0]) && !BulletRegex().IsMatch(plain))
            {
                var previous = result[^1];
                result[^1] = new Paragraph(previous.Marked + " " + marked, PlanText.Unmark(previous.Marked + " " + marked));
            }
            else
            {
                result.Add(new Paragraph(marked, plain));
            }
        }

        return result;
    }

    private static (string? Number, string? Place, DateOnly? IssuedOn, int? Year, int HeaderEnd) ReadHeader(List<Paragraph> paragraphs)
    {
        string? number = null;
        string? place = null;
        DateOnly? issuedOn = null;
        int? year = null;
        var headerEnd = 0;
        // The header is the first lines; a "Số:" or dated line further down belongs to the body.
        for (var i = 0; i < Math.Min(paragraphs.Count, 20); i++)
        {
            var plain = paragraphs[i].Plain;
            if (number is null && NumberLineRegex().Match(plain) is { Success: true } n)
            {
                var value = Regex.Replace(n.Groups["value"].Value, @"\s*/\s*", "/", Options, TimeSpan.FromSeconds(1)).Trim();
                number = value.Length == 0 ? null : value;
                headerEnd = Math.Max(headerEnd, i + 1);
            }
            else if (place is null && DateLineRegex().Match(plain) is { Success: true } d)
            {
                place = d.Groups["place"].Value.Trim();
                year = d.Groups["y"].Success ? int.Parse(d.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
                if (d.Groups["d"].Success && d.Groups["m"].Success && year is { } y)
                {
                    var day = int.Parse(d.Groups["d"].Value, CultureInfo.InvariantCulture);
                    var month = int.Parse(d.Groups["m"].Value, CultureInfo.InvariantCulture);
                    issuedOn = month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
                }

                headerEnd = Math.Max(headerEnd, i + 1);
            }
        }

        return (number, place, issuedOn, year, headerEnd);
    }

    /// <summary>
    /// The line after "KẾ HOẠCH" (or another document type), or a letter's "V/v …" subject, first
    /// letter capitalised. Returns the index of the last title line (-1 when there is none).
    /// </summary>
    private static (string? Title, int Index) ReadTitle(List<Paragraph> paragraphs)
    {
        for (var i = 0; i < Math.Min(paragraphs.Count, 30); i++)
        {
            var plain = paragraphs[i].Plain;
            if (DocumentTypeRegex().IsMatch(plain) && i + 1 < paragraphs.Count && !IsBodyStart(paragraphs[i + 1].Plain))
            {
                return (Capitalise(paragraphs[i + 1].Plain), i + 1);
            }

            if (AboutRegex().Match(plain) is { Success: true } about)
            {
                return (Capitalise(about.Groups["title"].Value.Trim()), i);
            }
        }

        return (null, -1);
    }

    private static bool IsBodyStart(string plain) =>
        plain.StartsWith("Căn cứ", StringComparison.Ordinal) || plain.StartsWith("Kính gửi", StringComparison.Ordinal)
        || RomanHeadingRegex().IsMatch(plain) || NumberedRegex().IsMatch(plain);

    /// <summary>
    /// The capitalised lines of the header's left column ("ỦY BAN NHÂN DÂN" / "HUYỆN TUY PHƯỚC"); when
    /// the text has none (the header was a picture or not copied), the body's "UBND phường Thọ Xương"
    /// that names the place on the dated line.
    /// </summary>
    private static string? ReadIssuingUnit(List<Paragraph> paragraphs, int headerEnd, string? place)
    {
        var lines = paragraphs.Take(Math.Max(headerEnd, 1))
            .Select(p => p.Plain)
            .Where(IsCapitals)
            .Where(p => !p.StartsWith("CỘNG HÒA", StringComparison.Ordinal) && !p.StartsWith("CỘNG HOÀ", StringComparison.Ordinal)
                && !p.StartsWith("ĐỘC LẬP", StringComparison.Ordinal) && !DocumentTypeRegex().IsMatch(p))
            .ToList();
        if (lines.Count > 0)
        {
            return string.Join(' ', lines);
        }

        if (place is null)
        {
            return null;
        }

        var pattern = @"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+" + Regex.Escape(place) + @"(?![\p{L}])";
        foreach (var paragraph in paragraphs)
        {
            var match = Regex.Match(paragraph.Plain, pattern, Options | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            if (match.Success)
            {
                return match.Value;
            }
        }

        return null;
    }

    private static int? LastYear(string text)
    {
        var matches = YearRegex().Matches(text);
        return matches.Count == 0 ? null : int.Parse(matches[^1].Groups["y"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The paragraphs under "1. Mục đích" (or "I. MỤC ĐÍCH …" without such a sub-heading), one a line.</summary>
    private static string? ReadPurpose(List<Paragraph> paragraphs)
    {
        var start = paragraphs.FindIndex(p => NumberedRegex().IsMatch(p.Plain) && PurposeRegex().IsMatch(p.Plain));
        if (start < 0)
        {
            start = paragraphs.FindIndex(p => RomanHeadingRegex().IsMatch(p.Plain) && p.Plain.Contains("MỤC ĐÍCH", StringComparison.Ordinal));
        }

        if (start < 0)
        {
            return null;
        }

        var lines = new List<string>();
        var first = PurposeRegex().Match(paragraphs[start].Plain);
        // "1. Mục đích: Nhằm …" carries text on the heading's line; "I. MỤC ĐÍCH, YÊU CẦU" does not.
        if (NumberedRegex().IsMatch(paragraphs[start].Plain) && first.Success && first.Groups["rest"].Value.Length > 0)
        {
            lines.Add(first.Groups["rest"].Value);
        }

        for (var i = start + 1; i < paragraphs.Count; i++)
        {
            var plain = paragraphs[i].Plain;
            if (NumberedRegex().IsMatch(plain) || RomanHeadingRegex().IsMatch(plain))
            {
                break;
            }

            lines.Add(plain);
        }

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>
    /// The numbered items of the task sections ("III. NHIỆM VỤ…", "IV. TỔ CHỨC THỰC HIỆN"), or, in a
    /// letter or directive without Roman sections, every numbered item of the body.
    /// </summary>
    private static List<Item> ReadItems(List<Paragraph> paragraphs, int bodyStart)
    {
        var hasSections = paragraphs.Skip(bodyStart).Any(p => IsSectionHeading(p.Plain));
        var items = new List<Item>();
        string? section = null;
        var inTasks = !hasSections;
        Item? current = null;
        for (var i = bodyStart; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            if (EndOfBodyRegex().IsMatch(paragraph.Plain))
            {
                break;
            }

            if (hasSections && IsSectionHeading(paragraph.Plain))
            {
                section = paragraph.Plain.TrimEnd(':', ' ');
                inTasks = TaskSectionRegex().IsMatch(paragraph.Plain);
                current = null;
                continue;
            }

            if (!inTasks)
            {
                continue;
            }

            if (NumberedRegex().Match(paragraph.Plain) is { Success: true } numbered)
            {
                var rest = NumberedRegex().Match(paragraph.Marked) is { Success: true } m ? m.Groups["rest"].Value : paragraph.Marked;
                current = new Item(numbered.Groups["number"].Value, new Paragraph(rest, numbered.Groups["rest"].Value), section);
                items.Add(current);
            }
            else
            {
                current?.Body.Add(paragraph);
            }
        }

        // "1. Cải cách thể chế" followed at once by "1.1. …" is a group heading, not a task.
        return [.. items.Where((item, i) => !(item.Body.Count == 0 && i + 1 < items.Count && items[i + 1].Number.StartsWith(item.Number + ".", StringComparison.Ordinal)))];
    }

    private static bool IsSectionHeading(string plain) =>
        RomanHeadingRegex().Match(plain) is { Success: true } m && m.Groups["title"].Value.Any(char.IsLetter)
        && IsCapitals(m.Groups["title"].Value);

    private static bool IsCapitals(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static IEnumerable<DraftTask> ToTasks(Item item, int? year)
    {
        var heading = item.Heading.Plain;
        var bare = heading.TrimEnd(' ', '.', ':', ';');
        var isUnitHeading = UnitPhrases.StartsWithUnit(bare) && !VerbRegex().IsMatch(" " + bare) && !bare.Contains(':', StringComparison.Ordinal)
            && DeadlinePhrases.Find(bare, year) is null && item.Body.Count > 0;
        return isUnitHeading ? UnitHeadedTasks(item, UnitPhrases.Split(bare), year) : [ItemTask(item, year)];
    }

    /// <summary>
    /// "2. Phòng Nội vụ huyện" followed by its duties: each bullet is a task numbered "2.1", "2.2", …
    /// led by the heading's units (or the units in bold in it). Without bullets the body is one task.
    /// A "Giao …" paragraph assigns work to someone else, so it is a task of its own with no number.
    /// </summary>
    private static IEnumerable<DraftTask> UnitHeadedTasks(Item item, IReadOnlyList<string> headingUnits, int? year)
    {
        var bulletCount = 0;
        var groups = new List<(string Number, List<Paragraph> Paragraphs, bool Assignment)>();
        foreach (var paragraph in item.Body)
        {
            if (BulletRegex().Match(paragraph.Plain) is { Success: true } bullet)
            {
                bulletCount++;
                var number = item.Number + "." + (bullet.Groups["letter"].Success ? bullet.Groups["letter"].Value : bulletCount.ToString(CultureInfo.InvariantCulture));
                groups.Add((number, [paragraph], false));
            }
            else if (AssignmentParagraphRegex().IsMatch(paragraph.Plain))
            {
                groups.Add((string.Empty, [paragraph], true));
            }
            else if (groups.Count > 0 && !groups[^1].Assignment)
            {
                groups[^1].Paragraphs.Add(paragraph);
            }
            else if (bulletCount == 0 && groups.Count == 0)
            {
                groups.Add((item.Number, [paragraph], false));
            }
        }

        foreach (var (number, paragraphs, assignment) in groups)
        {
            var (labels, rest) = SplitLabels(paragraphs);
            var content = StripBullet(rest.Count > 0 ? rest[0].Plain : paragraphs[0].Plain);
            var details = rest.Count > 1 ? string.Join('\n', rest.Skip(1).Select(p => p.Plain)) : null;
            var plain = string.Join(' ', rest.Select(p => p.Plain));
            var marked = string.Join(' ', rest.Select(p => p.Marked));
            var leads = labels.Leads.Count > 0 ? labels.Leads
                : assignment ? UnitPhrases.InlineLeads(plain)
                : FirstNonEmpty(UnitPhrases.Bold(marked), UnitPhrases.InlineLeads(plain), headingUnits);
            var coordinating = labels.Coordinating.Count > 0 ? labels.Coordinating : UnitPhrases.InlineCoordinating(StripBullet(plain));
            var deadline = labels.Deadline ?? DeadlinePhrases.Find(plain, year);
            yield return new DraftTask(number, item.Section, content, leads, coordinating, deadline, details);
        }
    }

    /// <summary>
    /// "3. Thực hiện tốt công khai …:" with its explanation and labelled lines ("Bộ phận chủ trì: …",
    /// "Thời gian thực hiện: …"), or "1. Văn phòng HĐND-UBND phường: tham mưu …".
    /// </summary>
    private static DraftTask ItemTask(Item item, int? year)
    {
        var heading = item.Heading.Plain;
        IReadOnlyList<string> prefixUnits = [];
        var content = heading.TrimEnd(' ', ':');
        if (UnitPrefixRegex().Match(heading) is { Success: true } prefix && UnitPhrases.StartsWithUnit(prefix.Groups["unit"].Value)
            && !VerbRegex().IsMatch(" " + prefix.Groups["unit"].Value))
        {
            prefixUnits = UnitPhrases.Split(prefix.Groups["unit"].Value);
            content = prefix.Groups["duty"].Value.Trim();
        }

        var (labels, rest) = SplitLabels(item.Body);
        var details = rest.Count > 0 ? string.Join('\n', rest.Select(p => p.Plain)) : null;
        var plain = string.Join(' ', new[] { content }.Concat(rest.Select(p => p.Plain)));
        var marked = string.Join(' ', new[] { item.Heading.Marked }.Concat(rest.Select(p => p.Marked)));
        var leads = FirstNonEmpty(prefixUnits, labels.Leads, UnitPhrases.InlineLeads(plain), UnitPhrases.Bold(marked));
        var coordinating = labels.Coordinating.Count > 0 ? labels.Coordinating : UnitPhrases.InlineCoordinating(plain);
        var deadline = labels.Deadline ?? DeadlinePhrases.Find(plain, year);
        return new DraftTask(item.Number, item.Section, content, leads, coordinating, deadline, details);
    }

    private sealed record Labels(IReadOnlyList<string> Leads, IReadOnlyList<string> Coordinating, TaskDeadline? Deadline);

    /// <summary>
    /// The labelled lines of an item and the other paragraphs. Labels naming "chủ trì", "đầu mối" or
    /// "tổng hợp" give the lead; "phối hợp" the coordinating units; "Bộ phận thực hiện" (the units that
    /// do the work the lead gathers) is listed with the coordinating units; "Thời gian/Thời hạn/Tiến
    /// độ" the deadline. A labelled deadline beats one found in the text.
    /// </summary>
    private static (Labels Labels, List<Paragraph> Others) SplitLabels(IEnumerable<Paragraph> paragraphs)
    {
        var leads = new List<string>();
        var coordinating = new List<string>();
        TaskDeadline? deadline = null;
        var rest = new List<Paragraph>();
        foreach (var paragraph in paragraphs)
        {
            var plain = StripBullet(paragraph.Plain);
            var match = LabelRegex().Match(plain);
            var kind = match.Success ? Classify(match.Groups["label"].Value) : LabelKind.None;
            var value = match.Groups["value"].Value.Trim().TrimEnd('.', ';', ' ');
            switch (kind)
            {
                case LabelKind.Lead:
                    leads.AddRange(UnitPhrases.Split(value));
                    break;
                case LabelKind.Coordinating:
                    coordinating.AddRange(UnitPhrases.Split(value));
                    break;
                case LabelKind.Time when deadline is null && DeadlinePhrases.FromLabelValue(value, null) is not null:
                    deadline = DeadlinePhrases.FromLabelValue(value, null);
                    break;
                case LabelKind.Time:
                    break;
                default:
                    rest.Add(paragraph);
                    break;
            }
        }

        return (new Labels([.. leads.Distinct(StringComparer.Ordinal)], [.. coordinating.Distinct(StringComparer.Ordinal)], deadline), rest);
    }

    private static LabelKind Classify(string label)
    {
        var l = label.Trim().ToLowerInvariant();
        if (l.StartsWith("thời gian", StringComparison.Ordinal) || l.StartsWith("thời hạn", StringComparison.Ordinal) || l.StartsWith("tiến độ", StringComparison.Ordinal))
        {
            return LabelKind.Time;
        }

        var isUnitLabel = l.StartsWith("bộ phận", StringComparison.Ordinal) || l.StartsWith("đơn vị", StringComparison.Ordinal)
            || l.StartsWith("cơ quan", StringComparison.Ordinal) || l.StartsWith("chủ trì", StringComparison.Ordinal)
            || l.StartsWith("phối hợp", StringComparison.Ordinal);
        if (!isUnitLabel || l.Length > 50)
        {
            return LabelKind.None;
        }

        if (l.Contains("phối hợp", StringComparison.Ordinal))
        {
            return LabelKind.Coordinating;
        }

        if (l.Contains("chủ trì", StringComparison.Ordinal) || l.Contains("đầu mối", StringComparison.Ordinal) || l.Contains("tổng hợp", StringComparison.Ordinal))
        {
            return LabelKind.Lead;
        }

        return l.Contains("thực hiện", StringComparison.Ordinal) ? LabelKind.Coordinating : LabelKind.None;
    }

    private static string StripBullet(string plain) =>
        BulletRegex().Match(plain) is { Success: true } m ? m.Groups["rest"].Value : plain;

    private static IReadOnlyList<string> FirstNonEmpty(params IReadOnlyList<string>[] lists) => lists.FirstOrDefault(l => l.Count > 0) ?? [];

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
}
