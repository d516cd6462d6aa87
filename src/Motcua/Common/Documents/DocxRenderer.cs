using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Motcua.Common.Documents;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a Word document laid out per Decree 30/2020/NĐ-CP: A4,
/// margins 20/20/30/15 mm, Times New Roman 13 pt, the header as a borderless two-column table, page numbers
/// centred at the top from the second page on. Officers often finish a form in Word, so the layout uses
/// named styles and real tables rather than positioned frames.
/// </summary>
internal static class DocxRenderer
{
    // Twentieths of a point (twips): A4 and the Decree 30 margins.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 1134;
    private const int MarginBottom = 1134;
    private const int MarginLeft = 1701;
    private const int MarginRight = 850;
    private const int ContentWidth = PageWidth - MarginLeft - MarginRight;
    private const int HeaderLeftWidth = 3685;
    private const int FirstLineIndent = 567;
    private const int QrBoxWidth = 2551;
    private const int SignatureSpace = 1247;

    // Half-points, as Word stores font sizes.
    private const int NationalNameSize = 24;
    private const int RecipientsLabelSize = 24;
    private const int RecipientSize = 22;
    private const int CaptionSize = 20;
    private const int TableSize = 24;

    private const long EmuPerMillimetre = 36000;

    public static byte[] Render(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = DocumentText.Normalise(document.Title);
            package.PackageProperties.Subject = document.Subtitle is null ? null : DocumentText.Normalise(document.Subtitle);
            package.PackageProperties.Creator = DocumentText.Normalise(document.Header.IssuingBody);
            package.PackageProperties.Language = "vi-VN";

            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new W.Styles(StylesXml);

            var body = new W.Body();
            body.Append(Header(document.Header));
            if (document.QrCode is { } qr)
            {
                body.Append(QrCode(main, qr));
            }

            body.Append(Title(document.Title, document.Subtitle));
            foreach (var block in document.Body)
            {
                body.Append(Block(block));
            }

            body.Append(Signatures(document));
            body.Append(Section(main));
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Block(DocumentBlock block) => block switch
    {
        Paragraph paragraph => [BodyParagraph(paragraph.Runs, paragraph.Alignment, paragraph.FirstLineIndent)],
        LabelledLine line => [BodyParagraph([new TextRun(line.Label.TrimEnd().TrimEnd(':') + ": "), new TextRun(line.Value)], ParagraphAlignment.Justify, true)],
        Heading heading => [StyledParagraph("Heading1", Run(heading.Text))],
        Table table => [GridTable(table), StyledParagraph("BodyText")],
        Spacer => [StyledParagraph("BodyText")],
        _ => throw new NotSupportedException($"No Word layout for {block.GetType().Name}."),
    };

    private static W.Table Header(DocumentHeader header)
    {
        var issuer = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(header.ParentBody))
        {
            issuer.Add(Centred(Run(DocumentText.Upper(header.ParentBody))));
        }

        issuer.Add(Centred(Run(DocumentText.Upper(header.IssuingBody), bold: true)));
        issuer.Add(Rule(HeaderLeftWidth, HeaderLeftWidth / 3));

        var nation = new OpenXmlElement[]
        {
            Centred(Run(DocumentText.NationalName, bold: true, size: NationalNameSize)),
            // Decree 30 puts a rule as long as the motto under it; an underline is that rule in Word.
            Centred(Run(DocumentText.Motto, bold: true, underline: true)),
        };

        var number = Centred(Run(DocumentText.NumberLine(header.NumberAndSymbol)));
        var date = Centred(Run(DocumentText.PlaceAndDate(header.Place, header.Date), italic: true));
        number.ParagraphProperties!.SpacingBetweenLines = new W.SpacingBetweenLines { Before = "60", After = "0" };
        date.ParagraphProperties!.SpacingBetweenLines = new W.SpacingBetweenLines { Before = "60", After = "0" };

        return BorderlessTable(
            [HeaderLeftWidth, ContentWidth - HeaderLeftWidth],
            [[issuer, nation], [[number], [date]]]);
    }

