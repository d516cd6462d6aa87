namespace Motcua.Common.Documents;

/// <summary>
/// An administrative document (văn bản hành chính) laid out per Decree 30/2020/NĐ-CP, Appendix I.
/// The model says what is written, never where: <see cref="DocxRenderer"/> and <see cref="PdfRenderer"/>
/// place it the same way, so a form is written once and printed in both formats.
/// </summary>
/// <param name="Title">The document type and name (tên loại), printed bold, centred, upper case.</param>
/// <param name="Subtitle">The summary (trích yếu) under the title, bold, centred, as written.</param>
/// <param name="Signature">The right-hand signature block (the issuing body's signer).</param>
/// <param name="Recipients">"Nơi nhận" items, bottom left beside the signature; empty for none.</param>
/// <param name="LeftSignature">A second signature on the left, e.g. the applicant on a receipt.</param>
internal sealed record OfficialDocument(
    DocumentHeader Header,
    string Title,
    string? Subtitle,
    IReadOnlyList<DocumentBlock> Body,
    DocumentSignature? Signature,
    IReadOnlyList<string> Recipients,
    DocumentQrCode? QrCode,
    DocumentSignature? LeftSignature = null);

/// <summary>The two-column header: issuing body and number on the left, national motto and date on the right.</summary>
/// <param name="ParentBody">The body the issuer belongs to (cơ quan chủ quản), upper case, regular; null for none.</param>
/// <param name="IssuingBody">The issuing body, upper case, bold.</param>
/// <param name="NumberAndSymbol">"12/PTN-UBND"; null while not yet numbered (printed as "Số: ……").</param>
/// <param name="Place">The place name (địa danh) before the date, e.g. "Gia Lai".</param>
internal sealed record DocumentHeader(string? ParentBody, string IssuingBody, string? NumberAndSymbol, string Place, DateOnly Date);

/// <summary>A block of the body. The set is closed: renderers switch over exactly these.</summary>
internal abstract record DocumentBlock;

internal enum ParagraphAlignment
{
    Justify,
    Left,
    Center,
    Right,
}

/// <summary>A body paragraph; Decree 30 justifies body text and indents the first line.</summary>
internal sealed record Paragraph(
    IReadOnlyList<TextRun> Runs,
    ParagraphAlignment Alignment = ParagraphAlignment.Justify,
    bool FirstLineIndent = true) : DocumentBlock
{
    public Paragraph(string text, ParagraphAlignment alignment = ParagraphAlignment.Justify, bool firstLineIndent = true)
        : this([new TextRun(text)], alignment, firstLineIndent)
    {
    }
}

internal sealed record TextRun(string Text, bool Bold = false, bool Italic = false);

/// <summary>A section heading inside the body: bold, centred.</summary>
internal sealed record Heading(string Text) : DocumentBlock;

/// <summary>A grid table with a bold header row.</summary>
/// <param name="ColumnWidths">Relative widths (any unit, only the proportions count); null for equal columns.</param>
internal sealed record Table(
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<double>? ColumnWidths = null) : DocumentBlock;

/// <summary>A form line such as "Họ và tên người nộp: Nguyễn Văn A".</summary>
internal sealed record LabelledLine(string Label, string Value) : DocumentBlock;

/// <summary>One empty line.</summary>
internal sealed record Spacer : DocumentBlock;

/// <summary>A signature block, centred in its column.</summary>
/// <param name="Authority">The signing authority line, e.g. "TM. ỦY BAN NHÂN DÂN"; null for none.</param>
/// <param name="Position">The signer's position, e.g. "CHỦ TỊCH" or "NGƯỜI TIẾP NHẬN".</param>
/// <param name="SignerName">Printed under the space for the signature; when null the block is a form to sign
/// by hand and shows "(Ký, ghi rõ họ tên)".</param>
internal sealed record DocumentSignature(string? Authority, string Position, string? SignerName);

/// <summary>A QR code under the header on the right, e.g. to look a dossier up online.</summary>
internal sealed record DocumentQrCode(string Url, string Caption);
