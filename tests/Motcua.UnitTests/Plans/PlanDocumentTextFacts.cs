using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Motcua.Common;
using Motcua.Plans.DraftFromText;
using static Motcua.UnitTests.Plans.PlanAssertions;

namespace Motcua.UnitTests.Plans;

public sealed class PlanDocumentTextFacts
{
    private const int Decimal = 1;
    private const int Bullets = 2;
    private const int Letters = 3;

    /// <summary>A plan as Word writes it: list numbering instead of typed numbers, unit names in bold runs.</summary>
    private static MemoryStream BuildDocx()
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                AbstractList(0, NumberFormatValues.Decimal, "%1."),
                AbstractList(1, NumberFormatValues.Bullet, "•"),
                AbstractList(2, NumberFormatValues.LowerLetter, "%1)"),
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = Decimal },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = Bullets },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = Letters });
            main.Document = new Document(new Body(
                Para(null, Bold("ỦY BAN NHÂN DÂN"), new Break(), Bold("HUYỆN AN NHƠN")),
                Para(null, Plain("Số: 12/KH-UBND")),
                Para(null, Plain("An Nhơn, ngày 10 tháng 12 năm 2023")),
                Para(null, Bold("KẾ HOẠCH")),
                Para(null, Plain("Cải cách hành chính năm 2024")),
                Para(null, Plain("I. NHIỆM VỤ TRỌNG TÂM")),
                Para(Decimal, Plain("Rà soát thủ tục hành chính; giao "), Bold("Phòng Tư pháp"), Plain(" chủ trì, phối hợp với Văn phòng HĐND và UBND huyện thực hiện, hoàn thành trước ngày 15/3/2024.")),
                Para(Decimal, Bold("Văn phòng HĐND và UBND huyện"), Plain(": báo cáo kết quả vào thứ Sáu hằng tuần.")),
                Para(Bullets, Plain("Cập nhật số liệu trên Hệ thống thông tin báo cáo.")),
                Para(Decimal, Plain("Tuyên truyền cải cách hành chính "), Bold("trong tháng 6/2024"), Plain(".")),
                Para(Letters, Plain("Pano, áp phích.")),
                Para(Letters, Plain("Trang thông tin điện tử.")),
                Para(null, Plain("Trên đây là Kế hoạch cải cách hành chính năm 2024./."))));
        }

        stream.Position = 0;
        return stream;
    }

    private static AbstractNum AbstractList(int id, NumberFormatValues format, string text) =>
        new(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = 0 }) { AbstractNumberId = id };

    private static Paragraph Para(int? numberingId, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (numberingId is { } id)
        {
            paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = id })));
        }

        foreach (var element in content)
        {
            paragraph.Append(element is Break ? new Run(element) : element);
        }

        return paragraph;
    }

    private static Run Plain(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Run Bold(string text) => new(new RunProperties(new Bold()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    [Fact]
    public void Paragraphs_become_lines_with_bold_marked_and_list_numbers_written()
    {
        using var docx = BuildDocx();

        var text = PlanDocumentText.FromDocx(docx);

        Assert.Equal(
            """
            **ỦY BAN NHÂN DÂN**
            **HUYỆN AN NHƠN**
            Số: 12/KH-UBND
            An Nhơn, ngày 10 tháng 12 năm 2023
            **KẾ HOẠCH**
            Cải cách hành chính năm 2024
            I. NHIỆM VỤ TRỌNG TÂM
            1. Rà soát thủ tục hành chính; giao **Phòng Tư pháp** chủ trì, phối hợp với Văn phòng HĐND và UBND huyện thực hiện, hoàn thành trước ngày 15/3/2024.
            2. **Văn phòng HĐND và UBND huyện**: báo cáo kết quả vào thứ Sáu hằng tuần.
            - Cập nhật số liệu trên Hệ thống thông tin báo cáo.
            3. Tuyên truyền cải cách hành chính **trong tháng 6/2024**.
            a) Pano, áp phích.
            b) Trang thông tin điện tử.
            Trên đây là Kế hoạch cải cách hành chính năm 2024./.

            """,
            text);
    }

    [Fact]
    public void A_docx_plan_parses_into_a_draft()
    {
        using var docx = BuildDocx();

        var draft = PlanTextParser.Parse(PlanDocumentText.FromDocx(docx));

        Assert.Equal("ỦY BAN NHÂN DÂN HUYỆN AN NHƠN", draft.IssuingUnit);
        Assert.Equal("12/KH-UBND", draft.NumberAndSymbol);
        Assert.Equal("Cải cách hành chính năm 2024", draft.Title);
        string[] expected =
        [
            "1 | Rà soát thủ tục hành chính | Phòng Tư pháp | Văn phòng HĐND và UBND huyện | date 2024-03-15",
            "2 | báo cáo kết quả | Văn phòng HĐND và UBND huyện | | weekly Friday",
            "3 | Tuyên truyền cải cách hành chính | | | month 2024-06",
        ];
        Assert.Equal(expected, draft.Tasks.Select((t, i) => Row(t, expected[Math.Min(i, expected.Length - 1)].Split(" | ")[1].Length)));
        Assert.Equal("- Cập nhật số liệu trên Hệ thống thông tin báo cáo.", draft.Tasks[1].Details);
        Assert.Equal("a) Pano, áp phích.\nb) Trang thông tin điện tử.", draft.Tasks[2].Details);
    }

    [Theory]
    [InlineData("Kế hoạch số 12/KH-UBND")]
    [InlineData("PK\u0003\u0004 not really a zip")]
    [InlineData("")]
    public void A_file_that_is_not_a_docx_is_refused_with_a_clear_message(string content)
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(content));

        var refused = Assert.Throws<DomainException>(() => PlanDocumentText.FromDocx(file));

        Assert.Equal("The file is not a Word document (.docx).", refused.Message);
        Assert.Equal("file", refused.Field);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            entry.Write("hello");
        }

        zip.Position = 0;

        Assert.Equal("The file is not a Word document (.docx).", Assert.Throws<DomainException>(() => PlanDocumentText.FromDocx(zip)).Message);
    }

    [Fact]
    public void An_empty_document_gives_empty_text_which_the_parser_refuses()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph()));
        }

        stream.Position = 0;
        var text = PlanDocumentText.FromDocx(stream);

        Assert.Equal(string.Empty, text);
        Assert.Equal("The plan text is empty.", Assert.Throws<DomainException>(() => PlanTextParser.Parse(text)).Message);
    }
}
