using System.Globalization;
using Motcua.Common.Documents;

namespace Motcua.UnitTests.Documents;

/// <summary>Documents shaped like the coming forms, with every Vietnamese tone, Đ/đ, ư and ơ.</summary>
internal static class SampleDocuments
{
    /// <summary>Six tones (a à á ả ã ạ) on plain, circumflex, breve and horned letters, upper and lower case.</summary>
    public const string AllTones = "Ba bà bá bả bã bạ; Ê Ề Ế Ể Ễ Ệ; ư ừ ứ ử ữ ự; ơ ờ ớ ở ỡ ợ; ă ằ ắ ẳ ẵ ặ; y ỳ ý ỷ ỹ ỵ; Đ đ.";

    public static OfficialDocument Receipt(int rows = 40, DateOnly? date = null) => new(
        new DocumentHeader("UBND tỉnh Gia Lai", "Ủy ban nhân dân xã Tuy Phước", "12/PTN-UBND", "Gia Lai", date ?? new DateOnly(2026, 3, 5)),
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        "Mã hồ sơ: 000.00.21.H21-260305-0001",
        [
            new Paragraph([new TextRun("Bộ phận Tiếp nhận và Trả kết quả "), new TextRun("Ủy ban nhân dân xã Tuy Phước", Bold: true), new TextRun(" đã tiếp nhận hồ sơ của:")]),
            new LabelledLine("Họ và tên người nộp", "Nguyễn Thị Hương"),
            new LabelledLine("Địa chỉ", "Thôn Phú Mỹ, xã Tuy Phước, tỉnh Gia Lai"),
            new LabelledLine("Số điện thoại", "0912 345 678"),
            new LabelledLine("Nội dung yêu cầu giải quyết", "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu"),
            new Heading("Thành phần hồ sơ"),
            new Table(
                ["STT", "Tên giấy tờ", "Hình thức", "Số lượng"],
                [.. Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[
                    i.ToString(CultureInfo.InvariantCulture),
                    i % 8 == 3 ? $"Bản sao giấy tờ số {i} về quyền sử dụng đất, kèm theo sơ đồ thửa đất do đơn vị đo đạc lập" : $"Giấy tờ số {i}",
                    i % 2 == 0 ? "Bản chính" : "Bản sao",
                    "01"])],
                [1, 6, 2, 1.5]),
            new Paragraph([new TextRun("Thời gian giải quyết: 30 ngày làm việc. "), new TextRun("Ngày hẹn trả kết quả: 16 giờ 00, ngày 16 tháng 4 năm 2026.", Italic: true)]),
            new Spacer(),
            new Paragraph(AllTones),
        ],
        new DocumentSignature(null, "Người tiếp nhận", "Trần Văn Đức"),
        [],
        new DocumentQrCode("https://motcua.gialai.gov.vn/tra-cuu?ma=000.00.21.H21-260305-0001", "Quét mã để tra cứu tình trạng hồ sơ"),
        new DocumentSignature(null, "Người nộp hồ sơ", null));

    public static OfficialDocument Letter(DateOnly date) => new(
        new DocumentHeader(null, "Ủy ban nhân dân xã Tuy Phước", null, "Gia Lai", date),
        "Thư xin lỗi",
        "V/v chậm trả kết quả giải quyết hồ sơ",
        [
            new Paragraph([new TextRun("Kính gửi: Bà Nguyễn Thị Hương.")], ParagraphAlignment.Center, FirstLineIndent: false),
            new Paragraph("Ủy ban nhân dân xã Tuy Phước xin lỗi bà vì hồ sơ đã quá hạn giải quyết; chúng tôi sẽ trả kết quả chậm nhất vào ngày 20 tháng 4 năm 2026. " + AllTones),
        ],
        new DocumentSignature("TM. Ủy ban nhân dân", "Chủ tịch", "Lê Văn Hùng"),
        ["Như trên", "Lưu: VT, BPMC"],
        null);
}
