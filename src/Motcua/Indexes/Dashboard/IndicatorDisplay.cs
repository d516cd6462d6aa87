using System.Globalization;
using Motcua.Indexes.Counting;
using Motcua.Indexes.ServiceIndex;

namespace Motcua.Indexes.Dashboard;

/// <summary>How the pages write the numbers of an indicator, in the reader's culture (vi: 87,5 %).</summary>
internal static class IndicatorDisplay
{
    public static bool IsCount(string code) => RawIndicators.IsCount(code);

    /// <summary>Whether the drill-down can list the dossiers behind the indicator (dossier indicators only).</summary>
    public static bool CanExplain(IndicatorResult indicator) => indicator.Source == "dossiers";

    public static string Value(IndicatorResult indicator) =>
        indicator.Value is not { } value ? "—" : IsCount(indicator.Code) ? Count((long)value) : Percent(value);

    public static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("0.#", CultureInfo.CurrentCulture) + " %" : "—";

    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A variance in percentage points with its sign (a real minus sign, not a hyphen).</summary>
    public static string Points(double value) =>
        (value * 100).ToString("+0.#;\u22120.#;0", CultureInfo.CurrentCulture);

    public static string Decimal(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>A number for Chart.js (invariant, in percent; null stays null).</summary>
    public static string Json(double? value, bool count) =>
        value is { } v ? (count ? v : Math.Round(v * 100, 2)).ToString(CultureInfo.InvariantCulture) : "null";
}
