using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Motcua.Common.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Motcua.UnitTests.Documents;

public sealed class DocxRendererFacts
{
    [Fact]
    public void The_receipt_is_a_valid_word_document()
    {
        using var package = Open(DocxRenderer.Render(SampleDocuments.Receipt()));

        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void A_letter_with_recipients_and_no_qr_code_is_valid_too()
    {
        using var package = Open(DocxRenderer.Render(SampleDocuments.Letter(new DateOnly(2026, 11, 15))));

        Assert.Empty(new OpenXmlValidator().Validate(package));
        var text = Text(package);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("- Như trên;", text);
        Assert.Contains("- Lưu: VT, BPMC.", text);
        Assert.Contains("TM. ỦY BAN NHÂN DÂN", text);
        Assert.Contains("Số: ……", text);
        Assert.Empty(package.MainDocumentPart!.ImageParts);
    }

    [Fact]
    public void The_header_carries_the_national_name_motto_issuer_and_number()
    {
        using var package = Open(DocxRenderer.Render(SampleDocuments.Receipt()));
        var header = package.MainDocumentPart!.Document!.Body!.Elements<W.Table>().First();
        var cells = header.Descendants<W.TableCell>().Select(cell => cell.InnerText).ToList();

        Assert.Equal(["UBND TỈNH GIA LAIỦY BAN NHÂN DÂN XÃ TUY PHƯỚC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc", "Số: 12/PTN-UBND", "Gia Lai, ngày 05 tháng 3 năm 2026"], cells);
        var motto = header.Descendants<W.Run>().Single(run => run.InnerText == DocumentText.Motto);
        Assert.NotNull(motto.RunProperties?.Bold);
        Assert.NotNull(motto.RunProperties?.Underline);
    }

    [Theory]
    [InlineData("2026-03-05", "Gia Lai, ngày 05 tháng 3 năm 2026")]
    [InlineData("2026-11-15", "Gia Lai, ngày 15 tháng 11 năm 2026")]
    [InlineData("2026-02-09", "Gia Lai, ngày 09 tháng 02 năm 2026")]
    public void The_place_and_date_line_follows_decree_30(string date, string expected)
    {
        using var package = Open(DocxRenderer.Render(SampleDocuments.Letter(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))));

        var line = package.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>().Single(p => p.InnerText.StartsWith("Gia Lai, ngày", StringComparison.Ordinal));
        Assert.Equal(expected, line.InnerText);
        Assert.All(line.Descendants<W.Run>(), run => Assert.NotNull(run.RunProperties?.Italic));
    }

    [Fact]
    public void The_table_has_a_bold_header_row_and_every_cell()
    {
        using var package = Open(DocxRenderer.Render(SampleDocuments.Receipt(rows: 40)));
        var table = package.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single(t => t.GetFirstChild<W.TableProperties>()?.TableStyle?.Val == "TableGrid");
        var rows = table.Elements<W.TableRow>().Select(row => row.Elements<W.TableCell>().Select(cell => cell.InnerText).ToList()).ToList();

        Assert.Equal(41, rows.Count);
        Assert.Equal(["STT", "Tên giấy tờ", "Hình thức", "Số lượng"], rows[0]);
        Assert.Equal(["3", "Bản sao giấy tờ số 3 về quyền sử dụng đất, kèm theo sơ đồ thửa đất do đơn vị đo đạc lập", "Bản sao", "01"], rows[3]);
        Assert.Equal(["40", "Giấy tờ số 40", "Bản chính", "01"], rows[40]);
        Assert.All(table.Elements<W.TableRow>().First().Descendants<W.Run>(), run => Assert.NotNull(run.RunProperties?.Bold));
        Assert.Equal(9355, table.Descendants<W.GridColumn>().Sum(column => int.Parse(column.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_qr_code_is_an_embedded_png_shown_in_the_body()
    {
        using var package = Open(DocxRenderer.Render(SampleDocuments.Receipt()));
        var main = package.MainDocumentPart!;

        var image = Assert.Single(main.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using var png = image.GetStream();
        var signature = new byte[8];
        png.ReadExactly(signature);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], signature);
        var blip = Assert.Single(main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Blip>());
        Assert.Equal(main.GetIdOfPart(image), blip.Embed!.Value);
        Assert.Contains("Quét mã để tra cứu tình trạng hồ sơ", Text(package));
    }

    [Fact]
    public void The_page_is_a4_with_the_decree_30_margins()
    {
        using var package = Open(DocxRenderer.Render(SampleDocuments.Receipt()));
        var section = package.MainDocumentPart!.Document!.Body!.GetFirstChild<W.SectionProperties>()!;
        var size = section.GetFirstChild<W.PageSize>()!;
        var margin = section.GetFirstChild<W.PageMargin>()!;

        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        // 20, 20, 30 and 15 mm in twentieths of a point.
        Assert.Equal((1134, 1134, 1701u, 850u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        Assert.NotNull(section.GetFirstChild<W.TitlePage>());
        var fonts = package.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<W.RunFonts>().Single();
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);
    }

    [Fact]
    public void Text_is_written_in_precomposed_vietnamese()
    {
        var decomposed = "Nguyễn Văn Đức".Normalize(NormalizationForm.FormD);
        var document = SampleDocuments.Letter(new DateOnly(2026, 3, 5)) with { Body = [new Paragraph(decomposed)] };

        using var package = Open(DocxRenderer.Render(document));

        Assert.Contains("Nguyễn Văn Đức".Normalize(NormalizationForm.FormC), Text(package));
        Assert.Contains("THƯ XIN LỖI", Text(package));
    }

    [Fact]
    public void A_row_with_a_missing_cell_is_refused()
    {
        var document = SampleDocuments.Letter(new DateOnly(2026, 3, 5)) with { Body = [new Table(["A", "B"], [["1"]])] };

        var error = Assert.Throws<ArgumentException>(() => DocxRenderer.Render(document));
        Assert.Contains("Row 1 has 1 cells but the table has 2 columns", error.Message, StringComparison.Ordinal);
    }

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    private static string Text(WordprocessingDocument package) =>
        string.Join("\n", package.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText));
}
