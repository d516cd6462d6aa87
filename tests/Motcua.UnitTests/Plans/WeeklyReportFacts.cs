using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using Motcua.Common.Documents;
using Motcua.Plans;
using Motcua.Plans.WeeklyReports;

namespace Motcua.UnitTests.Plans;

public sealed class WeeklyReportFacts
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Friday = new(2026, 11, 27);

    [Theory]
    [InlineData("Done", null, "Done")]
    [InlineData("Overdue", "2026-11-25", "Overdue")]
    [InlineData("InProgress", null, "NotReported")]
    [InlineData("AtRisk", "2026-11-20", "NotReported")]
    [InlineData("InProgress", "2026-11-23", "OnTrack")]
    [InlineData("NotStarted", "2026-11-27", "OnTrack")]
    [InlineData("AtRisk", "2026-11-26", "AtRisk")]
    [InlineData("InProgress", "2026-11-28", "NotReported")]
    public void A_task_status_in_the_week(string status, string? reported, string expected)
    {
        var weekly = WeeklyStatusRule.Classify(Enum.Parse<PlanTaskStatus>(status), Date(reported), Monday, Friday);

        Assert.Equal(expected, weekly.ToString());
    }

    [Fact]
    public void The_workbook_has_the_counts_per_unit_and_the_totals()
    {
        var bytes = WeeklyReportRenderer.Xlsx(Sample());
        using var stream = new MemoryStream(bytes);

        var rows = stream.Query(useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal("Phòng Nội vụ", rows[0]["Đơn vị"]);
        Assert.Equal(1d, Convert.ToDouble(rows[0]["Hoàn thành"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1d, Convert.ToDouble(rows[0]["Quá hạn"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2d, Convert.ToDouble(rows[1]["Chưa báo cáo"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Tổng cộng", rows[2]["Đơn vị"]);
        Assert.Equal(5d, Convert.ToDouble(rows[2]["Tổng số nhiệm vụ"], System.Globalization.CultureInfo.InvariantCulture));
        stream.Position = 0;
        var tasks = stream.Query(useHeaderRow: true, sheetName: "Nhiệm vụ").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(5, tasks.Count);
        Assert.Contains(tasks, t => (string?)t["Tình trạng"] == "Quá hạn" && (string?)t["Thời hạn"] == "26/11/2026");
    }

    [Fact]
    public void The_document_is_a_decree_30_report_with_the_figures()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(WeeklyReportRenderer.Document(Sample()))), false);
        var text = package.MainDocumentPart!.Document!.Body!.InnerText;

        Assert.Contains(DocumentText.NationalName, text);
        Assert.Contains("Số: ……/BC-UBND", text);
        Assert.Contains("Gia Lai, ngày 27 tháng 11 năm 2026", text);
        Assert.Contains("Tiến độ thực hiện nhiệm vụ cải cách hành chính tuần 48 năm 2026", text);
        Assert.Contains("TM. ỦY BAN NHÂN DÂN", text);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("hoàn thành 1; đúng tiến độ 1; có nguy cơ chậm 0; quá hạn 1; chưa báo cáo 2", text);
        Assert.Contains("UBND xã Phước Nghĩa (0 quá hạn, 2 chưa báo cáo)", text);
    }

    private static WeeklyReport Sample() => new(
        "2026-W48", Monday, Friday, "X1", "Xã Phước Hưng", "Tỉnh Gia Lai", false, Friday,
        [
            new("D1", "Phòng Nội vụ",
            [
                new("KH 41", "Rà soát TTHC", WeeklyTaskStatus.Done, new DateOnly(2026, 11, 20), Friday, "Xong"),
                new("KH 41", "Ký số văn bản", WeeklyTaskStatus.Overdue, new DateOnly(2026, 11, 26), null, null),
                new("KH 41", "Tuyên truyền", WeeklyTaskStatus.OnTrack, null, Monday, "Đang làm"),
            ]),
            new("C2", "UBND xã Phước Nghĩa",
            [
                new("KH 41", "Sơ đồ LAN", WeeklyTaskStatus.NotReported, new DateOnly(2026, 12, 31), null, null),
                new("KH 41", "Tập huấn", WeeklyTaskStatus.NotReported, new DateOnly(2026, 12, 31), null, null),
            ]),
        ]);

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
