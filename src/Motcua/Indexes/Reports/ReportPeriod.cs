using System.Globalization;
using System.Text.RegularExpressions;

namespace Motcua.Indexes.Reports;

/// <summary>A reporting period: a calendar month (<c>2025-03</c>) or a quarter (<c>2025-Q1</c>), with its Vietnamese name.</summary>
internal sealed partial record ReportPeriod(DateOnly From, DateOnly To, bool Quarterly, int Year, int Number)
{
    /// <summary>"tháng 3 năm 2025" or "quý I năm 2025", as the report's summary line writes it.</summary>
    public string Label => Quarterly
        ? $"quý {Roman[Number - 1]} năm {Year.ToString(CultureInfo.InvariantCulture)}"
        : $"tháng {Number.ToString(CultureInfo.InvariantCulture)} năm {Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"2025-03" or "2025-Q1", as in the URL and the file name.</summary>
    public string Code => Quarterly
        ? string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year}-{Number:00}");

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = null!;
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            var from = new DateOnly(year, (quarter * 3) - 2, 1);
            period = new ReportPeriod(from, from.AddMonths(3).AddDays(-1), Quarterly: true, year, quarter);
            return true;
        }

        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        var start = new DateOnly(year, month, 1);
        period = new ReportPeriod(start, start.AddMonths(1).AddDays(-1), Quarterly: false, year, month);
        return true;
    }

    [GeneratedRegex(@"^(?<year>\d{4})-(?:(?<month>\d{2})|[Qq](?<quarter>[1-4]))$")]
    private static partial Regex Pattern();
}
