using System.Globalization;
using System.Text.RegularExpressions;

namespace Motcua.Plans.UnitTargets;

internal enum PeriodKind
{
    Year = 1,
    Quarter = 2,
    Month = 3,
}

/// <summary>A target period: a year ("2023"), a quarter ("2023-Q4") or a month ("2023-11").</summary>
internal sealed partial record TargetPeriod(PeriodKind Kind, int Year, int Number)
{
    public DateOnly From => Kind switch
    {
        PeriodKind.Year => new DateOnly(Year, 1, 1),
        PeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        _ => new DateOnly(Year, Number, 1),
    };

    public DateOnly To => Kind switch
    {
        PeriodKind.Year => new DateOnly(Year, 12, 31),
        PeriodKind.Quarter => From.AddMonths(3).AddDays(-1),
        _ => From.AddMonths(1).AddDays(-1),
    };

    /// <summary>The canonical text, also the stored key.</summary>
    public string Code => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Number:00}"),
    };

    /// <summary>"năm 2023", "quý IV năm 2023", "tháng 11/2023".</summary>
    public string VietnameseLabel => Kind switch
    {
        PeriodKind.Year => $"năm {Year}",
        PeriodKind.Quarter => $"quý {new[] { "I", "II", "III", "IV" }[Number - 1]} năm {Year}",
        _ => string.Create(CultureInfo.InvariantCulture, $"tháng {Number}/{Year}"),
    };

    public static bool TryParse(string? text, out TargetPeriod period)
    {
        period = new TargetPeriod(PeriodKind.Year, 2000, 0);
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

        if (match.Groups["q"].Success)
        {
            period = new TargetPeriod(PeriodKind.Quarter, year, int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture));
            return period.Number is >= 1 and <= 4;
        }

        if (match.Groups["m"].Success)
        {
            period = new TargetPeriod(PeriodKind.Month, year, int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture));
            return period.Number is >= 1 and <= 12;
        }

        period = new TargetPeriod(PeriodKind.Year, year, 0);
        return true;
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?:[Qq](?<q>\d)|(?<m>\d{1,2})))?$")]
    private static partial Regex Pattern();
}
