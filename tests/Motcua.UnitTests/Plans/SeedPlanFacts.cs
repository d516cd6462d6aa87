using Motcua.Plans.DraftFromText;
using static Motcua.UnitTests.Plans.PlanAssertions;

namespace Motcua.UnitTests.Plans;

/// <summary>
/// The parser on the seed documents. The expected tasks were written by reading the documents; they are
/// the parser's specification. Each row: number | start of the content | lead units | coordinating
/// units | deadline.
/// </summary>
public sealed class SeedPlanFacts
{
    private const string Seed003 = "003_c9a23b6f641d9d91.txt";
    private const string Seed001 = "001_798b0c123f0c1f8b.txt";

    [Fact]
    public void Seed_003_plan_header_is_read()
    {
        var draft = PlanTextParser.Parse(ReadSeed(Seed003));

        Assert.Equal("41/KH-UBND", draft.NumberAndSymbol);
        // The seed lost the header's left column; the unit is the body's "UBND phường Thọ Xương" that names the dated line's place.
        Assert.Equal("UBND phường Thọ Xương", draft.IssuingUnit);
        Assert.Equal("Thọ Xương", draft.IssuingPlace);
        Assert.Equal(Day("2024-02-25"), draft.IssuedOn);
        Assert.Equal("Xây dựng chính quyền thân thiện năm 2024", draft.Title);
        Assert.Equal(2024, draft.Year);
        Assert.StartsWith("Nhằm tạo sự chuyển biến mạnh mẽ về nhận thức", draft.Purpose, StringComparison.Ordinal);
        Assert.EndsWith("được công nhận Chính quyền thân thiện đạt 4 sao.", draft.Purpose, StringComparison.Ordinal);
        // "2. Yêu cầu" is not part of the purpose.
        Assert.DoesNotContain("Tổ chức thực hiện Kế hoạch", draft.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_003_tasks_are_the_numbered_items_of_the_task_sections()
    {
        var draft = PlanTextParser.Parse(ReadSeed(Seed003));
        const string Tasks = "III. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN";
        const string Organisation = "III. TỔ CHỨC THỰC HIỆN";
        const string Office = "Văn phòng HĐND-UBND phường";

        (string Section, string Row)[] expected =
        [
            // No unit is named; "Các bộ phận" is the subject of the sentence, not a lead unit.
            (Tasks, "1 | Công chỉ đạo, triển khai thực hiện | | | quarterly"),
            (Tasks, "2 | Công tác tuyên truyền | | | none"),
            // The plan numbers two items "2."; the numbers are kept as written for the officer to fix.
            (Tasks, $"2 | Công tác rà soát, xây dựng các tiêu chí | {Office} | các công chức chuyên môn | month 2024-06"),
            (Tasks, $"3 | Thực hiện tốt công khai theo quy chế | {Office} | BCĐ thực hiện Luật QCDC phường; Ban TTND | month 2024-06"),
            (Tasks, $"4 | Đẩy mạnh thực hiện các nhiệm vụ cải cách hành chính | {Office} | Bộ phận Một cửa; công chức chuyên môn | continuous"),
            (Tasks, $"5 | Tăng cường thực hiện văn minh, văn hóa công sở | {Office} | Đoàn TN phường; Bộ phận Một cửa; công chức chuyên môn | continuous"),
            (Tasks, $"6 | Việc thực hiện tổ chức đối thoại với Nhân dân | {Office} | MTTQ; HĐND; Công chức phụ trách công tác giải quyết đơn thư phường | continuous"),
            (Tasks, "7 | Về bố trí kinh phí | | | month 2024-04"),
            // Ambiguous: the item has two duties with two times (report "trong tháng 3/2024"; file the
            // evaluation "trước ngày 30/9/2024"); the draft takes the first, the second stays in Details.
            (Organisation, $"1 | tham mưu Chủ tịch UBND phường xây dựng kế hoạch | {Office} | | month 2024-03"),
            (Organisation, "2 | căn cứ chức năng, nhiệm vụ thực hiện rà soát | Các bộ phận chuyên môn | | date 2024-09-15"),
            (Organisation, "3 | tăng cường công tác tuyên truyền | Công chức văn hóa-XH; Đài TT phường | | none"),
            // "các ngày thứ 3, thứ 5 hàng tuần" (the youth union's help at the one-stop desk) is on two
            // weekdays: drafted as continuous with the words kept. The youth union is named in Details only.
            (Organisation, "4 | Đề nghị các tổ chức chính trị - xã hội phường | các tổ chức chính trị - xã hội phường | | continuous"),
        ];

        Assert.Equal(expected.Length, draft.Tasks.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var contentStart = expected[i].Row.Split(" | ")[1];
            Assert.Equal(expected[i].Row, Row(draft.Tasks[i], contentStart.Length));
            Assert.Equal(expected[i].Section, draft.Tasks[i].Section);
        }
    }

    [Fact]
    public void Seed_003_deadline_texts_details_and_dates_without_labels()
    {
        var tasks = PlanTextParser.Parse(ReadSeed(Seed003)).Tasks;

        Assert.Equal("Hoàn thành trong tháng 6/2024", tasks[2].Deadline!.Text);
        Assert.Equal("Thường xuyên", tasks[4].Deadline!.Text);
        Assert.Equal("định kỳ hàng quý", tasks[0].Deadline!.Text);
        Assert.Equal("xong trong tháng 3/2024", tasks[8].Deadline!.Text);
        Assert.Equal("trước ngày 15/9/2024", tasks[9].Deadline!.Text);
        Assert.Equal("các ngày thứ 3, thứ 5 hàng tuần", tasks[11].Deadline!.Text);
        // Labelled lines become units and deadlines, not details; the explanation and targets stay.
        Assert.StartsWith("Thực hiện rà soát, đơn giản tối đa các TTHC", tasks[4].Details, StringComparison.Ordinal);
        Assert.Contains("- 99% người dân và doanh nghiệp hài lòng", tasks[4].Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Bộ phận chủ trì", tasks[4].Details, StringComparison.Ordinal);
        Assert.Contains("trước ngày 30/9/2024", tasks[8].Details, StringComparison.Ordinal);
        // A sentence split by a page break is joined again ("trang tin điện tử" / "phường và mạng xã hội").
        Assert.Contains("trang tin điện tử phường và mạng xã hội", tasks[3].Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_001_directive_header_is_read()
    {
        var draft = PlanTextParser.Parse(ReadSeed(Seed001));

        // The letter was copied before it was numbered and dated: the symbol and the year are all there is.
        Assert.Equal("/UBND-NV", draft.NumberAndSymbol);
        Assert.Equal("ỦY BAN NHÂN DÂN HUYỆN TUY PHƯỚC", draft.IssuingUnit);
        Assert.Equal("Tuy Phước", draft.IssuingPlace);
        Assert.Null(draft.IssuedOn);
        Assert.Equal("Khẩn trương, đôn đốc thực hiện một số nhiệm vụ nhằm nâng cao Chỉ số CCHC của huyện năm 2023", draft.Title);
        Assert.Equal(2023, draft.Year);
        Assert.Null(draft.Purpose);
    }

    [Fact]
    public void Seed_001_tasks_are_the_duties_under_each_unit()
    {
        var draft = PlanTextParser.Parse(ReadSeed(Seed001));
        const string Heads = "Thủ trưởng các cơ quan, đơn vị trực thuộc UBND huyện; Chủ tịch UBND các xã, thị trấn";
        const string HomeAffairs = "Phòng Nội vụ huyện";
        const string Office = "Văn phòng HĐND và UBND huyện";
        const string Culture = "Phòng Văn hoá và Thông tin huyện";
        const string Economy = "Phòng Kinh tế và Hạ tầng huyện";

        string[] expected =
        [
            // Ambiguous: the first sentence is for every head, the dated part for the two rooms in bold;
            // the units in bold are the leads, as the issue asks.
            "1.1 | Đôn đốc, nhắc nhở cán bộ | Phòng Tài chính – Kế hoạch huyện; Phòng Tài nguyên và Môi trường huyện | | date 2023-11-20",
            // Ambiguous: the units in bold are those whose signing rate is under 100%, named to be chased.
            "1.2 | Rà soát, đôn đốc, nhắc nhở | Phòng Giáo dục và Đào tạo huyện; Phòng Lao động – Thương binh và Xã hội huyện; Phòng Tài chính và Kế hoạch huyện; Văn phòng HĐND và UBND huyện; UBND xã Phước Hưng; UBND xã Phước Nghĩa; UBND xã Phước Hiệp | | date 2023-12-01",
            // The duty names "UBND các xã, thị trấn" in its own words; the draft keeps the heading's units.
            $"1.3 | UBND các xã, thị trấn trên địa bàn | {Heads} | | date 2023-12-10",
            $"1.4 | Thực hiện việc đánh giá, xếp loại | {Heads} | | date 2023-12-15",
            $"1.5 | Tiếp tục đẩy mạnh công tác rà soát TTHC | {Heads} | | none",
            $"1.6 | Quán triệt CBCCVV bộ phận Một cửa | {Heads} | | date 2023-11-15",
            $"2.1 | Phối hợp với Văn phòng HĐND và UBND huyện tổ chức Toạ đàm | {HomeAffairs} | {Office} | date 2023-11-30",
            $"2.2 | Tham mưu UBND huyện xây dựng kế hoạch | {HomeAffairs} | | date 2023-11-30",
            $"2.3 | Triển khai Kế hoạch của UBND tỉnh | {HomeAffairs} | | after UBND tỉnh ban hành các Đề án trên",
            $"2.4 | Tập trung hoàn thành việc kiểm tra, thanh tra | {HomeAffairs} | | date 2023-12-10",
            $"2.5 | Hướng dẫn các phòng ban | {HomeAffairs} | | date 2023-12-10",
            $"2.6 | Rà soát, đôn đốc các phòng, ban | {HomeAffairs} | | date 2023-12-10",
            $"3.1 | Phối hợp với các cơ quan, đơn vị, địa phương xây dựng | {Office} | các cơ quan, đơn vị, địa phương | date 2023-12-01",
            // "Thường xuyên theo dõi" is an adverb here; the report "vào thứ 6 hàng tuần" is the deadline.
            $"3.2 | Phối hợp với các cơ quan, đơn vị, địa phương liên quan | {Office} | các cơ quan, đơn vị, địa phương liên quan | weekly Friday",
            $"3.3 | Tăng cường theo dõi, đôn đốc | {Office} | | weekly Friday",
            $"3.4 | Tham mưu UBND huyện thực hiện Kế hoạch | {Office} | | after UBND tỉnh ban hành Kế hoạch",
            $"4.1 | Hướng dẫn, kiểm tra, đôn đốc các xã | {Culture} | | date 2023-12-10",
            $"4.2 | Tập trung hoàn thành việc thiết kế các pano | {Culture} | | date 2023-12-10",
            $"4.3 | Thực hiện kiểm tra, đôn đốc các cơ quan | {Culture} | | date 2023-12-01",
            "5.1 | Tham mưu UBND huyện hoàn thành việc giải ngân | Phòng Tài chính – Kế hoạch huyện | | date 2023-12-31",
            $"6.1 | Phối hợp với Phòng Tài chính – Kế hoạch, Ban Quản lý | {Economy} | Phòng Tài chính – Kế hoạch; Ban Quản lý Dự án đầu tư xây dựng và PTQĐ | date 2023-11-30",
            $"6.2 | Tham mưu UBND tổ chức họp xét duyệt sáng kiến | {Economy} | | date 2023-11-30",
            // One paragraph split by a page break ("bảo đảm an" / "toàn thực phẩm"); "hoàn thành trước 10/12/2023" has no "ngày".
            "7 | Xây dựng Kế hoạch và thực hiện việc thanh, kiểm tra | Phòng Nông nghiệp và Phát triển nông thôn huyện | | date 2023-12-10",
            "8 | Phối hợp với Phòng Văn hóa và Thông tin, các cơ quan liên quan | Trung tâm Văn hóa – Thông tin – Thể thao huyện | Phòng Văn hóa và Thông tin; các cơ quan liên quan | date 2023-12-10",
            // The closing "Giao …" paragraphs assign work to other units: tasks of their own, unnumbered.
            $" | Giao Phòng Nội vụ và Văn phòng HĐND và UBND huyện kiểm tra | Phòng Nội vụ; {Office} | | weekly Friday",
            " | Giao Phòng Nội vụ đánh giá mức độ hoàn thành | Phòng Nội vụ | | none",
        ];

        Assert.Equal(expected.Length, draft.Tasks.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var contentStart = expected[i].Split(" | ")[1];
            Assert.Equal(expected[i], Row(draft.Tasks[i], contentStart.Length));
            Assert.Null(draft.Tasks[i].Section);
        }

        Assert.Equal("chậm nhất ngày 20/11/2023", draft.Tasks[0].Deadline!.Text);
        Assert.Equal("hoàn thành trước 10/12/2023", draft.Tasks[22].Deadline!.Text);
        Assert.Contains("bảo đảm an toàn thực phẩm", draft.Tasks[22].Content, StringComparison.Ordinal);
        Assert.Equal("vào thứ 6 hàng tuần", draft.Tasks[13].Deadline!.Text);
        Assert.Equal("sau khi UBND tỉnh ban hành các Đề án trên", draft.Tasks[8].Deadline!.Text);
        // No "Kính gửi" recipient or closing "Yêu cầu …/." paragraph is a task.
        Assert.DoesNotContain(draft.Tasks, t => t.Content.StartsWith("Yêu cầu", StringComparison.Ordinal) || t.Content.StartsWith("Chủ tịch UBND các xã", StringComparison.Ordinal));
    }
}
