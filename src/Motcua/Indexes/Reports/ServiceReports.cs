using System.Globalization;
using MiniExcelLibs;
using Motcua.Common;
using Motcua.Common.Documents;
using Motcua.Indexes.Closing;
using Motcua.Indexes.IndicatorSets;
using Motcua.Indexes.ServiceIndex;
using Motcua.Organisation.Contracts;

namespace Motcua.Indexes.Reports;

/// <summary>A unit under the reported one, ranked by its total points (equal totals share a rank).</summary>
internal sealed record RankedUnit(int Rank, string Unit, string UnitName, decimal Total, decimal MaxTotal, string? Band, bool Closed);

/// <summary>Everything a service-quality report prints.</summary>
internal sealed record ServiceReport(
    ServiceIndexResult Result, ReportPeriod Period, IReadOnlyList<RankedUnit> Ranking, string? ProvinceName, bool IsProvince, DateOnly IssuedOn);

/// <summary>
/// The monthly and quarterly service-quality reports of a unit: the published figures when the period is
/// closed (live ones otherwise, marked as provisional), the targets and variance, the points by group and
/// the ranking of the units directly under it. Written as .xlsx (for working with the numbers) and as a
/// Decree 30/2020 report (.docx) to be numbered, signed and sent.
/// </summary>
internal sealed class ServiceReports(PeriodClosing closing, IUnitDirectory units, TimeProvider time)
{
    public async Task<ServiceReport> BuildAsync(string unitCode, ReportPeriod period, string? set, CancellationToken cancellationToken = default)
    {
        var result = await closing.ResultAsync(unitCode, period.From, period.To, set, cancellationToken);
        var unit = await units.FindByCodeAsync(result.Unit, cancellationToken) ?? throw new NotFoundException();
        var children = (await units.ListAsync(cancellationToken))
            .Where(u => u.ParentId == unit.Id && u.ValidFrom <= period.To && (u.ValidTo is null || u.ValidTo >= period.From))
            .ToList();
        var scores = new List<(string Code, string Name, decimal Total, decimal MaxTotal, string? Band, bool Closed)>();
        foreach (var child in children)
        {
            var figures = await closing.ResultAsync(child.Code, period.From, period.To, set, cancellationToken);
            scores.Add((child.Code, child.Name, figures.Total, figures.MaxTotal, figures.Band, figures.Closed));
        }

        var ancestors = await units.GetAncestorsAsync(unit.Id, cancellationToken);
        var province = ancestors.Count > 0 ? await units.FindAsync(ancestors[^1], cancellationToken) : null;
        return new ServiceReport(result, period, Rank(scores), province?.Name, unit.Kind == UnitKind.Province, VietnamTime.Today(time));
    }

