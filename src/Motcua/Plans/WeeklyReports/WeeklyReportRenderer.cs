using System.Globalization;
using MiniExcelLibs;
using Motcua.Common.Documents;

namespace Motcua.Plans.WeeklyReports;

/// <summary>
/// Writes the consolidated weekly report as .xlsx (summary per unit, then every task line) and as a
/// Decree 30/2020 report (.docx through <c>Common/Documents</c>) for the chairman to sign. Official
/// documents are Vietnamese whatever the UI language.
/// </summary>
internal static class WeeklyReportRenderer
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The column headings of the summary sheet and table, in order.</summary>
    public static readonly string[] SummaryColumns = ["STT", "Đơn vị", "Hoàn thành", "Đúng tiến độ", "Có nguy cơ chậm", "Quá hạn", "Chưa báo cáo", "Tổng số nhiệm vụ"];

    public static string FileName(WeeklyReport report, string extension) => $"bao-cao-tuan-{report.IssuingUnit}-{report.Week}.{extension}";

    public static string StatusName(WeeklyTaskStatus status) => status switch
    {
        WeeklyTaskStatus.Done => "Hoàn thành",
        WeeklyTaskStatus.OnTrack => "Đúng tiến độ",
        WeeklyTaskStatus.AtRisk => "Có nguy cơ chậm",
        WeeklyTaskStatus.Overdue => "Quá hạn",
        WeeklyTaskStatus.NotReported => "Chưa báo cáo",
        _ => status.ToString(),
    };

    public static byte[] Xlsx(WeeklyReport report)
    {
        var summary = report.Units.Select((u, n) => SummaryRow((n + 1).ToString(CultureInfo.InvariantCulture), u.UnitName, u.Done, u.OnTrack, u.AtRisk, u.Overdue, u.NotReported, u.Tasks.Count)).ToList();
        summary.Add(SummaryRow(null, "Tổng cộng", report.Total(WeeklyTaskStatus.Done), report.Total(WeeklyTaskStatus.OnTrack), report.Total(WeeklyTaskStatus.AtRisk), report.Total(WeeklyTaskStatus.Overdue), report.Total(WeeklyTaskStatus.NotReported), report.Units.Sum(u => u.Tasks.Count)));
        var tasks = report.Units.SelectMany(u => u.Tasks.Select(t => (Unit: u, Task: t))).Select((x, n) => new Dictionary<string, object?>
        {
            ["STT"] = n + 1,
            ["Đơn vị"] = x.Unit.UnitName,
            ["Kế hoạch"] = x.Task.Plan,
            ["Nhiệm vụ"] = x.Task.Task,
            ["Thời hạn"] = x.Task.Due is { } due ? Day(due) : "Thường xuyên",
            ["Tình trạng"] = StatusName(x.Task.Status),
            ["Báo cáo gần nhất"] = x.Task.LastReportedOn is { } on ? Day(on) : null,
            ["Nội dung báo cáo"] = x.Task.LastReport,
        }).ToList();
        if (tasks.Count == 0)
        {
            tasks.Add(new Dictionary<string, object?> { ["STT"] = null, ["Đơn vị"] = null, ["Kế hoạch"] = null, ["Nhiệm vụ"] = "Không có nhiệm vụ", ["Thời hạn"] = null, ["Tình trạng"] = null, ["Báo cáo gần nhất"] = null, ["Nội dung báo cáo"] = null });
        }

        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp"] = summary,
            ["Nhiệm vụ"] = tasks,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static OfficialDocument Document(WeeklyReport report)
    {
        var header = new DocumentHeader(
            report.IsProvince || report.ProvinceName is null ? null : $"UBND {DocumentText.Upper(report.ProvinceName)}",
            $"UBND {DocumentText.Upper(report.IssuingUnitName)}",
            "……/BC-UBND",
            Place(report.ProvinceName ?? report.IssuingUnitName),
            report.IssuedOn);
        var body = new List<DocumentBlock>
        {
            new Paragraph($"{report.IssuingUnitName} báo cáo tiến độ thực hiện các nhiệm vụ cải cách hành chính tuần từ ngày {Day(report.WeekStart)} đến ngày {Day(report.WeekEnd)} (số liệu đến ngày {Day(report.ReportDay)}) như sau:"),
            new Heading("I. TỔNG HỢP THEO ĐƠN VỊ"),
            new Table(
                SummaryColumns,
                [
                    .. report.Units.Select((u, n) => (IReadOnlyList<string>)[N(n + 1), u.UnitName, N(u.Done), N(u.OnTrack), N(u.AtRisk), N(u.Overdue), N(u.NotReported), N(u.Tasks.Count)]),
                    ["", "Tổng cộng", N(report.Total(WeeklyTaskStatus.Done)), N(report.Total(WeeklyTaskStatus.OnTrack)), N(report.Total(WeeklyTaskStatus.AtRisk)), N(report.Total(WeeklyTaskStatus.Overdue)), N(report.Total(WeeklyTaskStatus.NotReported)), N(report.Units.Sum(u => u.Tasks.Count))],
                ],
                [0.5, 3.4, 1, 1, 1, 1, 1, 1]),
            new Paragraph(Conclusion(report), ParagraphAlignment.Justify, true),
            new Heading("II. NHIỆM VỤ QUÁ HẠN, CÓ NGUY CƠ CHẬM VÀ CHƯA BÁO CÁO"),
        };
        var attention = report.Units.SelectMany(u => u.Tasks.Where(t => t.Status is WeeklyTaskStatus.Overdue or WeeklyTaskStatus.AtRisk or WeeklyTaskStatus.NotReported).Select(t => (Unit: u, Task: t))).ToList();
        if (attention.Count == 0)
        {
            body.Add(new Paragraph("Không có nhiệm vụ quá hạn, có nguy cơ chậm hoặc chưa báo cáo.", ParagraphAlignment.Left, true));
        }
        else
        {
            body.Add(new Table(
                ["STT", "Đơn vị", "Nhiệm vụ", "Thời hạn", "Tình trạng"],
                [.. attention.Select((x, n) => (IReadOnlyList<string>)[N(n + 1), x.Unit.UnitName, x.Task.Task, x.Task.Due is { } due ? Day(due) : "Thường xuyên", StatusName(x.Task.Status)])],
                [0.5, 2.2, 4, 1.2, 1.4]));
        }

        body.Add(new Heading("III. ĐỀ XUẤT, KIẾN NGHỊ"));
        body.Add(new Paragraph("Đề nghị Thủ trưởng các cơ quan, đơn vị có nhiệm vụ quá hạn, chưa báo cáo khẩn trương thực hiện và báo cáo kết quả về Ủy ban nhân dân trước thứ 6 tuần sau."));
        return new OfficialDocument(
            header,
            "BÁO CÁO",
            $"Tiến độ thực hiện nhiệm vụ cải cách hành chính tuần {report.Week[(report.Week.IndexOf('W', StringComparison.Ordinal) + 1)..]} năm {report.WeekStart.AddDays(3).Year.ToString(CultureInfo.InvariantCulture)}",
            body,
            new DocumentSignature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", null),
            ["Chủ tịch, các Phó Chủ tịch UBND;", "Các cơ quan, đơn vị có tên trên;", "Lưu: VT."],
            null);
    }

    /// <summary>One sentence with the totals, naming the units with overdue or unreported tasks.</summary>
    public static string Conclusion(WeeklyReport report)
    {
        var total = report.Units.Sum(u => u.Tasks.Count);
        var late = report.Units.Where(u => u.Overdue > 0 || u.NotReported > 0).Select(u => $"{u.UnitName} ({u.Overdue} quá hạn, {u.NotReported} chưa báo cáo)").ToList();
        var text = $"Tổng số {N(total)} nhiệm vụ: hoàn thành {N(report.Total(WeeklyTaskStatus.Done))}; đúng tiến độ {N(report.Total(WeeklyTaskStatus.OnTrack))}; có nguy cơ chậm {N(report.Total(WeeklyTaskStatus.AtRisk))}; quá hạn {N(report.Total(WeeklyTaskStatus.Overdue))}; chưa báo cáo {N(report.Total(WeeklyTaskStatus.NotReported))}.";
        return late.Count == 0 ? text : text + " Các cơ quan, đơn vị có nhiệm vụ quá hạn hoặc chưa báo cáo: " + string.Join("; ", late) + ".";
    }

    private static Dictionary<string, object?> SummaryRow(string? number, string unit, int done, int onTrack, int atRisk, int overdue, int notReported, int total) => new()
    {
        [SummaryColumns[0]] = number,
        [SummaryColumns[1]] = unit,
        [SummaryColumns[2]] = done,
        [SummaryColumns[3]] = onTrack,
        [SummaryColumns[4]] = atRisk,
        [SummaryColumns[5]] = overdue,
        [SummaryColumns[6]] = notReported,
        [SummaryColumns[7]] = total,
    };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Place(string name) =>
        name.Replace("Thành phố ", string.Empty, StringComparison.Ordinal).Replace("Tỉnh ", string.Empty, StringComparison.Ordinal)
            .Replace("Huyện ", string.Empty, StringComparison.Ordinal).Replace("Xã ", string.Empty, StringComparison.Ordinal).Replace("Phường ", string.Empty, StringComparison.Ordinal);
}
