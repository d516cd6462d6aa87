using System.Text;
using SkiaSharp;

namespace Motcua.Common.Documents;

/// <summary>Something to draw, in points from the page's top-left corner.</summary>
internal abstract record PdfDrawing
{
    public abstract PdfDrawing Shifted(float dy);
}

internal sealed record PdfText(float X, float Baseline, string Text, TextStyle Style, float Size) : PdfDrawing
{
    public override PdfDrawing Shifted(float dy) => this with { Baseline = Baseline + dy };
}

internal sealed record PdfLine(float X1, float Y1, float X2, float Y2, float Thickness) : PdfDrawing
{
    public override PdfDrawing Shifted(float dy) => this with { Y1 = Y1 + dy, Y2 = Y2 + dy };
}

internal sealed record PdfImage(SKRect Bounds, byte[] Png) : PdfDrawing
{
    public override PdfDrawing Shifted(float dy) => this with { Bounds = SKRect.Create(Bounds.Left, Bounds.Top + dy, Bounds.Width, Bounds.Height) };
}

/// <summary>
/// Lays an <see cref="OfficialDocument"/> out on A4 pages: a small flow layout (lines fill down the page
/// and continue on the next) with the fixed Decree 30 blocks (header, signature row) placed as wholes.
/// Layout and drawing are separate so the page count is known before "Trang 1/2" is printed.
/// </summary>
internal sealed class PdfLayout(PdfFonts fonts) : IDisposable
{
    public const float PageWidth = 595f;
    public const float PageHeight = 842f;
    public const float Mm = 72f / 25.4f;
    public const float MarginTop = 20 * Mm;
    public const float MarginBottom = 20 * Mm;
    public const float MarginLeft = 30 * Mm;
    public const float MarginRight = 15 * Mm;
    public const float ContentWidth = PageWidth - MarginLeft - MarginRight;

    // Sizes within the ranges of Decree 30, Appendix I (13–14 pt text, 12–13 pt national name, 11–12 pt recipients).
    public const float BodySize = 13;
    public const float TitleSize = 14;
    public const float NationalNameSize = 12;
    public const float TableSize = 12;
    public const float RecipientsLabelSize = 12;
    public const float RecipientSize = 11;
    public const float CaptionSize = 10;
    public const float PageNumberSize = 11;

    /// <summary>Left header column (issuing body, number); the national name needs the wider right one.</summary>
    public const float HeaderLeftWidth = 65 * Mm;

    private const float BodyLeading = 1.3f;
    private const float TightLeading = 1.15f;
    private const float ParagraphGap = 6;
    private const float FirstLineIndent = 10 * Mm;
    private const float CellPaddingX = 3;
    private const float CellPaddingY = 2;
    private const float RuleThickness = 0.6f;
    private const float GridThickness = 0.5f;
    private const float SignatureSpace = 22 * Mm;
    private const float QrBoxWidth = 45 * Mm;

    private const float PageBottom = PageHeight - MarginBottom;

    private readonly Dictionary<(TextStyle Style, float Size), SKFont> _fontCache = [];
    private readonly List<List<PdfDrawing>> _pages = [[]];
    private float _y = MarginTop;
    private bool _laid;

    private List<PdfDrawing> Page => _pages[^1];