    /// <summary>Highest total first; equal totals share a rank and the next rank skips (1, 1, 3), names break ties in the listing.</summary>
    public static IReadOnlyList<RankedUnit> Rank(IEnumerable<(string Code, string Name, decimal Total, decimal MaxTotal, string? Band, bool Closed)> scores)
    {
        var ordered = scores.OrderByDescending(s => s.Total).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var ranked = new List<RankedUnit>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            var rank = i > 0 && ordered[i - 1].Total == s.Total ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedUnit(rank, s.Code, s.Name, s.Total, s.MaxTotal, s.Band, s.Closed));
        }

        return ranked;
    }

    public static string FileName(ServiceReport report, string extension) =>
        $"bao-cao-chat-luong-phuc-vu-{report.Result.Unit}-{report.Period.Code}.{extension}";

    /// <summary>The workbook: summary, indicators, points by group, ranking and (for a closed period) adjustments, one sheet each.</summary>
    public static byte[] Xlsx(ServiceReport report)
    {
        var r = report.Result;
        var summary = new List<Dictionary<string, object?>>
        {
            Line("Đơn vị", $"{r.UnitName} ({r.Unit})"),
            Line("Kỳ báo cáo", Capitalise(report.Period.Label)),
            Line("Từ ngày", Day(r.From)),
            Line("Đến ngày", Day(r.To)),
            Line("Bộ chỉ số", $"{r.IndicatorSet} (hiệu lực từ {Day(r.IndicatorSetEffectiveFrom)})"),
            Line("Tổng điểm", r.Total),
            Line("Điểm tối đa", r.MaxTotal),
            Line("Xếp loại", r.Band ?? string.Empty),
            Line("Trạng thái số liệu", Status(r)),
        };
        if (r.Closed)
        {
            summary.Add(Line("Số điều chỉnh sau khi khóa", r.Adjustments?.Count ?? 0));
            summary.Add(Line("Tổng điểm tính lại hiện nay", r.Live?.Total ?? r.Total));
        }

        summary.Add(Line("Ngày lập", Day(report.IssuedOn)));

        var indicators = r.Indicators.Select((i, n) => new Dictionary<string, object?>
        {
            ["STT"] = n + 1,
            ["Mã chỉ số"] = i.Code,
            ["Tên chỉ số"] = IndicatorCatalogue.VietnameseName(i.Code),
            ["Nhóm"] = GroupName(r, i.Group),
            ["Nguồn"] = Source(i.Source),
            ["Đơn vị tính"] = IndicatorCatalogue.IsCount(i.Code) ? "hồ sơ" : "%",
            ["Tử số"] = i.Numerator,
            ["Mẫu số"] = i.Denominator,
            ["Kết quả"] = Number(i.Code, i.Value),
            ["Chỉ tiêu"] = Number(i.Code, i.Target),
            ["Chênh lệch"] = Number(i.Code, i.Variance),
            ["Đánh giá"] = Achievement(i),
            ["Điểm"] = i.Points,
            ["Điểm tối đa"] = i.MaxPoints,
        }).ToList();

        var groups = r.Groups.Select((g, n) => new Dictionary<string, object?>
        {
            ["STT"] = n + 1,
            ["Mã nhóm"] = g.Code,
            ["Nhóm chỉ số"] = g.Name,
            ["Điểm"] = g.Points,
            ["Điểm tối đa"] = g.MaxPoints,
            ["Tỷ lệ đạt (%)"] = g.MaxPoints > 0 ? Math.Round(g.Points * 100 / g.MaxPoints, 2) : null,
        }).ToList();
        groups.Add(new Dictionary<string, object?> { ["STT"] = null, ["Mã nhóm"] = null, ["Nhóm chỉ số"] = "Tổng cộng", ["Điểm"] = r.Total, ["Điểm tối đa"] = r.MaxTotal, ["Tỷ lệ đạt (%)"] = r.MaxTotal > 0 ? Math.Round(r.Total * 100 / r.MaxTotal, 2) : null });

        var ranking = report.Ranking.Select(u => new Dictionary<string, object?>
        {
            ["Hạng"] = u.Rank,
            ["Mã đơn vị"] = u.Unit,
            ["Đơn vị"] = u.UnitName,
            ["Tổng điểm"] = u.Total,
            ["Điểm tối đa"] = u.MaxTotal,
            ["Xếp loại"] = u.Band,
            ["Số liệu"] = u.Closed ? "Đã khóa" : "Tạm tính",
        }).ToList();
        if (ranking.Count == 0)
        {
            ranking.Add(new Dictionary<string, object?> { ["Hạng"] = null, ["Mã đơn vị"] = null, ["Đơn vị"] = "Không có đơn vị trực thuộc", ["Tổng điểm"] = null, ["Điểm tối đa"] = null, ["Xếp loại"] = null, ["Số liệu"] = null });
        }

        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp"] = summary,
            ["Chỉ số"] = indicators,
            ["Điểm theo nhóm"] = groups,
            ["Xếp hạng đơn vị"] = ranking,
        };
        if (r.Closed)
        {
            var adjustments = (r.Adjustments ?? []).Select(a => new Dictionary<string, object?>
            {
                ["Thời điểm"] = a.At.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
                ["Người thực hiện"] = a.Actor,
                ["Lý do"] = Reason(a.Reason),
                ["Hồ sơ / chỉ số"] = a.DossierCode ?? a.Indicator,
                ["Chỉ số bị ảnh hưởng"] = a.DossierCode is null ? IndicatorCatalogue.VietnameseName(a.Indicator ?? string.Empty) : string.Join(", ", a.Shifts.Select(s => s.Indicator)),
            }).ToList();
            if (adjustments.Count == 0)
            {
                adjustments.Add(new Dictionary<string, object?> { ["Thời điểm"] = null, ["Người thực hiện"] = null, ["Lý do"] = "Không có điều chỉnh", ["Hồ sơ / chỉ số"] = null, ["Chỉ số bị ảnh hưởng"] = null });
            }

            sheets["Điều chỉnh sau khóa"] = adjustments;
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The report as an administrative document (Decree 30/2020, Appendix I): to be numbered, signed and sent upwards.</summary>
    public static OfficialDocument Document(ServiceReport report)
    {
        var r = report.Result;
        var period = report.Period;
        var header = new DocumentHeader(
            report.IsProvince || report.ProvinceName is null ? null : $"UBND {DocumentText.Upper(report.ProvinceName)}",
            $"UBND {DocumentText.Upper(r.UnitName)}",
            "……/BC-UBND",
            Place(report.ProvinceName ?? r.UnitName),
            report.IssuedOn);
        var body = new List<DocumentBlock>
        {
            new Paragraph($"Thực hiện Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử, {r.UnitName} báo cáo kết quả {period.Label} (từ ngày {Day(r.From)} đến ngày {Day(r.To)}) như sau:"),
            new Paragraph(Status(r), ParagraphAlignment.Justify, true),
            new Heading("I. KẾT QUẢ THEO NHÓM CHỈ SỐ"),
            new Table(
                ["STT", "Nhóm chỉ số", "Điểm đạt", "Điểm tối đa"],
                [
                    .. r.Groups.Select((g, n) => (IReadOnlyList<string>)[(n + 1).ToString(CultureInfo.InvariantCulture), g.Name, Points(g.Points), Points(g.MaxPoints)]),
                    ["", "Tổng cộng", Points(r.Total), Points(r.MaxTotal)],
                ],
                [0.6, 5, 1.4, 1.4]),
            new Paragraph($"Tổng điểm: {Points(r.Total)}/{Points(r.MaxTotal)} điểm; xếp loại: {r.Band ?? "chưa xếp loại"} (bộ chỉ số {r.IndicatorSet}, hiệu lực từ ngày {Day(r.IndicatorSetEffectiveFrom)}).", ParagraphAlignment.Left, false),
            new Heading("II. KẾT QUẢ CÁC CHỈ SỐ"),
            new Table(
                ["STT", "Chỉ số", "Tử số", "Mẫu số", "Kết quả", "Chỉ tiêu", "Chênh lệch", "Điểm"],
                [.. r.Indicators.Select((i, n) => (IReadOnlyList<string>)[
                    (n + 1).ToString(CultureInfo.InvariantCulture),
                    IndicatorCatalogue.VietnameseName(i.Code),
                    i.Numerator?.ToString("N0", Vietnamese) ?? "",
                    i.Denominator?.ToString("N0", Vietnamese) ?? "",
                    Shown(i.Code, i.Value),
                    Shown(i.Code, i.Target),
                    Shown(i.Code, i.Variance, signed: true),
                    i.Points is { } p ? $"{Points(p)}/{Points(i.MaxPoints ?? 0)}" : "",
                ])],
                [0.5, 4.2, 1, 1, 1.1, 1.1, 1.1, 1.1]),
            new Heading("III. XẾP HẠNG CÁC ĐƠN VỊ TRỰC THUỘC"),
        };
        if (report.Ranking.Count == 0)
        {
            body.Add(new Paragraph("Không có đơn vị trực thuộc trong kỳ báo cáo.", ParagraphAlignment.Left, true));
        }
        else
        {
            body.Add(new Table(
                ["Hạng", "Đơn vị", "Tổng điểm", "Xếp loại", "Số liệu"],
                [.. report.Ranking.Select(u => (IReadOnlyList<string>)[u.Rank.ToString(CultureInfo.InvariantCulture), u.UnitName, Points(u.Total), u.Band ?? "", u.Closed ? "Đã khóa" : "Tạm tính"])],
                [0.8, 4, 1.4, 1.4, 1.4]));
        }

        if (r.Closed)
        {
            var adjustments = r.Adjustments ?? [];
            body.Add(new Heading("IV. ĐIỀU CHỈNH SAU KHI KHÓA SỐ LIỆU"));
            body.Add(new Paragraph(adjustments.Count == 0
                ? "Không có điều chỉnh nào sau khi khóa số liệu."
                : $"Sau khi khóa số liệu có {adjustments.Count} điều chỉnh; số liệu đã công bố ở trên không thay đổi. Nếu tính lại, tổng điểm là {Points(r.Live?.Total ?? r.Total)} điểm.", ParagraphAlignment.Justify, true));
            if (adjustments.Count > 0)
            {
                body.Add(new Table(
                    ["STT", "Thời điểm", "Người thực hiện", "Hồ sơ / chỉ số", "Lý do"],
                    [.. adjustments.Select((a, n) => (IReadOnlyList<string>)[(n + 1).ToString(CultureInfo.InvariantCulture), a.At.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), a.Actor, a.DossierCode ?? IndicatorCatalogue.VietnameseName(a.Indicator ?? ""), Reason(a.Reason)])],
                    [0.6, 1.8, 1.8, 2.6, 2.4]));
            }
        }

        return new OfficialDocument(
            header,
            "BÁO CÁO",
            $"Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp {period.Label}",
            body,
            new DocumentSignature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", null),
            report.IsProvince ? ["Văn phòng Chính phủ;", "Lưu: VT."] : [$"UBND {report.ProvinceName ?? "cấp trên"} (để báo cáo);", "Lưu: VT."],
            null);
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static Dictionary<string, object?> Line(string label, object? value) => new() { ["Nội dung"] = label, ["Giá trị"] = value };

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Vietnamese) + text[1..];

    private static string Place(string name) =>
        name.Replace("Thành phố ", string.Empty, StringComparison.Ordinal).Replace("Tỉnh ", string.Empty, StringComparison.Ordinal);

    private static string Points(decimal points) => points.ToString("0.##", Vietnamese);

    private static string Status(ServiceIndexResult r) => r.Closed
        ? $"Số liệu đã khóa ngày {r.ClosedAt?.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} bởi {r.ClosedBy}; các thay đổi sau đó được liệt kê là điều chỉnh, không làm thay đổi số liệu đã công bố."
        : "Số liệu tạm tính: kỳ báo cáo chưa khóa, số liệu còn có thể thay đổi.";

    private static string GroupName(ServiceIndexResult r, string? group) => group is null ? "" : r.Groups.FirstOrDefault(g => g.Code == group)?.Name ?? group;

    private static string Source(string source) => source switch
    {
        "dossiers" => "Hồ sơ trên hệ thống",
        "manual" => "Nhập thủ công (có minh chứng)",
        "derived" => "Tính từ các chỉ số khác",
        _ => source,
    };

    /// <summary>Ratios as percentages with two decimals; counts as they are.</summary>
    private static double? Number(string code, double? value) =>
        value is not { } v ? null : IndicatorCatalogue.IsCount(code) ? v : Math.Round(v * 100, 2);

    private static string Shown(string code, double? value, bool signed = false)
    {
        if (Number(code, value) is not { } v)
        {
            return "";
        }

        var text = v.ToString(IndicatorCatalogue.IsCount(code) ? "N0" : "0.##", Vietnamese) + (IndicatorCatalogue.IsCount(code) ? "" : "%");
        return signed && v > 0 ? "+" + text : text;
    }

    private static string Achievement(IndicatorResult i) =>
        i.Variance is not { } variance ? "" : (i.LowerIsBetter ? variance <= 0 : variance >= 0) ? "Đạt" : "Không đạt";

    private static string Reason(string? reason) => reason switch
    {
        null => "",
        Contracts.IndexChange.Import => "Nhập dữ liệu hồ sơ từ hệ thống khác",
        Contracts.IndexChange.PortalSync => "Đồng bộ lên Cổng Dịch vụ công quốc gia",
        Contracts.IndexChange.ManualValue => "Nhập, sửa số liệu thủ công",
        _ when reason.StartsWith("action:", StringComparison.Ordinal) => "Xử lý hồ sơ: " + reason["action:".Length..],
        _ => reason,
    };
}
