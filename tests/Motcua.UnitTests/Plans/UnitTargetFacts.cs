using Motcua.Plans.UnitTargets;

namespace Motcua.UnitTests.Plans;

public sealed class UnitTargetFacts
{
    private static readonly ReformIndicator Signing = ReformIndicators.Find("digitalSigningRate")!;

    [Theory]
    [InlineData("digitalSigningRate", "92%", 0.92)]
    [InlineData("digitalSigningRate", "0,92", 0.92)]
    [InlineData("digitalSigningRate", "92", 0.92)]
    [InlineData("digitalSigningRate", "101%", null)]
    [InlineData("digitalSigningRate", "abc", null)]
    [InlineData("staffTrained", "15", 15d)]
    [InlineData("staffTrained", "1.5", null)]
    [InlineData("lanDiagram", "có", 1d)]
    [InlineData("lanDiagram", "Chưa", 0d)]
    [InlineData("lanDiagram", "maybe", null)]
    public void Figures_are_read_by_kind(string code, string text, double? expected)
    {
        var value = ReformIndicators.Find(code)!.Parse(text);

        if (expected is null)
        {
            Assert.Null(value);
        }
        else
        {
            Assert.Equal(expected.Value, value!.Value, 6);
        }
    }

    [Theory]
    [InlineData("2023", "2023-01-01", "2023-12-31", "năm 2023")]
    [InlineData("2023-Q4", "2023-10-01", "2023-12-31", "quý IV năm 2023")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "tháng 2/2024")]
    public void Periods(string text, string from, string to, string label)
    {
        Assert.True(TargetPeriod.TryParse(text, out var period));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
        Assert.Equal(label, period.VietnameseLabel);
        Assert.Equal(text, period.Code);
    }

    [Theory]
    [InlineData("2023-Q5")]
    [InlineData("2023-13")]
    [InlineData("23")]
    [InlineData("")]
    public void Bad_periods(string text) => Assert.False(TargetPeriod.TryParse(text, out _));

    [Fact]
    public void The_units_below_target_worst_first_in_the_wording_of_seed_001()
    {
        UnitStanding[] standings =
        [
            new("P1", "Phòng Giáo dục và Đào tạo huyện", 1, 0.98),
            new("P2", "Phòng Nội vụ huyện", 1, 1),
            new("P3", "Phòng Tài chính và Kế hoạch huyện", 1, 0.92),
            new("X1", "UBND xã Phước Hiệp", 1, 0.80),
            new("X2", "UBND xã Phước Nghĩa", 1, null),
        ];

        var below = BelowTarget.List(standings);

        Assert.Equal(["X2", "X1", "P3", "P1"], below.Select(b => b.Unit));
        Assert.Equal(
            "Các cơ quan, đơn vị chưa đạt chỉ tiêu tỷ lệ văn bản đi được ký số (100%) năm 2023: UBND xã Phước Nghĩa (chưa có số liệu); UBND xã Phước Hiệp (80%); Phòng Tài chính và Kế hoạch huyện (92%); Phòng Giáo dục và Đào tạo huyện (98%).",
            BelowTarget.Sentence(Signing, new TargetPeriod(PeriodKind.Year, 2023, 0), below));
    }

    [Fact]
    public void All_met_is_said_plainly()
    {
        Assert.Equal(
            "Tất cả các cơ quan, đơn vị đã đạt chỉ tiêu tỷ lệ văn bản đi được ký số quý IV năm 2023.",
            BelowTarget.Sentence(Signing, new TargetPeriod(PeriodKind.Quarter, 2023, 4), []));
    }

    [Fact]
    public void Every_indicator_has_a_known_source()
    {
        Assert.All(ReformIndicators.All, i => Assert.True(i.IsManual || i.IndexIndicator is not null, i.Code));
        Assert.Equal(ReformIndicators.All.Count, ReformIndicators.All.Select(i => i.Code).Distinct().Count());
    }
}
