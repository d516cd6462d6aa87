using SkiaSharp;

namespace Motcua.Common.Documents;

/// <summary>
/// The serif typefaces the PDF is set in, found once per process. Decree 30 asks for Times New Roman;
/// on Linux servers its metric twin Liberation Serif (or Noto Serif, DejaVu Serif) stands in. A font is
/// accepted only if it really has Vietnamese letters: a font without them would print empty boxes.
/// </summary>
internal sealed class PdfFonts
{
    /// <summary>Letters a font lacking Vietnamese usually misses (stacked diacritics, horned u, Đ).</summary>
    public const string VietnameseProbe = "ỆữỹĐ";

    private static readonly string[] Families = ["Times New Roman", "Liberation Serif", "Noto Serif", "DejaVu Serif"];

    private static readonly string[][] Files =
    [
        [.. new[] { "Regular", "Bold", "Italic", "BoldItalic" }.Select(s => $"/usr/share/fonts/truetype/liberation2/LiberationSerif-{s}.ttf")],
        [.. new[] { "Regular", "Bold", "Italic", "BoldItalic" }.Select(s => $"/usr/share/fonts/truetype/noto/NotoSerif-{s}.ttf")],
    ];

    private static readonly SKFontStyle[] Styles = [SKFontStyle.Normal, SKFontStyle.Bold, SKFontStyle.Italic, SKFontStyle.BoldItalic];

    // Publication-only: a failure is not cached, so installing the fonts fixes a running server.
    private static readonly Lazy<PdfFonts> Found = new(Find, LazyThreadSafetyMode.PublicationOnly);

    private readonly SKTypeface[] _faces;

    private PdfFonts(SKTypeface[] faces) => _faces = faces;

    public static PdfFonts Shared => Found.Value;

    public string FamilyName => _faces[0].FamilyName;

    public SKTypeface Typeface(TextStyle style) => _faces[(style.Bold ? 1 : 0) + (style.Italic ? 2 : 0)];

    /// <summary>
    /// A font of the given style and size. Where the family has no true bold or italic face, Skia
    /// emboldens or slants the regular one, so emphasis never silently disappears.
    /// </summary>
    public SKFont Font(TextStyle style, float size)
    {
        var face = Typeface(style);
        return new SKFont(face, size)
        {
            Embolden = style.Bold && !face.IsBold,
            SkewX = style.Italic && !face.IsItalic ? -0.2f : 0,
            Subpixel = true,
            LinearMetrics = true,
        };
    }

    private static PdfFonts Find()
    {
        foreach (var family in Families)
        {
            var faces = Styles.Select(style => SKFontManager.Default.MatchFamily(family, style)).ToArray();
            if (faces.All(HasVietnamese))
            {
                return new PdfFonts([.. faces.Select(face => face!)]);
            }
        }

        foreach (var paths in Files)
        {
            var faces = paths.Select(path => File.Exists(path) ? SKTypeface.FromFile(path) : null).ToArray();
            if (faces.All(HasVietnamese))
            {
                return new PdfFonts([.. faces.Select(face => face!)]);
            }
        }

        throw new InvalidOperationException(
            $"No serif font with Vietnamese letters was found for PDF documents (tried {string.Join(", ", Families)} " +
            "and the Liberation Serif and Noto Serif files under /usr/share/fonts/truetype). " +
            "Install the Debian package fonts-liberation2 or fonts-noto-core (scripts/install-prerequisites.sh does).");
    }

    private static bool HasVietnamese(SKTypeface? face)
    {
        if (face is null)
        {
            return false;
        }

        using var font = new SKFont(face, 12);
        return font.GetGlyphs(VietnameseProbe).All(glyph => glyph != 0);
    }
}

/// <summary>Bold and italic, the only emphasis Decree 30 uses.</summary>
internal readonly record struct TextStyle(bool Bold, bool Italic)
{
    public static readonly TextStyle Regular = new(false, false);
    public static readonly TextStyle BoldStyle = new(true, false);
    public static readonly TextStyle ItalicStyle = new(false, true);
    public static readonly TextStyle BoldItalic = new(true, true);
}
