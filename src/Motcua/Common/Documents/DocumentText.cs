using System.Globalization;
using System.Text;

namespace Motcua.Common.Documents;

/// <summary>
/// The fixed wording of Decree 30/2020/NĐ-CP, Appendix I, and the text rules both renderers share, so
/// the .docx and the PDF of one document say exactly the same thing.
/// </summary>
internal static class DocumentText
{
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    public const string SignHint = "(Ký, ghi rõ họ tên)";
    public const string RecipientsLabel = "Nơi nhận:";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"Số: 12/PTN-UBND"; a document not yet numbered leaves the number to be written in.</summary>
    public static string NumberLine(string? numberAndSymbol) =>
        "Số: " + (string.IsNullOrWhiteSpace(numberAndSymbol) ? "……" : numberAndSymbol.Trim());

    /// <summary>
    /// "Gia Lai, ngày 05 tháng 03 năm 2026". Decree 30 writes days below 10 and the months January and
    /// February with a leading zero (so "ngày 01 tháng 01" cannot be altered into "ngày 11 tháng 12"), and
    /// every other day and month as a plain number.
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly date)
    {
        var day = date.Day < 10 ? $"0{date.Day}" : date.Day.ToString(CultureInfo.InvariantCulture);
        var month = date.Month <= 2 ? $"0{date.Month}" : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place.Trim()}, ngày {day} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string Upper(string text) => text.ToUpper(Vietnamese);

    /// <summary>
    /// Precomposed (NFC) Vietnamese letters map to one glyph each in the fonts we use, so the PDF needs
    /// no shaping engine; text typed with combining marks would otherwise print detached accents.
    /// </summary>
    public static string Normalise(string text) => text.Normalize(NormalizationForm.FormC);

    /// <summary>"- Như trên;" — every recipient ends with a semicolon, the last one with a full stop.</summary>
    public static string RecipientLine(string recipient, bool isLast)
    {
        var text = recipient.Trim();
        if (!text.EndsWith(';') && !text.EndsWith('.'))
        {
            text += isLast ? "." : ";";
        }

        return "- " + text;
    }

    public static string PageLabel(int page, int pageCount) =>
        string.Create(CultureInfo.InvariantCulture, $"Trang {page}/{pageCount}");
}
