using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Motcua.Calendar;
using Motcua.Organisation;

namespace Motcua.UnitTests.Localization;

/// <summary>
/// The UI is written in English in code and translated by <c>Localization/vi.json</c>. These tests read
/// the sources for every text that goes through the localizer (<c>L["…"]</c>, <c>l["…"]</c>,
/// <c>localizer["…"]</c>) or is a rule's message (<c>new DomainException(field, "…")</c>), plus the enum
/// names shown translated, and require a Vietnamese entry for each: an untranslated text would appear
/// in English to a Vietnamese civil servant.
/// </summary>
public sealed partial class TranslationCoverageTests
{
    private static readonly Lazy<string> SourceRoot = new(FindSourceRoot);

    [Fact]
    public void Every_text_used_in_the_application_has_a_vietnamese_translation()
    {
        var translations = Vietnamese();
        var missing = UsedKeys().Where(key => !translations.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Missing in vi.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_translation_file_has_no_entries_that_nothing_uses()
    {
        var used = UsedKeys();
        var stale = Vietnamese().Keys.Where(key => !used.Contains(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Unused in vi.json:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Names_of_enums_and_actions_read_as_english_words_in_english()
    {
        // English needs no table for sentences (the key is the text) but does for identifiers.
        var english = Table("en");
        var missing = Identifiers().Where(name => !english.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "Missing in en.json:\n" + string.Join("\n", missing));
        Assert.All(english.Keys, key => Assert.Contains(key, Identifiers()));
    }

    [Fact]
    public void Translations_keep_every_placeholder_and_are_normalised_vietnamese()
    {
        foreach (var (key, value) in Vietnamese())
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"Empty translation for \"{key}\".");
            Assert.Equal(Placeholders(key), Placeholders(value));
            Assert.True(value.IsNormalized(NormalizationForm.FormC), $"The translation of \"{key}\" is not in Unicode NFC.");
        }
    }

    [Fact]
    public void The_extraction_finds_texts_in_pages_code_and_rules()
    {
        // Guards the guard: if the patterns stopped matching, the coverage test would pass on nothing.
        var used = UsedKeys();
        Assert.Contains("Sign in", used);                                   // L["…"] in a page
        Assert.Contains("The calendar entry was added.", used);             // l["…"] in a page model
        Assert.Contains("A unit with code {0} already exists.", used);      // a DomainException message
        Assert.Contains("This dossier has already been rated.", used);      // a DossierConflictException message
        Assert.Contains("Only the holder of the dossier or a leader of its unit can do this.", used); // a ForbiddenException's reason
        Assert.Contains("Waiting for your supplement", used);              // a status shown to the applicant
        Assert.Contains(nameof(DepartmentKind.ServiceCentre), used);        // an enum shown translated
        Assert.Contains(CalendarRevisionAction.OverridesImported, used);    // an audit-trail action
        Assert.True(used.Count > 250, $"Only {used.Count} texts found.");
    }

    private static HashSet<string> UsedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(SourceRoot.Value, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var match in LocalizerCall().Matches(text).Concat(DomainExceptionMessage().Matches(text)))
            {
                keys.Add(Regex.Unescape(match.Groups["text"].Value));
            }
        }

        keys.UnionWith(Identifiers());
        keys.UnionWith(Motcua.Dossiers.Lookup.StatusTexts.All);
        keys.UnionWith(Motcua.Indexes.Explain.ExplainService.Formulas.Values);
        keys.Add(Motcua.Indexes.Explain.ExplainService.Calendar);
        return keys;
    }

    /// <summary>Enum and action names that pages show through the localizer.</summary>
    private static List<string> Identifiers() =>
    [
        .. Enum.GetNames<DepartmentKind>(), .. Enum.GetNames<UnitEventKind>(), .. CalendarRevisionAction.All,
        .. Enum.GetNames<Motcua.Dossiers.Channel>(), .. Enum.GetNames<Motcua.Dossiers.Rating>(),
        .. Motcua.Dossiers.DossierPermissions.Actions.Append("create").Append("rate").Append("attach").Select(a => "action:" + a),
        .. Motcua.Indexes.Counting.IndicatorFormulas.Codes.Concat(Motcua.Indexes.IndicatorSets.IndicatorSetDefinition.Decision766.Groups.SelectMany(g => g.Items).Select(i => i.Indicator)).Distinct().Select(c => "indicator:" + c),
        .. Motcua.Indexes.IndicatorSets.IndicatorSetDefinition.Decision766.Groups.Select(g => "group:" + g.Code),
    ];

    private static Dictionary<string, string> Vietnamese() => Table("vi");

    private static Dictionary<string, string> Table(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(SourceRoot.Value, "Localization", language + ".json")))
        ?? throw new InvalidOperationException(language + ".json is empty.");

    private static List<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    private static string FindSourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "Motcua");
            if (File.Exists(Path.Combine(project, "Motcua.csproj")))
            {
                return project;
            }
        }

        throw new InvalidOperationException("src/Motcua not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\b(?:L|l|localizer|Localizer)\[\s*"(?<text>(?:[^"\\]|\\.)*)"(?=\s*[\],])""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex("""(?:DomainException\(\s*[^,()]+,|DossierConflictException\(|ForbiddenException\(|\bProblem\(|problems\.Add\(\(|new ImportProblem\([^,]+,)\s*"(?<text>(?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex DomainExceptionMessage();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
