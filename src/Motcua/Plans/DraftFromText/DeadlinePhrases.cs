using System.Globalization;
using System.Text.RegularExpressions;
using Motcua.Plans.Deadlines;

namespace Motcua.Plans.DraftFromText;

/// <summary>
/// Finds the time a plan gives a task in its own words ("trước ngày 10/12/2023", "trong tháng 6/2024",
/// "thứ 6 hàng tuần", "sau khi UBND tỉnh ban hành …", "thường xuyên") and turns it into a
/// <see cref="TaskDeadline"/> whose <see cref="TaskDeadline.Text"/> is the matched words.
/// </summary>
internal static partial class DeadlinePhrases
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // The date forms: 10/12/2023, 10-12-2023, 10.12.2023, 15/9 (the plan's year), 10 tháng 12 năm 2023, 10 tháng 12.
    private const string DatePattern =
        @"(?:(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})(?:\s*[/.\-]\s*(?<y>\d{4}))?(?![/.\-]?\d)" +
        @"|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})(?:\s*(?:năm\s+|/)(?<y>\d{4}))?)";

    [GeneratedRegex(
        @"(?:(?:hoàn thành|xong)\s+)?(?:chậm nhất(?:\s+là)?(?:\s+vào)?|trước|hạn chót(?:\s+là)?|đến|hạn)\s+(?:ngày\s+)?" + DatePattern
        + @"(?!\s*(?:hàng|hằng)\s+(?:năm|tháng))",
        Options)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?:(?:hoàn thành|xong)\s+)?trong\s+tháng\s+(?<m>\d{1,2})(?:\s*(?:/|năm)\s*(?<y>\d{4}))?(?![/.\-]?\d)", Options)]
    private static partial Regex MonthRegex();

    // "trong quý II/2024" is due with the quarter's last month; "hoàn thành trong năm 2024" with December.
    // The year form needs "hoàn thành"/"xong": "trong năm 2024" alone is too common in ordinary sentences.
    [GeneratedRegex(@"(?:(?:hoàn thành|xong)\s+)?trong\s+quý\s+(?<q>IV|I{1,3}|[1-4])(?![\p{L}\d])(?:\s*(?:/|năm)\s*(?<y>\d{4}))?", Options)]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"(?:hoàn thành|xong)\s+trong\s+năm\s+(?<y>\d{4})", Options)]
    private static partial Regex InYearRegex();

    private const string Weekday = @"(?:[2-7]|hai|ba|tư|năm|sáu|bảy)";

    [GeneratedRegex(@"(?:vào\s+)?(?:các\s+)?(?:ngày\s+)?(?<days>(?:thứ\s+" + Weekday + @"|chủ nhật)(?:\s*(?:,|và|hoặc)\s*(?:thứ\s+" + Weekday + @"|chủ nhật))*)\s+(?:hàng|hằng)\s+tuần", Options)]
    private static partial Regex WeeklyRegex();

    [GeneratedRegex(@"thứ\s+(?<w>" + Weekday + @")|(?<sun>chủ nhật)", Options)]
    private static partial Regex WeekdayRegex();

    [GeneratedRegex(@"(?:(?:trước|chậm nhất(?:\s+là)?|vào)\s+(?:ngày\s+)?(?<day>\d{1,2})\s+(?:của\s+)?)?(?:định kỳ\s+)?(?:hàng|hằng)\s+tháng", Options)]
    private static partial Regex MonthlyRegex();

    [GeneratedRegex(@"(?:định kỳ\s+)?(?:hàng|hằng)\s+quý", Options)]
    private static partial Regex QuarterlyRegex();

    [GeneratedRegex(@"(?:(?:trước|chậm nhất(?:\s+là)?|vào)\s+(?:ngày\s+)?(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})\s+)?(?:định kỳ\s+)?(?:hàng|hằng)\s+năm", Options)]
    private static partial Regex YearlyRegex();

    [GeneratedRegex(@"(?:(?:trong(?:\s+thời hạn)?|chậm nhất(?:\s+là)?)\s+(?<n>\d{1,3})\s+ngày\s+làm\s+việc\s+(?:kể\s+từ\s+)?)?sau\s+khi\s+(?<event>[^.;:\n()]+)", Options)]
    private static partial Regex AfterEventRegex();

    [GeneratedRegex(@"thường\s+xuyên", Options)]
    private static partial Regex ContinuousRegex();

    private sealed record Candidate(int Start, int End, TaskDeadline Deadline);

    /// <summary>
    /// The deadline stated in <paramref name="text"/>: the first specific one (a date, month, weekly,
    /// monthly, quarterly or yearly time, or an event) in reading order; "thường xuyên" only when the
    /// text names nothing more specific, because it is also an ordinary adverb ("Thường xuyên theo dõi…").
    /// <paramref name="planYear"/> completes dates written without a year ("trước ngày 15/9").
    /// </summary>
    public static TaskDeadline? Find(string text, int? planYear)
    {
        var candidates = Candidates(text, planYear);
        var specific = candidates.Where(c => c.Deadline.Recurrence != Recurrence.Continuous).OrderBy(c => c.Start).FirstOrDefault();
        return (specific ?? candidates.OrderBy(c => c.Start).FirstOrDefault())?.Deadline;
    }

    /// <summary>
    /// The value of a "Thời gian thực hiện: …" line: its deadline with the whole value as the text
    /// ("Hoàn thành trong tháng 6/2024"), so the officer sees the plan's exact words. A bare month,
    /// quarter or year ("Tháng 6/2024", "Quý III/2024", "Năm 2024") counts as "trong …".
    /// </summary>
    public static TaskDeadline? FromLabelValue(string value, int? planYear)
    {
        var found = Find(value, planYear) ?? Find("trong " + value, planYear) ?? Find("hoàn thành trong " + value, planYear);
        return found is null ? null : found with { Text = value };
    }

    private static List<Candidate> Candidates(string text, int? planYear)
    {
        var all = new List<Candidate>();
        foreach (Match m in DateRegex().Matches(text))
        {
            if (ToDate(m, planYear) is { } date)
            {
                all.Add(new Candidate(m.Index, m.Index + m.Length, TaskDeadline.OnDate(date, Clean(m.Value))));
            }
        }

        foreach (Match m in MonthRegex().Matches(text))
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
            if (month is >= 1 and <= 12 && year is >= 1900 and <= 2999)
            {
                all.Add(new Candidate(m.Index, m.Index + m.Length, TaskDeadline.InMonth(year.Value, month, Clean(m.Value))));
            }
        }

        foreach (Match m in QuarterRegex().Matches(text))
        {
            var quarter = m.Groups["q"].Value.ToUpperInvariant() switch { "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, _ => 4 };
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
            if (year is >= 1900 and <= 2999)
            {
                all.Add(new Candidate(m.Index, m.Index + m.Length, TaskDeadline.InMonth(year.Value, quarter * 3, Clean(m.Value))));
            }
        }

        foreach (Match m in InYearRegex().Matches(text))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (year is >= 1900 and <= 2999)
            {
                all.Add(new Candidate(m.Index, m.Index + m.Length, TaskDeadline.InMonth(year, 12, Clean(m.Value))));
            }
        }

        foreach (Match m in WeeklyRegex().Matches(text))
        {
            var days = WeekdayRegex().Matches(m.Groups["days"].Value).Select(ToWeekday).Distinct().ToList();
            // The contract has one weekday per weekly task; "thứ 3, thứ 5 hàng tuần" is an ongoing duty
            // on several days, so it is drafted as continuous with the words kept for the officer.
            var deadline = days.Count == 1 ? TaskDeadline.Weekly(days[0], Clean(m.Value)) : TaskDeadline.Continuous(Clean(m.Value));
            all.Add(new Candidate(m.Index, m.Index + m.Length, deadline));
        }

        foreach (Match m in MonthlyRegex().Matches(text))
        {
            int? day = m.Groups["day"].Success ? int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) : null;
            all.Add(new Candidate(m.Index, m.Index + m.Length, new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Monthly, DayOfMonth: day is >= 1 and <= 31 ? day : null, Text: Clean(m.Value))));
        }

        foreach (Match m in QuarterlyRegex().Matches(text))
        {
            all.Add(new Candidate(m.Index, m.Index + m.Length, new TaskDeadline(DeadlineKind.Recurring, Recurrence: Recurrence.Quarterly, Text: Clean(m.Value))));
        }

        foreach (Match m in YearlyRegex().Matches(text))
        {
            DateOnly? date = null;
            if (m.Groups["d"].Success)
            {
                var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                // A leap year keeps 29 February possible; the schedule clamps it in other years.
                date = month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month) ? new DateOnly(2000, month, day) : null;
            }

            all.Add(new Candidate(m.Index, m.Index + m.Length, new TaskDeadline(DeadlineKind.Recurring, Date: date, Recurrence: Recurrence.Yearly, Text: Clean(m.Value))));
        }

        foreach (Match m in AfterEventRegex().Matches(text))
        {
            var @event = Clean(m.Groups["event"].Value);
            if (@event.Length == 0)
            {
                continue;
            }

            int? days = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
            all.Add(new Candidate(m.Index, m.Index + m.Length, TaskDeadline.AfterEventOf(@event, days, Clean(m.Value))));
        }

        foreach (Match m in ContinuousRegex().Matches(text))
        {
            all.Add(new Candidate(m.Index, m.Index + m.Length, TaskDeadline.Continuous(Clean(m.Value))));
        }

        // A phrase inside a longer one is part of it ("tháng 12 năm 2023" in "trước ngày 10 tháng 12 năm 2023").
        return [.. all.Where(c => !all.Any(o => o != c && o.Start <= c.Start && o.End >= c.End && (o.End - o.Start) > (c.End - c.Start)))];
    }

    private static DateOnly? ToDate(Match m, int? planYear)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
        if (year is not (>= 1900 and <= 2999) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year.Value, month))
        {
            return null;
        }

        return new DateOnly(year.Value, month, day);
    }

    private static DayOfWeek ToWeekday(Match m)
    {
        if (m.Groups["sun"].Success)
        {
            return DayOfWeek.Sunday;
        }

        return m.Groups["w"].Value.ToLowerInvariant() switch
        {
            "2" or "hai" => DayOfWeek.Monday,
            "3" or "ba" => DayOfWeek.Tuesday,
            "4" or "tư" => DayOfWeek.Wednesday,
            "5" or "năm" => DayOfWeek.Thursday,
            "6" or "sáu" => DayOfWeek.Friday,
            _ => DayOfWeek.Saturday,
        };
    }

    private static string Clean(string value) => PlanText.Squeeze(value).Trim(' ', '.', ',', ';', ':', '-', '*');
}
