using Motcua.Common;
using Motcua.Plans.Deadlines;
using Motcua.Plans.DraftFromText;
using static Motcua.UnitTests.Plans.PlanAssertions;

namespace Motcua.UnitTests.Plans;

public sealed class PlanTextParserFacts
{
    [Theory]
    [InlineData("hoàn thành trước ngày 10/12/2023.", "date 2023-12-10", "hoàn thành trước ngày 10/12/2023")]
    [InlineData("xong trước ngày 10 tháng 12 năm 2023", "date 2023-12-10", "xong trước ngày 10 tháng 12 năm 2023")]
    [InlineData("báo cáo chậm nhất ngày 15/9", "date 2024-09-15", "chậm nhất ngày 15/9")]
    [InlineData("chậm nhất là ngày 05-10-2024", "date 2024-10-05", "chậm nhất là ngày 05-10-2024")]
    [InlineData("hoàn thành trước 10/12/2023", "date 2023-12-10", "hoàn thành trước 10/12/2023")]
    [InlineData("đảm bảo đến ngày 15/11/2023 đạt trên 95%", "date 2023-11-15", "đến ngày 15/11/2023")]
    [InlineData("Hoàn thành trong tháng 6/2024.", "month 2024-06", "Hoàn thành trong tháng 6/2024")]
    [InlineData("trong tháng 6 năm 2024", "month 2024-06", "trong tháng 6 năm 2024")]
    [InlineData("trong tháng 11", "month 2024-11", "trong tháng 11")]
    // A quarter or a year is drafted as its last month: due on the last working day of the period.
    [InlineData("hoàn thành trong quý II/2024", "month 2024-06", "hoàn thành trong quý II/2024")]
    [InlineData("trong quý 3 năm 2024", "month 2024-09", "trong quý 3 năm 2024")]
    [InlineData("xong trong năm 2024", "month 2024-12", "xong trong năm 2024")]
    [InlineData("các chỉ tiêu đề ra trong năm 2024", "none", null)]
    [InlineData("Báo cáo kết quả về UBND huyện vào thứ 6 hàng tuần.", "weekly Friday", "vào thứ 6 hàng tuần")]
    [InlineData("gửi báo cáo thứ Sáu hằng tuần", "weekly Friday", "thứ Sáu hằng tuần")]
    [InlineData("họp giao ban thứ Hai hàng tuần", "weekly Monday", "thứ Hai hàng tuần")]
    [InlineData("tổng hợp, báo cáo hằng tháng", "monthly", "hằng tháng")]
    [InlineData("báo cáo trước ngày 20 hằng tháng", "monthly 20", "trước ngày 20 hằng tháng")]
    [InlineData("định kỳ hàng quý tổ chức kiểm điểm", "quarterly", "định kỳ hàng quý")]
    [InlineData("báo cáo trước ngày 15/12 hằng năm", "yearly 12-15", "trước ngày 15/12 hằng năm")]
    [InlineData("Triển khai sau khi UBND tỉnh ban hành Kế hoạch.", "after UBND tỉnh ban hành Kế hoạch", "sau khi UBND tỉnh ban hành Kế hoạch")]
    [InlineData("trong 5 ngày làm việc sau khi UBND tỉnh ban hành Quyết định", "after UBND tỉnh ban hành Quyết định +5", "trong 5 ngày làm việc sau khi UBND tỉnh ban hành Quyết định")]
    [InlineData("Thường xuyên.", "continuous", "Thường xuyên")]
    // The adverb "Thường xuyên" loses to a specific time in the same item.
    [InlineData("Thường xuyên theo dõi; báo cáo vào thứ 6 hàng tuần.", "weekly Friday", "vào thứ 6 hàng tuần")]
    // Dates of referenced documents are not deadlines.
    [InlineData("theo Công văn số 70/UBND-VP ngày 19/01/2023 của UBND huyện", "none", null)]
    [InlineData("trước ngày 31/02/2024", "none", null)]
    public void Deadline_phrases(string text, string expected, string? words)
    {
        var deadline = DeadlinePhrases.Find(text, 2024);

        Assert.Equal(expected, Describe(deadline));
        Assert.Equal(words, deadline?.Text);
    }

