using Motcua.Common.Documents;
using Motcua.Indexes.Closing;
using Motcua.Indexes.IndicatorSets;
using Motcua.Indexes.Reports;
using Motcua.Indexes.ServiceIndex;
using static Motcua.UnitTests.Indexes.IndicatorFacts;

namespace Motcua.UnitTests.Indexes;

/// <summary>The pure parts of closing: which changes are adjustments, report periods, ranking, the live difference, set checks, the report's content.</summary>
public sealed class ClosingFacts
{
    private static readonly DateOnly March = new(2025, 3, 1);
    private static readonly DateOnly EndOfMarch = new(2025, 3, 31);

    private static string[] Shifted(Motcua.Indexes.Contracts.DossierFact? before, Motcua.Indexes.Contracts.DossierFact? after) =>
        [.. Adjustments.Shifts(before, after, March, EndOfMarch).Select(s => s.Indicator)];

    [Fact]
    public void A_change_that_moves_no_figure_of_the_period_is_not_an_adjustment()
    {
        var fact = Fact("2025-03-03 08:00", "2025-03-06 08:00", "2025-03-05 08:00");

        Assert.Empty(Shifted(fact, fact));
        // Returned in April: March's figures are unchanged (routine progress, not a correction).
        Assert.Empty(Shifted(fact, fact with { ReturnedAt = new DateTime(2025, 4, 2, 9, 0, 0), ReturnChannel = Motcua.Indexes.Contracts.FactChannel.Counter }));
        // A dossier of May never touches March.
        var may = Fact("2025-05-05 08:00", "2025-05-08 08:00");
        Assert.Empty(Shifted(may, may with { CompletedAt = new DateTime(2025, 5, 6, 8, 0, 0) }));
    }

    [Fact]
    public void A_correction_lists_exactly_the_indicators_it_moves()
    {
        var late = Fact("2025-03-03 08:00", "2025-03-06 08:00", "2025-03-10 08:00");
        var corrected = late with { CompletedAt = new DateTime(2025, 3, 5, 8, 0, 0) };

        var shifts = Adjustments.Shifts(late, corrected, March, EndOfMarch);

        Assert.Equal(["onTimeRate", "lateRate", "completedOnTimeRate", "apologyRate"], shifts.Select(s => s.Indicator));
        var onTime = shifts[0];
        Assert.Equal(new Membership(true, false), onTime.Before);
        Assert.Equal(new Membership(true, true), onTime.After);
    }

    [Fact]
    public void A_second_supplement_request_later_makes_a_closed_month_late_and_a_withdrawal_removes_the_dossier()
    {
        // Open at the end of March, due in May: on time in March until a second supplement request (any time) makes it late.
        var open = Fact("2025-03-20 08:00", "2025-05-10 08:00");
        var twice = open with { SupplementRequests = 2, SupplementRequestedAt = new DateTime(2025, 4, 2, 8, 0, 0) };

        Assert.Equal(["onTimeRate", "lateRate"], Shifted(open, twice));
        Assert.Contains("received", Shifted(open, null));
        Assert.Contains("received", Shifted(null, open));
        Assert.Equal(new DateOnly(2025, 3, 20), Adjustments.EarliestDay(open, null));
        Assert.Null(Adjustments.EarliestDay(null, null));
    }