    /// <summary>Lays out one document; a layout is not reused.</summary>
    public IReadOnlyList<IReadOnlyList<PdfDrawing>> Lay(OfficialDocument document)
    {
        if (_laid)
        {
            throw new InvalidOperationException("A layout lays out one document.");
        }

        _laid = true;
        Header(document.Header);
        if (document.QrCode is { } qr)
        {
            QrCode(qr);
        }

        Title(document.Title, document.Subtitle);
        foreach (var block in document.Body)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    Flow(Lines(paragraph.Runs, BodySize, ContentWidth, paragraph.FirstLineIndent ? FirstLineIndent : 0, paragraph.Alignment), MarginLeft, BodySize, BodyLeading);
                    _y += ParagraphGap;
                    break;
                case LabelledLine line:
                    Flow(Lines([new TextRun(line.Label.TrimEnd().TrimEnd(':') + ": "), new TextRun(line.Value)], BodySize, ContentWidth, FirstLineIndent, ParagraphAlignment.Justify), MarginLeft, BodySize, BodyLeading);
                    _y += ParagraphGap;
                    break;
                case Heading heading:
                    _y += ParagraphGap;
                    Flow(Lines([new TextRun(heading.Text, Bold: true)], BodySize, ContentWidth, 0, ParagraphAlignment.Center), MarginLeft, BodySize, BodyLeading);
                    _y += ParagraphGap;
                    break;
                case Table table:
                    Table(table);
                    _y += ParagraphGap;
                    break;
                case Spacer:
                    _y += BodySize * BodyLeading;
                    break;
                default:
                    throw new NotSupportedException($"No PDF layout for {block.GetType().Name}.");
            }
        }

        Signatures(document);
        return _pages;
    }

    public SKFont Font(TextStyle style, float size)
    {
        if (!_fontCache.TryGetValue((style, size), out var font))
        {
            font = fonts.Font(style, size);
            _fontCache[(style, size)] = font;
        }

        return font;
    }

    public float Measure(string text, TextStyle style, float size) => Font(style, size).MeasureText(text);

    public void Dispose()
    {
        foreach (var font in _fontCache.Values)
        {
            font.Dispose();
        }
    }

    private void Header(DocumentHeader header)
    {
        const float left = MarginLeft;
        const float right = MarginLeft + HeaderLeftWidth;
        const float rightWidth = ContentWidth - HeaderLeftWidth;

        var leftY = MarginTop;
        if (!string.IsNullOrWhiteSpace(header.ParentBody))
        {
            leftY = Place(Page, DocumentText.Upper(header.ParentBody), TextStyle.Regular, BodySize, left, HeaderLeftWidth, leftY).Bottom;
        }

        var issuer = Place(Page, DocumentText.Upper(header.IssuingBody), TextStyle.BoldStyle, BodySize, left, HeaderLeftWidth, leftY);
        leftY = Rule(Page, left, HeaderLeftWidth, issuer.Bottom, issuer.Widest * 0.4f);

        var nation = Place(Page, DocumentText.NationalName, TextStyle.BoldStyle, NationalNameSize, right, rightWidth, MarginTop);
        var motto = Place(Page, DocumentText.Motto, TextStyle.BoldStyle, BodySize, right, rightWidth, nation.Bottom);
        var rightY = Rule(Page, right, rightWidth, motto.Bottom, motto.Widest);

        var secondRow = Math.Max(leftY, rightY) + 2;
        var number = Place(Page, DocumentText.NumberLine(header.NumberAndSymbol), TextStyle.Regular, BodySize, left, HeaderLeftWidth, secondRow);
        var date = Place(Page, DocumentText.PlaceAndDate(header.Place, header.Date), TextStyle.ItalicStyle, BodySize, right, rightWidth, secondRow);
        _y = Math.Max(number.Bottom, date.Bottom) + ParagraphGap;
    }

    private void QrCode(DocumentQrCode qr)
    {
        const float side = (float)QrCodeImage.SideMillimetres * Mm;
        const float boxLeft = MarginLeft + ContentWidth - QrBoxWidth;
        Page.Add(new PdfImage(SKRect.Create(boxLeft + ((QrBoxWidth - side) / 2), _y, side, side), QrCodeImage.Png(qr.Url)));
        _y = Place(Page, qr.Caption, TextStyle.ItalicStyle, CaptionSize, boxLeft, QrBoxWidth, _y + side + 1).Bottom + ParagraphGap;
    }

    private void Title(string title, string? subtitle)
    {
        _y += ParagraphGap;
        Flow(Lines([new TextRun(DocumentText.Upper(title), Bold: true)], TitleSize, ContentWidth, 0, ParagraphAlignment.Center), MarginLeft, TitleSize, TightLeading);
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            var lines = Lines([new TextRun(subtitle, Bold: true)], TitleSize, ContentWidth, 0, ParagraphAlignment.Center);
            Flow(lines, MarginLeft, TitleSize, TightLeading);
            _y = Rule(Page, MarginLeft, ContentWidth, _y, lines.Max(line => line.Width) * 0.4f);
        }

        _y += ParagraphGap * 2;
    }

    private void Table(Table table)
    {
        var widths = DocumentLayout.ColumnFractions(table).Select(fraction => (float)fraction * ContentWidth).ToArray();
        TableRow(table.Columns, widths, header: true);
        foreach (var row in table.Rows)
        {
            TableRow(row, widths, header: false);
        }
    }

    private void TableRow(IReadOnlyList<string> cells, float[] widths, bool header)
    {
        const float lineHeight = TableSize * TightLeading;
        var style = header ? TextStyle.BoldStyle : TextStyle.Regular;
        var alignment = header ? ParagraphAlignment.Center : ParagraphAlignment.Left;
        var cellLines = cells.Select((cell, i) => Lines([new TextRun(cell, style.Bold)], TableSize, widths[i] - (2 * CellPaddingX), 0, alignment)).ToList();
        var height = (Math.Max(1, cellLines.Max(lines => lines.Count)) * lineHeight) + (2 * CellPaddingY);
        if (_y + height > PageBottom && _y > MarginTop)
        {
            NewPage();
        }

        var x = MarginLeft;
        for (var i = 0; i < widths.Length; i++)
        {
            for (var k = 0; k < cellLines[i].Count; k++)
            {
                Emit(Page, cellLines[i][k], x + CellPaddingX, _y + CellPaddingY + (k * lineHeight), TableSize, lineHeight);
            }

            Page.Add(new PdfLine(x, _y, x, _y + height, GridThickness));
            x += widths[i];
        }

        Page.Add(new PdfLine(x, _y, x, _y + height, GridThickness));
        Page.Add(new PdfLine(MarginLeft, _y, x, _y, GridThickness));
        Page.Add(new PdfLine(MarginLeft, _y + height, x, _y + height, GridThickness));
        _y += height;
    }

    /// <summary>
    /// The closing row: the signature on the right, and beside it on the left either a second signature or
    /// the recipients. The row is kept on one page, as a signature apart from its text would be.
    /// </summary>
    private void Signatures(OfficialDocument document)
    {
        if (document.Signature is null && document.LeftSignature is null && document.Recipients.Count == 0)
        {
            return;
        }

        _y += ParagraphGap * 2;
        var split = (float)DocumentLayout.SignatureLeftFraction(document) * ContentWidth;
        var right = new List<PdfDrawing>();
        var left = new List<PdfDrawing>();
        var rightHeight = document.Signature is null ? 0 : SignatureBlock(right, document.Signature, MarginLeft + split, ContentWidth - split);
        var leftHeight = document.LeftSignature is null
            ? RecipientsBlock(left, document.Recipients, MarginLeft, split)
            : SignatureBlock(left, document.LeftSignature, MarginLeft, split);
        PutTogether([.. left, .. right], Math.Max(leftHeight, rightHeight));

        if (document.LeftSignature is not null && document.Recipients.Count > 0)
        {
            var recipients = new List<PdfDrawing>();
            var height = RecipientsBlock(recipients, document.Recipients, MarginLeft, ContentWidth);
            _y += ParagraphGap;
            PutTogether(recipients, height);
        }
    }

    private float SignatureBlock(List<PdfDrawing> target, DocumentSignature signature, float x, float width)
    {
        var y = 0f;
        if (!string.IsNullOrWhiteSpace(signature.Authority))
        {
            y = Place(target, DocumentText.Upper(signature.Authority), TextStyle.BoldStyle, BodySize, x, width, y).Bottom;
        }

        y = Place(target, DocumentText.Upper(signature.Position), TextStyle.BoldStyle, BodySize, x, width, y).Bottom;
        if (string.IsNullOrWhiteSpace(signature.SignerName))
        {
            return Place(target, DocumentText.SignHint, TextStyle.ItalicStyle, BodySize, x, width, y).Bottom + SignatureSpace;
        }

        return Place(target, signature.SignerName, TextStyle.BoldStyle, BodySize, x, width, y + SignatureSpace).Bottom;
    }

    private float RecipientsBlock(List<PdfDrawing> target, IReadOnlyList<string> recipients, float x, float width)
    {
        if (recipients.Count == 0)
        {
            return 0;
        }

        var y = Place(target, DocumentText.RecipientsLabel, TextStyle.BoldItalic, RecipientsLabelSize, x, width, 0, ParagraphAlignment.Left).Bottom;
        for (var i = 0; i < recipients.Count; i++)
        {
            y = Place(target, DocumentText.RecipientLine(recipients[i], i == recipients.Count - 1), TextStyle.Regular, RecipientSize, x, width, y, ParagraphAlignment.Left).Bottom;
        }

        return y;
    }

    /// <summary>Puts a block laid out from y = 0 at the cursor, on a new page if it does not fit on this one.</summary>
    private void PutTogether(List<PdfDrawing> block, float height)
    {
        if (_y + height > PageBottom && _y > MarginTop)
        {
            NewPage();
        }

        Page.AddRange(block.Select(drawing => drawing.Shifted(_y)));
        _y += height;
    }

    /// <summary>Places one wrapped text without page breaks (header, signature, caption blocks).</summary>
    private (float Bottom, float Widest) Place(List<PdfDrawing> target, string text, TextStyle style, float size, float x, float width, float top, ParagraphAlignment alignment = ParagraphAlignment.Center)
    {
        var lineHeight = size * TightLeading;
        var lines = Lines([new TextRun(text, style.Bold, style.Italic)], size, width, 0, alignment);
        foreach (var line in lines)
        {
            Emit(target, line, x, top, size, lineHeight);
            top += lineHeight;
        }

        return (top, lines.Count == 0 ? 0 : lines.Max(line => line.Width));
    }

    /// <summary>A centred rule just under <paramref name="top"/>; returns the y below it.</summary>
    private static float Rule(List<PdfDrawing> target, float x, float width, float top, float length)
    {
        var start = x + ((width - length) / 2);
        target.Add(new PdfLine(start, top + 2, start + length, top + 2, RuleThickness));
        return top + 8;
    }

    private void Flow(IReadOnlyList<TextLine> lines, float x, float size, float leading)
    {
        var lineHeight = size * leading;
        foreach (var line in lines)
        {
            if (_y + lineHeight > PageBottom && _y > MarginTop)
            {
                NewPage();
            }

            Emit(Page, line, x, _y, size, lineHeight);
            _y += lineHeight;
        }
    }

    private void NewPage()
    {
        _pages.Add([]);
        _y = MarginTop;
    }

    private void Emit(List<PdfDrawing> target, TextLine line, float x, float top, float size, float lineHeight)
    {
        var metrics = Font(TextStyle.Regular, size).Metrics;
        var ascent = -metrics.Ascent;
        var baseline = top + ((lineHeight - (ascent + metrics.Descent)) / 2) + ascent;
        target.AddRange(line.Pieces.Select(piece => new PdfText(x + piece.X, baseline, piece.Text, piece.Style, size)));
    }

    /// <summary>
    /// Breaks styled runs into lines of <paramref name="width"/> and positions every piece of text on its
    /// line for the alignment: justified lines stretch their spaces, except the last line of the paragraph.
    /// </summary>
    private List<TextLine> Lines(IReadOnlyList<TextRun> runs, float size, float width, float indent, ParagraphAlignment alignment)
    {
        var words = Words(runs, size, width);
        var space = Measure(" ", TextStyle.Regular, size);
        float LineWidth(int start, int end)
        {
            var total = 0f;
            for (var i = start; i < end; i++)
            {
                total += words[i].Width + (i > start && !words[i].Glued ? space : 0);
            }

            return total;
        }

        var ranges = TextLayout.Break(words.Count, LineWidth, width, width - indent);
        var lines = new List<TextLine>(ranges.Count);
        for (var n = 0; n < ranges.Count; n++)
        {
            var (start, count) = (ranges[n].Start, ranges[n].Count);
            var available = n == 0 ? width - indent : width;
            var natural = LineWidth(start, start + count);
            var gaps = Enumerable.Range(start + 1, count - 1).Count(i => !words[i].Glued);
            var x = n == 0 ? indent : 0;
            var stretch = 0f;
            switch (alignment)
            {
                case ParagraphAlignment.Justify when n < ranges.Count - 1 && gaps > 0:
                    stretch = Math.Max(0, (available - natural) / gaps);
                    break;
                case ParagraphAlignment.Center:
                    x += (available - natural) / 2;
                    break;
                case ParagraphAlignment.Right:
                    x += available - natural;
                    break;
                default:
                    break;
            }

            var pieces = new List<Piece>();
            for (var i = start; i < start + count; i++)
            {
                if (i > start && !words[i].Glued)
                {
                    x += space + stretch;
                }

                foreach (var fragment in words[i].Fragments)
                {
                    pieces.Add(new Piece(x, fragment.Text, fragment.Style));
                    x += fragment.Width;
                }
            }

            lines.Add(new TextLine(pieces, natural));
        }

        return lines;
    }

    /// <summary>
    /// Splits runs into words at white space. A word may change style mid-way ("<b>Nguyễn Văn A</b>,"), so
    /// it is a list of fragments; a one-style word wider than the line is cut into glued pieces.
    /// </summary>
    private List<Word> Words(IReadOnlyList<TextRun> runs, float size, float width)
    {
        var words = new List<Word>();
        var fragments = new List<Fragment>();
        var text = new StringBuilder();
        var style = TextStyle.Regular;

        void EndFragment()
        {
            if (text.Length > 0)
            {
                var value = text.ToString();
                fragments.Add(new Fragment(value, style, Measure(value, style, size)));
                text.Clear();
            }
        }

        void EndWord()
        {
            EndFragment();
            if (fragments.Count == 0)
            {
                return;
            }

            var total = fragments.Sum(fragment => fragment.Width);
            if (total > width && fragments.Count == 1)
            {
                var wordStyle = fragments[0].Style;
                var pieces = TextLayout.Chop(fragments[0].Text, piece => Measure(piece, wordStyle, size), width).ToList();
                words.AddRange(pieces.Select((piece, i) =>
                {
                    var pieceWidth = Measure(piece, wordStyle, size);
                    return new Word([new Fragment(piece, wordStyle, pieceWidth)], pieceWidth, Glued: i > 0);
                }));
            }
            else
            {
                words.Add(new Word([.. fragments], total, Glued: false));
            }

            fragments.Clear();
        }

        foreach (var run in runs)
        {
            var runStyle = new TextStyle(run.Bold, run.Italic);
            if (runStyle != style)
            {
                EndFragment();
                style = runStyle;
            }

            foreach (var c in DocumentText.Normalise(run.Text))
            {
                if (char.IsWhiteSpace(c))
                {
                    EndWord();
                }
                else
                {
                    text.Append(c);
                }
            }
        }

        EndWord();
        return words;
    }

    private sealed record Fragment(string Text, TextStyle Style, float Width);

    private sealed record Word(IReadOnlyList<Fragment> Fragments, float Width, bool Glued);

    private sealed record Piece(float X, string Text, TextStyle Style);

    private sealed record TextLine(IReadOnlyList<Piece> Pieces, float Width);
}
