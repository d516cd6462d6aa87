using SkiaSharp;

namespace Motcua.Common.Documents;

/// <summary>
/// Prints an <see cref="OfficialDocument"/> to PDF with Skia's PDF back end (ADR 0006): A4, the margins and
/// type sizes of Decree 30/2020/NĐ-CP, fonts embedded, "Trang 1/2" at the foot when there is more than one page.
/// </summary>
internal static class PdfRenderer
{
    public static byte[] Render(OfficialDocument document)
    {
        using var layout = new PdfLayout(PdfFonts.Shared);
        var pages = layout.Lay(document);

        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = DocumentText.Normalise(document.Title);
        metadata.Subject = document.Subtitle is null ? null : DocumentText.Normalise(document.Subtitle);
        metadata.Author = DocumentText.Normalise(document.Header.IssuingBody);
        metadata.Creator = "Motcua";

        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var pen = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke };
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = pdf.BeginPage(PdfLayout.PageWidth, PdfLayout.PageHeight);
                foreach (var drawing in pages[i])
                {
                    Draw(canvas, drawing, layout, ink, pen);
                }

                if (pages.Count > 1)
                {
                    // Decree 30 numbers pages from the second on; a printed receipt of two sheets reads
                    // better with "page of pages" on each so a missing sheet shows.
                    var label = DocumentText.PageLabel(i + 1, pages.Count);
                    canvas.DrawText(label, PdfLayout.MarginLeft + (PdfLayout.ContentWidth / 2), PdfLayout.PageHeight - (PdfLayout.MarginBottom / 2), SKTextAlign.Center, layout.Font(TextStyle.Regular, PdfLayout.PageNumberSize), ink);
                }

                pdf.EndPage();
            }

            pdf.Close();
        }

        return stream.ToArray();
    }

    private static void Draw(SKCanvas canvas, PdfDrawing drawing, PdfLayout layout, SKPaint ink, SKPaint pen)
    {
        switch (drawing)
        {
            case PdfText text:
                canvas.DrawText(text.Text, text.X, text.Baseline, SKTextAlign.Left, layout.Font(text.Style, text.Size), ink);
                break;
            case PdfLine line:
                pen.StrokeWidth = line.Thickness;
                canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, pen);
                break;
            case PdfImage image:
                using (var picture = SKImage.FromEncodedData(image.Png))
                {
                    // Nearest-neighbour keeps the QR modules square instead of blurring their edges.
                    canvas.DrawImage(picture, image.Bounds, new SKSamplingOptions(SKFilterMode.Nearest), null);
                }

                break;
            default:
                throw new NotSupportedException($"Cannot draw {drawing.GetType().Name}.");
        }
    }
}