    private static IEnumerable<OpenXmlElement> QrCode(MainDocumentPart main, DocumentQrCode qr)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(QrCodeImage.Png(qr.Url)))
        {
            image.FeedData(png);
        }

        var side = (long)(QrCodeImage.SideMillimetres * EmuPerMillimetre);
        var picture = StyledParagraph("Normal", new W.Run(Drawing(main.GetIdOfPart(image), side, qr.Caption)));
        var caption = StyledParagraph("Caption", Run(qr.Caption, italic: true, size: CaptionSize));
        foreach (var paragraph in new[] { picture, caption })
        {
            // The QR code and its caption sit in a box at the right edge, under the date line.
            paragraph.ParagraphProperties!.Indentation = new W.Indentation { Left = (ContentWidth - QrBoxWidth).ToString(CultureInfo.InvariantCulture) };
            paragraph.ParagraphProperties.Justification = new W.Justification { Val = W.JustificationValues.Center };
        }

        picture.ParagraphProperties!.SpacingBetweenLines = new W.SpacingBetweenLines { Before = "120", After = "0" };
        return [picture, caption];
    }

    private static IEnumerable<OpenXmlElement> Title(string title, string? subtitle)
    {
        yield return StyledParagraph("Title", Run(DocumentText.Upper(title)));
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            yield return StyledParagraph("Subtitle", Run(subtitle));
            yield return Rule(ContentWidth, ContentWidth / 4);
        }

        yield return StyledParagraph("Normal");
    }

    private static W.Paragraph BodyParagraph(IReadOnlyList<TextRun> runs, ParagraphAlignment alignment, bool firstLineIndent)
    {
        var paragraph = StyledParagraph("BodyText", [.. runs.Select(run => Run(run.Text, run.Bold, run.Italic))]);
        paragraph.ParagraphProperties!.Indentation = new W.Indentation { FirstLine = firstLineIndent ? FirstLineIndent.ToString(CultureInfo.InvariantCulture) : "0" };
        paragraph.ParagraphProperties.Justification = new W.Justification { Val = Justification(alignment) };
        return paragraph;
    }

    private static W.Table GridTable(Table table)
    {
        var widths = Widths(DocumentLayout.ColumnFractions(table), ContentWidth);
        var result = new W.Table(
            new W.TableProperties
            {
                TableStyle = new W.TableStyle { Val = "TableGrid" },
                TableWidth = new W.TableWidth { Width = ContentWidth.ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa },
                TableLayout = new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                TableLook = new W.TableLook { Val = "04A0" },
            },
            Grid(widths));

        result.Append(TableRow(table.Columns, widths, header: true));
        foreach (var row in table.Rows)
        {
            result.Append(TableRow(row, widths, header: false));
        }

        return result;
    }

    private static W.TableRow TableRow(IReadOnlyList<string> cells, int[] widths, bool header)
    {
        // A row never splits across pages, as in the PDF.
        var row = new W.TableRow(new W.TableRowProperties(new W.CantSplit()));
        for (var i = 0; i < cells.Count; i++)
        {
            var paragraph = StyledParagraph("TableText", Run(cells[i], bold: header, size: TableSize));
            if (header)
            {
                paragraph.ParagraphProperties!.Justification = new W.Justification { Val = W.JustificationValues.Center };
            }

            row.Append(Cell(widths[i], paragraph));
        }

        return row;
    }

    /// <summary>The closing row: signature on the right; recipients or a second signature on the left.</summary>
    private static IEnumerable<OpenXmlElement> Signatures(OfficialDocument document)
    {
        if (document.Signature is null && document.LeftSignature is null && document.Recipients.Count == 0)
        {
            yield break;
        }

        yield return StyledParagraph("Normal");
        var left = (int)Math.Round(DocumentLayout.SignatureLeftFraction(document) * ContentWidth);
        var leftContent = document.LeftSignature is null ? Recipients(document.Recipients) : SignatureBlock(document.LeftSignature);
        var rightContent = document.Signature is null ? [] : SignatureBlock(document.Signature);
        yield return BorderlessTable([left, ContentWidth - left], [[leftContent, rightContent]]);

        if (document.LeftSignature is not null && document.Recipients.Count > 0)
        {
            yield return StyledParagraph("Normal");
            foreach (var paragraph in Recipients(document.Recipients))
            {
                yield return paragraph;
            }
        }
    }

    private static List<OpenXmlElement> SignatureBlock(DocumentSignature signature)
    {
        var block = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(signature.Authority))
        {
            block.Add(Centred(Run(DocumentText.Upper(signature.Authority), bold: true)));
        }

        block.Add(Centred(Run(DocumentText.Upper(signature.Position), bold: true)));
        if (string.IsNullOrWhiteSpace(signature.SignerName))
        {
            block.Add(Centred(Run(DocumentText.SignHint, italic: true)));
            block.Add(Space(SignatureSpace));
        }
        else
        {
            block.Add(Space(SignatureSpace));
            block.Add(Centred(Run(signature.SignerName, bold: true)));
        }

        return block;
    }

    private static List<OpenXmlElement> Recipients(IReadOnlyList<string> recipients)
    {
        if (recipients.Count == 0)
        {
            return [];
        }

        var block = new List<OpenXmlElement> { StyledParagraph("Recipients", Run(DocumentText.RecipientsLabel, bold: true, italic: true, size: RecipientsLabelSize)) };
        block.AddRange(recipients.Select((recipient, i) => StyledParagraph("Recipients", Run(DocumentText.RecipientLine(recipient, i == recipients.Count - 1), size: RecipientSize))));
        return block;
    }

    /// <summary>The page set-up, with page numbers centred in the top margin from the second page on (Decree 30).</summary>
    private static W.SectionProperties Section(MainDocumentPart main)
    {
        var firstHeader = main.AddNewPart<HeaderPart>();
        firstHeader.Header = new W.Header(StyledParagraph("Normal"));
        var header = main.AddNewPart<HeaderPart>();
        var number = Centred(new W.SimpleField(Run("2")) { Instruction = " PAGE " });
        header.Header = new W.Header(number);

        return new W.SectionProperties(
            new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new W.HeaderReference { Type = W.HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
            new W.PageSize { Width = PageWidth, Height = PageHeight, Orient = W.PageOrientationValues.Portrait },
            new W.PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567, Gutter = 0 },
            new W.TitlePage());
    }

    private static W.Table BorderlessTable(int[] widths, IReadOnlyList<IReadOnlyList<IReadOnlyList<OpenXmlElement>>> rows)
    {
        var table = new W.Table(
            new W.TableProperties
            {
                TableWidth = new W.TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa },
                TableLayout = new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                TableBorders = new W.TableBorders(
                    new W.TopBorder { Val = W.BorderValues.None },
                    new W.LeftBorder { Val = W.BorderValues.None },
                    new W.BottomBorder { Val = W.BorderValues.None },
                    new W.RightBorder { Val = W.BorderValues.None },
                    new W.InsideHorizontalBorder { Val = W.BorderValues.None },
                    new W.InsideVerticalBorder { Val = W.BorderValues.None }),
                // No cell padding: the header columns need all their width for the national name.
                TableCellMarginDefault = new W.TableCellMarginDefault(
                    new W.TableCellLeftMargin { Width = 0, Type = W.TableWidthValues.Dxa },
                    new W.TableCellRightMargin { Width = 0, Type = W.TableWidthValues.Dxa }),
            },
            Grid(widths));

        foreach (var cells in rows)
        {
            var row = new W.TableRow(new W.TableRowProperties(new W.CantSplit()));
            for (var i = 0; i < widths.Length; i++)
            {
                // A cell must end with a paragraph, even an empty one.
                var content = cells[i].Count == 0 ? [StyledParagraph("Normal")] : cells[i].Select(element => element.CloneNode(true));
                row.Append(Cell(widths[i], [.. content]));
            }

            table.Append(row);
        }

        return table;
    }

    private static W.TableGrid Grid(int[] widths) =>
        new([.. widths.Select(width => new W.GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) })]);

    private static W.TableCell Cell(int width, params OpenXmlElement[] content) =>
        new([new W.TableCellProperties(new W.TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa }), .. content]);

    /// <summary>Column widths in twips that add up exactly to the total, so the grid lines meet the margin.</summary>
    private static int[] Widths(IReadOnlyList<double> fractions, int total)
    {
        var widths = fractions.Select(fraction => (int)Math.Floor(fraction * total)).ToArray();
        widths[^1] += total - widths.Sum();
        return widths;
    }

    private static W.Paragraph Centred(params OpenXmlElement[] content)
    {
        var paragraph = StyledParagraph("Normal", content);
        paragraph.ParagraphProperties!.Justification = new W.Justification { Val = W.JustificationValues.Center };
        return paragraph;
    }

    private static W.Paragraph StyledParagraph(string style, params OpenXmlElement[] content) =>
        new([new W.ParagraphProperties { ParagraphStyleId = new W.ParagraphStyleId { Val = style } }, .. content]);

    /// <summary>A short centred rule: an empty, 4 pt high paragraph with a bottom border, indented to the rule's length.</summary>
    private static W.Paragraph Rule(int containerWidth, int length)
    {
        var paragraph = StyledParagraph("Rule");
        var indent = ((containerWidth - length) / 2).ToString(CultureInfo.InvariantCulture);
        paragraph.ParagraphProperties!.Indentation = new W.Indentation { Left = indent, Right = indent };
        return paragraph;
    }

    /// <summary>An empty paragraph of a fixed height: room for a hand signature and a seal.</summary>
    private static W.Paragraph Space(int height)
    {
        var paragraph = StyledParagraph("Normal");
        paragraph.ParagraphProperties!.SpacingBetweenLines = new W.SpacingBetweenLines
        {
            Line = height.ToString(CultureInfo.InvariantCulture),
            LineRule = W.LineSpacingRuleValues.Exact,
            Before = "0",
            After = "0",
        };
        return paragraph;
    }

    private static W.Run Run(string text, bool bold = false, bool italic = false, int? size = null, bool underline = false)
    {
        var properties = new W.RunProperties();
        if (bold)
        {
            properties.Bold = new W.Bold();
        }

        if (italic)
        {
            properties.Italic = new W.Italic();
        }

        if (size is { } halfPoints)
        {
            var value = halfPoints.ToString(CultureInfo.InvariantCulture);
            properties.FontSize = new W.FontSize { Val = value };
            properties.FontSizeComplexScript = new W.FontSizeComplexScript { Val = value };
        }

        if (underline)
        {
            properties.Underline = new W.Underline { Val = W.UnderlineValues.Single };
        }

        var run = new W.Run();
        if (properties.HasChildren)
        {
            run.RunProperties = properties;
        }

        run.Append(new W.Text(DocumentText.Normalise(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static W.Drawing Drawing(string relationshipId, long side, string description) =>
        new(new DW.Inline(
            new DW.Extent { Cx = side, Cy = side },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = "QR code", Description = DocumentText.Normalise(description) },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = "qr.png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = side, Cy = side }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });

    private static W.JustificationValues Justification(ParagraphAlignment alignment) => alignment switch
    {
        ParagraphAlignment.Left => W.JustificationValues.Left,
        ParagraphAlignment.Center => W.JustificationValues.Center,
        ParagraphAlignment.Right => W.JustificationValues.Right,
        _ => W.JustificationValues.Both,
    };

    /// <summary>
    /// Named styles, so an officer who edits the document keeps the Decree 30 look: sizes within Appendix I
    /// (13 pt text, 14 pt title, 12 pt tables, 11–12 pt recipients), 6 pt between body paragraphs.
    /// </summary>
    private const string StylesXml = """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:docDefaults>
            <w:rPrDefault><w:rPr>
              <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>
              <w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>
            </w:rPr></w:rPrDefault>
            <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
          </w:docDefaults>
          <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
          <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
          <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>
            <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
          </w:style>
          <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
            <w:tblPr><w:tblBorders>
              <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
              <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
              <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            </w:tblBorders></w:tblPr>
          </w:style>
          <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:qFormat/>
            <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>
          </w:style>
          <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>
            <w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>
          </w:style>
          <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>
            <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>
          </w:style>
          <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>
            <w:pPr><w:spacing w:after="120" w:line="312" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>
          </w:style>
          <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>
            <w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>
          </w:style>
          <w:style w:type="paragraph" w:styleId="Recipients"><w:name w:val="Recipients"/><w:basedOn w:val="Normal"/>
            <w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr>
          </w:style>
          <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/>
            <w:rPr><w:i/><w:iCs/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
          </w:style>
          <w:style w:type="paragraph" w:styleId="Rule"><w:name w:val="Rule"/><w:basedOn w:val="Normal"/>
            <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="60" w:line="80" w:lineRule="exact"/></w:pPr>
            <w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr>
          </w:style>
        </w:styles>
        """;
}
