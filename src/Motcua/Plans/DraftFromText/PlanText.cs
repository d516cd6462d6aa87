using System.Text;
using System.Text.RegularExpressions;

namespace Motcua.Plans.DraftFromText;

/// <summary>Text clean-up shared by the plan parser: one form for diacritics, line ends and spaces.</summary>
internal static partial class PlanText
{
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesRegex();

    /// <summary>
    /// NFC (Word and web pages mix composed and decomposed diacritics), "\n" line ends (Windows and old
    /// Mac files), no-break and zero-width spaces as ordinary ones.
    /// </summary>
    public static string Normalize(string text) =>
        text.Normalize(NormalizationForm.FormC)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace('\u00A0', ' ')
            .Replace('\t', ' ')
            .Replace("\u200B", string.Empty, StringComparison.Ordinal)
            .Replace("\uFEFF", string.Empty, StringComparison.Ordinal);

    /// <summary>Runs of white space as one space, trimmed.</summary>
    public static string Squeeze(string text) => SpacesRegex().Replace(text, " ").Trim();

    /// <summary>The text without the **bold** and *italic* marks.</summary>
    public static string Unmark(string text) => Squeeze(text.Replace("*", string.Empty, StringComparison.Ordinal));
}