    [Theory]
    [InlineData("2025-03", "2025-03-01", "2025-03-31", "tháng 3 năm 2025")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "tháng 2 năm 2024")]
    [InlineData("2025-Q1", "2025-01-01", "2025-03-31", "quý I năm 2025")]
    [InlineData("2025-q4", "2025-10-01", "2025-12-31", "quý IV năm 2025")]
    public void Report_periods_are_whole_months_or_quarters(string text, string from, string to, string label)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-Q5")]
    [InlineData("25-03")]
    [InlineData("2025-3")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_report_periods_are_refused(string? text) => Assert.False(ReportPeriod.TryParse(text, out _));

    [Fact]
    public void Equal_totals_share_a_rank()
    {
        var ranked = ServiceReports.Rank([("A", "Xã A", 70m, 100m, "Khá", false), ("B", "Xã B", 90m, 100m, "Xuất sắc", true), ("C", "Xã C", 70m, 100m, "Khá", false), ("D", "Xã D", 10m, 100m, "Yếu", false)]);

        Assert.Equal(["B", "A", "C", "D"], ranked.Select(r => r.Unit));
        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
    }

    [Theory]
    [InlineData("0.95", 0.95)]
    [InlineData("0,95", 0.95)]
    [InlineData("95%", 0.95)]
    [InlineData(" 120 ", 120)]
    public void Target_values_are_read_as_people_write_them(string text, double expected)
    {
        Assert.True(IndicatorCatalogue.TryParseValue(text, out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("NaN")]
    public void Other_target_values_are_refused(string text) => Assert.False(IndicatorCatalogue.TryParseValue(text, out _));

    [Fact]
    public void The_decision_766_set_is_valid_and_mistakes_in_a_set_are_named()
    {
        Assert.Empty(IndicatorSetDefinition.Decision766.Problems());

        var groups = IndicatorSetDefinition.Decision766.Groups.ToList();
        groups[1] = groups[1] with { Items = [new IndicatorItem("onTimeRatio", 20)] };
        groups[2] = groups[2] with { MaxPoints = 13 };
        var broken = IndicatorSetDefinition.Decision766 with { Groups = groups };

        var messages = broken.Problems().Select(p => p.Message).ToList();
        Assert.Contains("Indicator {0} is not computed from dossiers: mark it manual or use a known code.", messages);
        Assert.Contains("The points of group {0} do not add up to its maximum.", messages);
    }

    [Fact]
    public void The_live_difference_lists_only_what_moved()
    {
        var published = Result(("onTimeRate", 0.75, 3, 4, 15m), ("received", 4, 4, null, null));
        var live = Result(("onTimeRate", 1.0, 4, 4, 20m), ("received", 4, 4, null, null));

        var comparison = PeriodClosing.Compare(published, live);

        var moved = Assert.Single(comparison.Differences);
        Assert.Equal("onTimeRate", moved.Indicator);
        Assert.Equal(0.75, moved.Published);
        Assert.Equal(1.0, moved.Live);
        Assert.Equal(20m, comparison.Total);
    }

    [Fact]
    public void The_report_follows_decree_30_and_carries_the_figures()
    {
        Assert.True(ReportPeriod.TryParse("2025-Q1", out var period));
        var result = Result(("onTimeRate", 0.75, 3, 4, 15m), ("received", 4, 4, null, null)) with
        {
            Closed = true,
            ClosedBy = "ld.tuyphuoc",
            ClosedAt = new DateTime(2025, 4, 2, 9, 0, 0),
            Adjustments = [new AdjustmentView(Guid.NewGuid(), "K1-250303-0001", null, [], null, null, "cv1", "action:cancel", new DateTime(2025, 4, 3, 10, 0, 0))],
        };
        var report = new ServiceReport(result, period, [new RankedUnit(1, "K1", "Xã Kim Sơn", 15m, 100m, "Yếu", true)], "Tỉnh Gia Lai", IsProvince: false, new DateOnly(2025, 4, 5));

        var document = ServiceReports.Document(report);

        Assert.Equal("UBND TỈNH GIA LAI", document.Header.ParentBody);
        Assert.Equal("UBND XÃ TUY PHƯỚC", document.Header.IssuingBody);
        Assert.Equal("……/BC-UBND", document.Header.NumberAndSymbol);
        Assert.Equal("Gia Lai", document.Header.Place);
        Assert.Equal("BÁO CÁO", document.Title);
        Assert.Contains("quý I năm 2025", document.Subtitle, StringComparison.Ordinal);
        var indicators = document.Body.OfType<Table>().Single(t => t.Columns.Contains("Chỉ tiêu"));
        var onTime = indicators.Rows.Single(r => r[1] == "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn");
        Assert.Equal(["3", "4", "75%", "95%", "-20%", "15/20"], onTime.Skip(2));
        Assert.Contains(document.Body.OfType<Heading>(), h => h.Text.StartsWith("IV.", StringComparison.Ordinal));
        Assert.Equal("CHỦ TỊCH", document.Signature!.Position);
        Assert.Contains("Lưu: VT.", document.Recipients);
        Assert.NotEmpty(DocxRenderer.Render(document));
        Assert.NotEmpty(ServiceReports.Xlsx(report));
    }

    private static ServiceIndexResult Result(params (string Code, double? Value, long? Numerator, long? Denominator, decimal? Points)[] indicators) => new(
        "K1", "Xã Tuy Phước", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31), "766", new DateOnly(2022, 6, 23),
        [.. indicators.Select(i => new IndicatorResult(i.Code, i.Value, i.Numerator, i.Denominator, i.Code == "onTimeRate" ? 0.95 : null, i.Points, i.Points is null ? null : 20m, "dossiers", i.Points is null ? null : "progress", false))],
        [new GroupResult("progress", "Tiến độ, kết quả giải quyết", indicators.Sum(i => i.Points ?? 0), 20m)],
        indicators.Sum(i => i.Points ?? 0),
        100m,
        "Yếu");
}
