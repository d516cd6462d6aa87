using System.Text;
using System.Text.RegularExpressions;
using Motcua.Common.Documents;
using SkiaSharp;

namespace Motcua.UnitTests.Documents;

public sealed partial class PdfRendererFacts
{
    [Fact]
    public void A_long_table_continues_on_a_second_page()
    {
        var pdf = PdfRenderer.Render(SampleDocuments.Receipt(rows: 40));

        Assert.StartsWith("%PDF-", Latin1(pdf)[..5], StringComparison.Ordinal);
        Assert.Equal(2, PageCount(pdf));
        Assert.InRange(pdf.Length, 10_000, 1_500_000);
    }

    [Fact]
    public void A_short_document_is_one_page()
    {
        var pdf = PdfRenderer.Render(SampleDocuments.Letter(new DateOnly(2026, 2, 9)));

        Assert.StartsWith("%PDF-", Latin1(pdf)[..5], StringComparison.Ordinal);
        Assert.Equal(1, PageCount(pdf));
        Assert.InRange(pdf.Length, 5_000, 1_000_000);
    }

    [Fact]
    public void The_embedded_font_has_vietnamese_letters()
    {
        var fonts = PdfFonts.Shared;
        var pdf = Latin1(PdfRenderer.Render(SampleDocuments.Receipt()));

        Assert.Contains(fonts.FamilyName, new[] { "Times New Roman", "Liberation Serif", "Noto Serif", "DejaVu Serif" });
        foreach (var style in new[] { TextStyle.Regular, TextStyle.BoldStyle, TextStyle.ItalicStyle, TextStyle.BoldItalic })
        {
            using var font = fonts.Font(style, 13);
            Assert.All(font.GetGlyphs(SampleDocuments.AllTones.Replace(" ", "", StringComparison.Ordinal)), glyph => Assert.NotEqual(0, glyph));
        }

        Assert.Contains("/FontFile2", pdf, StringComparison.Ordinal);
        Assert.Contains(fonts.Typeface(TextStyle.Regular).PostScriptName, pdf, StringComparison.Ordinal);
        Assert.Contains(fonts.Typeface(TextStyle.BoldStyle).PostScriptName, pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_stays_inside_the_margins()
    {
        using var layout = new PdfLayout(PdfFonts.Shared);
        var pages = layout.Lay(SampleDocuments.Receipt(rows: 40));

        Assert.Equal(2, pages.Count);
        foreach (var text in pages.SelectMany(page => page.OfType<PdfText>()))
        {
            var right = text.X + layout.Measure(text.Text, text.Style, text.Size);
            Assert.InRange(text.X, PdfLayout.MarginLeft - 0.01f, PdfLayout.PageWidth - PdfLayout.MarginRight);
            Assert.True(right <= PdfLayout.PageWidth - PdfLayout.MarginRight + 0.01f, $"\"{text.Text}\" ends at {right}.");
            Assert.InRange(text.Baseline, PdfLayout.MarginTop, PdfLayout.PageHeight - PdfLayout.MarginBottom);
        }
    }

    [Fact]
    public void The_first_page_shows_the_header_the_title_and_the_qr_code()
    {
        using var layout = new PdfLayout(PdfFonts.Shared);
        var pages = layout.Lay(SampleDocuments.Receipt(rows: 40));
        var first = string.Join(" ", pages[0].OfType<PdfText>().Select(text => text.Text));

        foreach (var expected in new[] { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Gia Lai, ngày 05 tháng 3 năm 2026", "Số: 12/PTN-UBND", "GIẤY TIẾP NHẬN HỒ SƠ", "UBND TỈNH GIA LAI" })
        {
            Assert.Contains(expected, first, StringComparison.Ordinal);
        }

        var qr = Assert.Single(pages.SelectMany(page => page.OfType<PdfImage>()));
        Assert.True(qr.Bounds.Right <= PdfLayout.PageWidth - PdfLayout.MarginRight + 0.01f);
        var last = string.Join(" ", pages[^1].OfType<PdfText>().Select(text => text.Text));
        Assert.Contains("NGƯỜI TIẾP NHẬN", last, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Đức", last, StringComparison.Ordinal);
        Assert.Contains(DocumentText.SignHint, last, StringComparison.Ordinal);
    }

    [Fact]
    public void Decomposed_input_is_drawn_precomposed()
    {
        var document = SampleDocuments.Letter(new DateOnly(2026, 3, 5)) with { Body = [new Paragraph("Nguyễn Văn Đức".Normalize(NormalizationForm.FormD))] };
        using var layout = new PdfLayout(PdfFonts.Shared);

        var texts = layout.Lay(document).SelectMany(page => page.OfType<PdfText>()).Select(text => text.Text).ToList();

        Assert.All(texts, text => Assert.True(text.IsNormalized(NormalizationForm.FormC), text));
        Assert.Contains("Nguyễn", texts);
    }

    [Fact]
    public void The_qr_code_is_a_square_png_of_8_pixels_a_module()
    {
        // Version 1 has 21 modules a side; the quiet zone adds more.
        var png = QrCodeImage.Png("https://motcua.gialai.gov.vn/tra-cuu?ma=1");
        using var bitmap = SKBitmap.Decode(png);

        Assert.Equal(bitmap.Width, bitmap.Height);
        Assert.True(bitmap.Width >= 21 * 8);
    }

    private static int PageCount(byte[] pdf) => PageObject().Count(Latin1(pdf));

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageObject();
}
