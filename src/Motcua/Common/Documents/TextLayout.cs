using System.Text;

namespace Motcua.Common.Documents;

/// <summary>
/// Greedy line breaking at spaces, the way a word processor fills a line. Pure: the caller measures,
/// so the same rules serve the PDF renderer and the tests.
/// </summary>
internal static class TextLayout
{
    /// <summary>
    /// Splits <paramref name="text"/> (NFC-normalised, runs of white space read as one space) into lines no
    /// wider than <paramref name="width"/> by <paramref name="measure"/>. A word wider than the line stands
    /// alone on its line rather than being cut. Joining the lines with single spaces gives the normalised text.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, Func<string, float> measure, float width)
    {
        var words = Words(text);
        var lines = Break(words.Count, (start, end) => measure(string.Join(' ', words.Skip(start).Take(end - start))), width, width);
        return [.. lines.Select(line => string.Join(' ', words.Skip(line.Start).Take(line.Count)))];
    }

    /// <summary>The normalised text <see cref="Wrap"/> lays out.</summary>
    public static string NormaliseSpaces(string text) => string.Join(' ', Words(text));

    /// <summary>
    /// Breaks <paramref name="wordCount"/> words into lines; <paramref name="lineWidth"/> gives the width of
    /// words [start, end) set on one line with their spaces. The first line may be narrower (an indent).
    /// </summary>
    public static IReadOnlyList<LineRange> Break(int wordCount, Func<int, int, float> lineWidth, float width, float firstLineWidth)
    {
        var lines = new List<LineRange>();
        var start = 0;
        while (start < wordCount)
        {
            var available = lines.Count == 0 ? firstLineWidth : width;
            var end = start + 1;
            while (end < wordCount && lineWidth(start, end + 1) <= available)
            {
                end++;
            }

            lines.Add(new LineRange(start, end - start));
            start = end;
        }

        return lines;
    }

    private static List<string> Words(string text) =>
        [.. DocumentText.Normalise(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// Cuts a word wider than <paramref name="width"/> into pieces that fit, for narrow table cells where a
    /// long number or address would otherwise run over the grid line. Every piece keeps at least one letter.
    /// </summary>
    public static IEnumerable<string> Chop(string word, Func<string, float> measure, float width)
    {
        var piece = new StringBuilder();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && measure(piece + element) > width)
            {
                yield return piece.ToString();
                piece.Clear();
            }

            piece.Append(element);
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }
}

/// <summary>Words [Start, Start + Count) of a paragraph set on one line.</summary>
internal readonly record struct LineRange(int Start, int Count);
