using System.Globalization;
using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Motcua.Common;

namespace Motcua.Plans.DraftFromText;

/// <summary>
/// The text of a .docx plan, paragraphs on their own lines, bold runs marked **like this**, and the
/// number Word's list numbering shows ("1.", "a)", "- " for bullets) written in front of the paragraph,
/// because a plan's item numbers are often list numbering rather than typed text.
/// </summary>
internal static class PlanDocumentText
{
    public static string FromDocx(Stream docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        try
        {
            using var copy = new MemoryStream();
            docx.CopyTo(copy);
            copy.Position = 0;
            using var document = WordprocessingDocument.Open(copy, false);
            var body = document.MainDocumentPart?.Document?.Body ?? throw new DomainException("file", "The file is not a Word document (.docx).");
            var numbering = new ListNumbering(document.MainDocumentPart.NumberingDefinitionsPart?.Numbering);
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                var line = ParagraphText(paragraph);
                if (line.Length == 0)
                {
                    continue;
                }

                text.Append(numbering.Label(paragraph)).Append(line).Append('\n');
            }

            return text.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new DomainException("file", "The file is not a Word document (.docx).");
        }
    }

    /// <summary>The paragraph's text with consecutive bold runs wrapped in ** (spaces kept outside the marks).</summary>
    private static string ParagraphText(Paragraph paragraph)
    {
        var result = new StringBuilder();
        var bold = new StringBuilder();
        void FlushBold()
        {
            var value = bold.ToString();
            bold.Clear();
            if (value.Trim().Length == 0)
            {
                result.Append(value);
                return;
            }

            var leading = value[..(value.Length - value.TrimStart().Length)];
            var trailing = value[value.TrimEnd().Length..];
            result.Append(leading).Append("**").Append(value.Trim()).Append("**").Append(trailing);
        }

        foreach (var run in paragraph.Descendants<Run>())
        {
            var runText = RunText(run);
            if (IsBold(run))
            {
                bold.Append(runText);
            }
            else
            {
                FlushBold();
                result.Append(runText);
            }
        }

        FlushBold();
        return result.ToString().Trim();
    }

    private static string RunText(Run run)
    {
        var text = new StringBuilder();
        foreach (var element in run.ChildElements)
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }

    private static bool IsBold(Run run) => run.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value);

    /// <summary>Counts Word list numbering per list instance and level, as Word displays it.</summary>
    private sealed class ListNumbering(Numbering? numbering)
    {
        private readonly Dictionary<int, int[]> _counters = [];

        public string Label(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties?.NumberingProperties;
            var numId = properties?.NumberingId?.Val?.Value;
            var level = properties?.NumberingLevelReference?.Val?.Value ?? 0;
            if (numbering is null || numId is null or 0 || level is < 0 or > 8)
            {
                return string.Empty;
            }

            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            var levels = definition?.Elements<Level>().ToDictionary(l => l.LevelIndex?.Value ?? 0) ?? [];
            if (!levels.TryGetValue(level, out var current))
            {
                return string.Empty;
            }

            if (current.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet)
            {
                return "- ";
            }

            if (!_counters.TryGetValue(numId.Value, out var counters))
            {
                counters = new int[9];
                _counters[numId.Value] = counters;
            }

            counters[level] = counters[level] == 0 ? StartOf(levels, level) : counters[level] + 1;
            for (var deeper = level + 1; deeper < 9; deeper++)
            {
                counters[deeper] = 0;
            }

            var label = current.LevelText?.Val?.Value ?? string.Empty;
            for (var l = 0; l <= level; l++)
            {
                var value = counters[l] == 0 ? StartOf(levels, l) : counters[l];
                var format = levels.TryGetValue(l, out var lv) ? lv.NumberingFormat?.Val?.Value : null;
                label = label.Replace("%" + (l + 1).ToString(CultureInfo.InvariantCulture), Format(value, format), StringComparison.Ordinal);
            }

            return label.Length == 0 ? string.Empty : label + " ";
        }

        private static int StartOf(Dictionary<int, Level> levels, int level) =>
            levels.TryGetValue(level, out var l) ? l.StartNumberingValue?.Val?.Value ?? 1 : 1;

        private static string Format(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.LowerLetter)
            {
                return Letter(value).ToLowerInvariant();
            }

            if (format == NumberFormatValues.UpperLetter)
            {
                return Letter(value);
            }

            if (format == NumberFormatValues.UpperRoman)
            {
                return Roman(value);
            }

            if (format == NumberFormatValues.LowerRoman)
            {
                return Roman(value).ToLowerInvariant();
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static string Letter(int value) => value is >= 1 and <= 26 ? ((char)('A' + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture);

        private static string Roman(int value)
        {
            (int Value, string Symbol)[] symbols = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var result = new StringBuilder();
            foreach (var (v, s) in symbols)
            {
                while (value >= v)
                {
                    result.Append(s);
                    value -= v;
                }
            }

            return result.ToString();
        }
    }
}
