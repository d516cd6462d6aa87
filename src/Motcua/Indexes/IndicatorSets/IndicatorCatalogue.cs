using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Motcua.Indexes.Counting;
using Motcua.Indexes.Data;

namespace Motcua.Indexes.IndicatorSets;

/// <summary>
/// The indicators Motcua knows: those computed from dossiers and every item of every stored set version
/// (so a province's own manual indicators can be given targets and figures), with their Vietnamese names
/// for official reports.
/// </summary>
internal static class IndicatorCatalogue
{
    /// <summary>Every indicator code, and those entered by hand (manual items of any set).</summary>
    public static async Task<(IReadOnlySet<string> All, IReadOnlySet<string> Manual)> KnownAsync(IndexesDbContext db, CancellationToken cancellationToken)
    {
        var definitions = await db.IndicatorSets.AsNoTracking().Select(s => s.Definition).ToListAsync(cancellationToken);
        var items = definitions.Select(IndicatorSetDefinition.FromJson).Append(IndicatorSetDefinition.Decision766)
            .SelectMany(s => s.Groups).SelectMany(g => g.Items).ToList();
        var manual = items.Where(i => i.Source == IndicatorSource.Manual).Select(i => i.Indicator).ToHashSet(StringComparer.Ordinal);
        var all = IndicatorFormulas.Codes.Concat(items.Select(i => i.Indicator)).ToHashSet(StringComparer.Ordinal);
        return (all, manual);
    }

    /// <summary>Counts (dossiers received, overdue…) take whole numbers; every other indicator is a share from 0 to 1.</summary>
    public static bool IsCount(string code) => RawIndicators.IsCount(code);

    /// <summary>"0.95", "0,95" (Vietnamese decimal comma) or "95%".</summary>
    public static bool TryParseValue(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim().Replace(',', '.');
        var percent = trimmed.EndsWith('%');
        if (percent)
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return false;
        }

        value = percent ? value / 100 : value;
        return true;
    }

    /// <summary>Official names, as the reports print them (reports are Vietnamese documents whatever the UI language).</summary>
    public static readonly IReadOnlyDictionary<string, string> VietnameseNames = new Dictionary<string, string>
    {
        ["received"] = "Số hồ sơ tiếp nhận",
        ["completed"] = "Số hồ sơ đã giải quyết",
        ["returned"] = "Số hồ sơ đã trả kết quả",
        ["active"] = "Số hồ sơ phải giải quyết trong kỳ",
        ["onTimeRate"] = "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn",
        ["lateRate"] = "Tỷ lệ hồ sơ giải quyết quá hạn",
        ["completedOnTimeRate"] = "Tỷ lệ hồ sơ đã giải quyết đúng hạn",
        ["overdueInProgress"] = "Số hồ sơ đang giải quyết quá hạn",
        ["apologyRate"] = "Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi",
        ["onlineRate"] = "Tỷ lệ hồ sơ trực tuyến",
        ["fullOnlineRate"] = "Tỷ lệ hồ sơ trực tuyến toàn trình",
        ["postalIntakeRate"] = "Tỷ lệ hồ sơ tiếp nhận qua bưu chính công ích",
        ["postalReturnRate"] = "Tỷ lệ kết quả trả qua bưu chính công ích",
        ["onlinePaymentRate"] = "Tỷ lệ hồ sơ thanh toán trực tuyến",
        ["componentDigitisationRate"] = "Tỷ lệ hồ sơ số hóa thành phần",
        ["reuseRate"] = "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa",
        ["resultDigitisationRate"] = "Tỷ lệ số hóa kết quả giải quyết",
        ["electronicResultRate"] = "Tỷ lệ cấp kết quả điện tử",
        ["satisfactionRate"] = "Tỷ lệ hài lòng",
        ["dissatisfactionRate"] = "Tỷ lệ không hài lòng",
        ["harassmentComplaintRate"] = "Tỷ lệ phản ánh nhũng nhiễu",
        ["nationalPortalSyncRate"] = "Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia",
        ["serviceSatisfactionIndex"] = "Mức độ hài lòng trong tiếp nhận, giải quyết hồ sơ",
        ["proceduresPublishedOnTime"] = "Tỷ lệ TTHC được công bố, công khai đúng hạn",
        ["proceduresUpdatedOnTime"] = "Tỷ lệ TTHC được cập nhật, công khai đúng hạn trên Cơ sở dữ liệu quốc gia",
        ["proceduresPublishedComplete"] = "Tỷ lệ TTHC công khai đầy đủ các bộ phận",
        ["proceduresOfferedOnline"] = "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến",
        ["onlineServicesWithDossiers"] = "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ",
        ["proceduresWithOnlinePayment"] = "Tỷ lệ TTHC có giao dịch thanh toán trực tuyến",
        ["proceduresWithFeeDossiersPaidOnline"] = "Tỷ lệ TTHC có phí, lệ phí phát sinh thanh toán trực tuyến",
        ["eCertifiedCopyRate"] = "Tỷ lệ chứng thực bản sao điện tử từ bản chính",
        ["citizenDataStoreRate"] = "Tỷ lệ kết nối kho quản lý dữ liệu điện tử của tổ chức, cá nhân",
        ["populationDataRate"] = "Tỷ lệ khai thác dữ liệu dân cư",
        ["feedbackHandledOnTimeRate"] = "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn",
        ["feedbackSatisfactionRate"] = "Mức độ hài lòng về xử lý phản ánh, kiến nghị",
    };

    /// <summary>The Vietnamese name, or the code for a province's own indicator without one.</summary>
    public static string VietnameseName(string code) => VietnameseNames.GetValueOrDefault(code) ?? code;
}
