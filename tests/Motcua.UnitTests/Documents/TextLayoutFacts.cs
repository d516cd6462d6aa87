using CsCheck;
using Motcua.Common.Documents;

namespace Motcua.UnitTests.Documents;

public sealed class TextLayoutFacts
{
    private static float Monospace(string text) => text.Length;

    [Theory]
    [InlineData("một hai ba bốn năm", 10, new[] { "một hai ba", "bốn năm" })]
    [InlineData("  một   hai\tba \n bốn  ", 7, new[] { "một hai", "ba bốn" })]
    [InlineData("một", 1, new[] { "một" })]
    [InlineData("Đường Nguyễn Thị Minh Khai", 8, new[] { "Đường", "Nguyễn", "Thị Minh", "Khai" })]
    [InlineData("", 10, new string[0])]
    [InlineData("   ", 10, new string[0])]
    public void Lines_break_at_spaces_and_fill_greedily(string text, float width, string[] expected) =>
        Assert.Equal(expected, TextLayout.Wrap(text, Monospace, width));

    [Fact]
    public void A_word_wider_than_the_line_stands_alone()
    {
        Assert.Equal(["a", "https://motcua.gialai.gov.vn", "b"], TextLayout.Wrap("a https://motcua.gialai.gov.vn b", Monospace, 5));
        Assert.Equal(["https", "://mo", "tcua."], TextLayout.Chop("https://motcua.", Monospace, 5));
    }

    [Theory]
    [InlineData(2026, 3, 5, "Gia Lai, ngày 05 tháng 3 năm 2026")]
    [InlineData(2026, 11, 15, "Gia Lai, ngày 15 tháng 11 năm 2026")]
    [InlineData(2026, 2, 9, "Gia Lai, ngày 09 tháng 02 năm 2026")]
    [InlineData(2026, 1, 1, "Gia Lai, ngày 01 tháng 01 năm 2026")]
    [InlineData(2026, 12, 31, "Gia Lai, ngày 31 tháng 12 năm 2026")]
    [InlineData(2026, 10, 10, "Gia Lai, ngày 10 tháng 10 năm 2026")]
    [InlineData(2026, 9, 2, "Gia Lai, ngày 02 tháng 9 năm 2026")]
    public void Place_and_date_pad_days_below_10_and_january_and_february(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DocumentText.PlaceAndDate("Gia Lai", new DateOnly(year, month, day)));

    [Theory]
    [InlineData("12/PTN-UBND", "Số: 12/PTN-UBND")]
    [InlineData(null, "Số: ……")]
    [InlineData("  ", "Số: ……")]
    public void The_number_line_leaves_room_for_a_missing_number(string? number, string expected) =>
        Assert.Equal(expected, DocumentText.NumberLine(number));

    [Theory]
    [InlineData("Như trên", false, "- Như trên;")]
    [InlineData("Lưu: VT", true, "- Lưu: VT.")]
    [InlineData("Chủ tịch UBND xã;", true, "- Chủ tịch UBND xã;")]
    public void Recipients_end_with_a_semicolon_and_the_last_with_a_full_stop(string recipient, bool last, string expected) =>
        Assert.Equal(expected, DocumentText.RecipientLine(recipient, last));

    private static readonly Gen<string> Texts =
        Gen.OneOf(
                Gen.Char["aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạềếểễệữỹĐ"].Array[1, 12].Select(chars => new string(chars)),
                Gen.Const("Nguye\u0302\u0303n"),
                Gen.Const("https://motcua.gialai.gov.vn/tra-cuu"))
            .Array[0, 40]
            .SelectMany(words => Gen.OneOf(Gen.Const(" "), Gen.Const("  "), Gen.Const("\t"), Gen.Const("\n ")).Array[words.Length + 1]
                .Select(spaces => string.Concat(words.Select((word, i) => spaces[i] + word)) + spaces[^1]));

    /// <summary>A proportional measure: wide and narrow letters, like a real font.</summary>
    private static float Proportional(string text) => text.Sum(c => c is 'm' or 'w' or 'Đ' ? 1.6f : c is 'i' or 'l' or 't' or '.' ? 0.5f : c == ' ' ? 0.6f : 1f);

    [Fact]
    public void No_line_is_wider_than_the_width_unless_it_is_one_word_and_nothing_is_lost()
    {
        Gen.Select(Texts, Gen.Int[1, 60]).Sample((text, width) =>
        {
            var lines = TextLayout.Wrap(text, Proportional, width);

            Assert.All(lines, line => Assert.True(Proportional(line) <= width || !line.Contains(' ', StringComparison.Ordinal), $"\"{line}\" is wider than {width}."));
            Assert.Equal(TextLayout.NormaliseSpaces(text), string.Join(' ', lines));
            Assert.True(string.Join(' ', lines).IsNormalized(System.Text.NormalizationForm.FormC));
            // Greedy: the first word of each line would not have fitted on the line before.
            for (var i = 1; i < lines.Count; i++)
            {
                Assert.True(Proportional(lines[i - 1] + " " + lines[i].Split(' ')[0]) > width);
            }
        });
    }
}