    [Theory]
    [InlineData("Hoàn thành trong tháng 6/2024", "month 2024-06")]
    [InlineData("Tháng 6/2024", "month 2024-06")]
    [InlineData("Quý III/2024", "month 2024-09")]
    [InlineData("Năm 2024", "month 2024-12")]
    [InlineData("Thường xuyên", "continuous")]
    [InlineData("Theo chỉ đạo của UBND tỉnh", "none")]
    public void A_time_label_keeps_its_whole_value_as_the_words(string value, string expected)
    {
        var deadline = DeadlinePhrases.FromLabelValue(value, 2024);

        Assert.Equal(expected, Describe(deadline));
        Assert.Equal(expected == "none" ? null : value, deadline?.Text);
    }

    [Fact]
    public void A_date_without_a_year_needs_the_plan_year() =>
        Assert.Null(DeadlinePhrases.Find("chậm nhất ngày 15/9", null));

    private const string Directive = """
        ỦY BAN NHÂN DÂN
        HUYỆN AN NHƠN
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Số: 12/KH-UBND
        An Nhơn, ngày 10 tháng 12 năm 2023
        KẾ HOẠCH
        Cải cách hành chính năm 2024
        I. MỤC ĐÍCH, YÊU CẦU
        Nâng cao Chỉ số hài lòng của người dân.
        II. NHIỆM VỤ TRỌNG TÂM
        1. Rà soát thủ tục hành chính; giao Phòng Tư pháp chủ trì, phối hợp với Văn phòng HĐND và UBND huyện thực hiện, hoàn thành chậm nhất ngày 15/9.
        2. Phòng Nội vụ: báo cáo kết quả thứ Sáu hằng tuần.
        3. Tuyên truyền cải cách hành chính:
        Đơn vị chủ trì: Phòng Văn hóa và Thông tin.
        Đơn vị phối hợp: các xã, thị trấn.
        Thời gian thực hiện: Thường xuyên.
        4. Triển khai Đề án sau khi UBND tỉnh ban hành.
        III. TỔ CHỨC THỰC HIỆN
        Trên đây là Kế hoạch cải cách hành chính năm 2024./.
        """;

    [Fact]
    public void A_small_plan_is_read_whole()
    {
        var draft = PlanTextParser.Parse(Directive);

        Assert.Equal("12/KH-UBND", draft.NumberAndSymbol);
        Assert.Equal("ỦY BAN NHÂN DÂN HUYỆN AN NHƠN", draft.IssuingUnit);
        Assert.Equal(Day("2023-12-10"), draft.IssuedOn);
        Assert.Equal("Cải cách hành chính năm 2024", draft.Title);
        // The plan is for 2024 though signed in 2023: the title's year is the plan's, and dates without a year take it.
        Assert.Equal(2024, draft.Year);
        Assert.Equal("Nâng cao Chỉ số hài lòng của người dân.", draft.Purpose);
        string[] expected =
        [
            "1 | Rà soát thủ tục hành chính | Phòng Tư pháp | Văn phòng HĐND và UBND huyện | date 2024-09-15",
            "2 | báo cáo kết quả | Phòng Nội vụ | | weekly Friday",
            "3 | Tuyên truyền cải cách hành chính | Phòng Văn hóa và Thông tin | các xã, thị trấn | continuous",
            "4 | Triển khai Đề án | | | after UBND tỉnh ban hành",
        ];
        Assert.Equal(expected, draft.Tasks.Zip(expected).Select(p => Row(p.First, p.Second.Split(" | ")[1].Length)));
        Assert.Equal(expected.Length, draft.Tasks.Count);
        Assert.All(draft.Tasks, t => Assert.Equal("II. NHIỆM VỤ TRỌNG TÂM", t.Section));
    }

