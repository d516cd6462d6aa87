using System.Globalization;
using Motcua.Common;

namespace Motcua.Indexes.Dashboard;

internal enum PeriodKind
{
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>
/// The period a dashboard shows. <see cref="Start"/>–<see cref="End"/> is the period chosen;
/// <see cref="From"/>–<see cref="To"/> is what is computed: a period that has not ended yet is computed up
/// to today, so open dossiers are judged today and not at a future end (that is the projection's job).
/// </summary>
internal sealed record DashboardPeriod(PeriodKind Kind, int Year, int Month, int Quarter, DateOnly Start, DateOnly End, DateOnly From, DateOnly To)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>True when the period has not ended and is shown up to today.</summary>
    public bool EndsToday => To < End;

    /// <summary>The picker's fields; missing ones default to the current month, quarter or year.</summary>
    public static DashboardPeriod Parse(string? kind, int? year, int? month, int? quarter, string? from, string? to, DateOnly today)
    {
        var chosen = string.IsNullOrWhiteSpace(kind) ? PeriodKind.Month
            : Enum.TryParse<PeriodKind>(kind.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _) ? parsed
            : throw new DomainException("kind", "Choose a month, a quarter, a year or your own dates.");
        var y = year ?? today.Year;
        if (chosen != PeriodKind.Custom && y is < MinYear or > MaxYear)
        {
            throw new DomainException("year", "The year must be between {0} and {1}.", MinYear, MaxYear);
        }

        var m = month ?? today.Month;
        var q = quarter ?? ((today.Month - 1) / 3) + 1;
        (DateOnly Start, DateOnly End) range = chosen switch
        {
            PeriodKind.Month when m is < 1 or > 12 => throw new DomainException("month", "The month must be between 1 and 12."),
            PeriodKind.Month => (new DateOnly(y, m, 1), new DateOnly(y, m, 1).AddMonths(1).AddDays(-1)),
            PeriodKind.Quarter when q is < 1 or > 4 => throw new DomainException("quarter", "The quarter must be between 1 and 4."),
            PeriodKind.Quarter => (new DateOnly(y, ((q - 1) * 3) + 1, 1), new DateOnly(y, ((q - 1) * 3) + 1, 1).AddMonths(3).AddDays(-1)),
            PeriodKind.Year => (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)),
            _ => (Date(from, "from"), Date(to, "to")),
        };

        if (range.End < range.Start)
        {
            throw new DomainException("to", "The end of the period ({0}) is before its start ({1}).", Show(range.End), Show(range.Start));
        }

        if (range.Start > today)
        {
            throw new DomainException("from", "The period starts after today ({0}): there are no figures yet.", Show(today));
        }

        var computedTo = range.End > today ? today : range.End;
        return new DashboardPeriod(chosen, range.Start.Year, range.Start.Month, ((range.Start.Month - 1) / 3) + 1, range.Start, range.End, range.Start, computedTo);
    }

    /// <summary>A date typed as dd/mm/yyyy (what users see everywhere) or yyyy-mm-dd (links and the API).</summary>
    public static DateOnly Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(field, "Give the date as dd/mm/yyyy.");
        }

        return DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= MinYear and <= MaxYear
            ? date
            : throw new DomainException(field, "{0} is not a date written dd/mm/yyyy.", value.Trim());
    }

    public static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The same period for links and the API.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
