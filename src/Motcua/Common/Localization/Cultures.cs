using System.Globalization;

namespace Motcua.Common.Localization;

internal static class Cultures
{
    /// <summary>Vietnamese is the default; English (British, so dates stay dd/MM/yyyy) is the switch.</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static readonly CultureInfo[] Supported = [Vietnamese, English];

    public const string DateFormat = "dd/MM/yyyy";

    public const string DateTimeFormat = "dd/MM/yyyy HH:mm";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Picks the Vietnamese or English variant of a text that comes from data rather than the UI.</summary>
    public static string Pick(string vietnamese, string english) => IsEnglish ? english : vietnamese;
}