    [Fact]
    public void Windows_and_old_Mac_line_ends_read_the_same()
    {
        var unix = PlanTextParser.Parse(Directive);

        Assert.Equal(unix, PlanTextParser.Parse(Directive.Replace("\n", "\r\n", StringComparison.Ordinal)), DraftComparer.Instance);
        Assert.Equal(unix, PlanTextParser.Parse(Directive.Replace("\n", "\r", StringComparison.Ordinal)), DraftComparer.Instance);
    }

    [Fact]
    public void Decomposed_diacritics_read_like_composed_ones()
    {
        var decomposed = Directive.Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(PlanTextParser.Parse(Directive), PlanTextParser.Parse(decomposed), DraftComparer.Instance);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n \r\n")]
    [InlineData("** ** -")]
    public void Empty_text_is_refused_with_a_clear_message(string text)
    {
        var refused = Assert.Throws<DomainException>(() => PlanTextParser.Parse(text));

        Assert.Equal("The plan text is empty.", refused.Message);
        Assert.Equal("text", refused.Field);
    }

    [Fact]
    public void Too_long_text_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => PlanTextParser.Parse(new string('a', PlanTextParser.MaxLength + 1)));

        Assert.Equal("The plan text is longer than {0} characters.", refused.Message);
        Assert.Equal(PlanTextParser.MaxLength, refused.Arguments[0]);
    }

    [Fact]
    public void Text_without_numbered_items_gives_a_draft_without_tasks()
    {
        var draft = PlanTextParser.Parse("Một đoạn văn bản không có nhiệm vụ nào được đánh số.");

        Assert.Empty(draft.Tasks);
        Assert.Null(draft.NumberAndSymbol);
    }

    [Fact]
    public void Unit_lists_split_only_between_units()
    {
        Assert.Equal(["Thủ trưởng các cơ quan, đơn vị trực thuộc UBND huyện", "Chủ tịch UBND các xã, thị trấn"], UnitPhrases.Split("Thủ trưởng các cơ quan, đơn vị trực thuộc UBND huyện; Chủ tịch UBND các xã, thị trấn."));
        Assert.Equal(["MTTQ", "HĐND", "Công chức phụ trách công tác giải quyết đơn thư phường"], UnitPhrases.Split("MTTQ, HĐND, Công chức phụ trách công tác giải quyết đơn thư phường."));
        Assert.Equal(["Phòng Nội vụ", "Văn phòng HĐND và UBND huyện"], UnitPhrases.Split("Phòng Nội vụ và Văn phòng HĐND và UBND huyện"));
        Assert.Equal(["Phòng Tài nguyên và Môi trường huyện"], UnitPhrases.Split("Phòng Tài nguyên và Môi trường huyện"));
        Assert.Equal(["Phòng Giáo dục và Đào tạo huyện", "UBND xã Phước Hưng"], UnitPhrases.Split("Phòng Giáo dục và Đào tạo huyện (98%); UBND xã Phước Hưng (94%)"));
    }

    /// <summary>Records holding lists compare by reference; this compares drafts by content.</summary>
    private sealed class DraftComparer : IEqualityComparer<DraftPlan>
    {
        public static readonly DraftComparer Instance = new();

        private static readonly DraftTask[] NoTasks = [];

        private static readonly string[] NoUnits = [];

        public bool Equals(DraftPlan? x, DraftPlan? y) =>
            x is not null && y is not null
            && x with { Tasks = NoTasks } == y with { Tasks = NoTasks }
            && x.Tasks.Count == y.Tasks.Count
            && x.Tasks.Zip(y.Tasks).All(p => p.First with { LeadUnits = NoUnits, CoordinatingUnits = NoUnits } == p.Second with { LeadUnits = NoUnits, CoordinatingUnits = NoUnits }
                && p.First.LeadUnits.SequenceEqual(p.Second.LeadUnits) && p.First.CoordinatingUnits.SequenceEqual(p.Second.CoordinatingUnits));

        public int GetHashCode(DraftPlan obj) => obj.Tasks.Count;
    }
}
