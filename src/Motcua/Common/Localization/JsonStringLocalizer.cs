using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Motcua.Common.Localization;

/// <summary>
/// The UI text is written in English in code and translated by <c>Localization/{culture}.json</c>
/// (English text → translation). JSON rather than .resx because translators and reviewers edit one
/// flat file per language; a unit test checks that every text used in a page has a Vietnamese entry.
/// </summary>
internal sealed class JsonStringLocalizer(IReadOnlyDictionary<string, FrozenDictionary<string, string>> translations) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = TryTranslate(name, out var value);
            return new LocalizedString(name, value, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = TryTranslate(name, out var value);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, value, arguments), resourceNotFound: !found);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Table() is { } table ? table.Select(p => new LocalizedString(p.Key, p.Value)) : [];

    private bool TryTranslate(string name, out string value)
    {
        if (Table() is { } table && table.TryGetValue(name, out var translated))
        {
            value = translated;
            return true;
        }

        value = name;
        return false;
    }

    private FrozenDictionary<string, string>? Table() =>
        translations.TryGetValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var table) ? table : null;
}

internal sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer;

    public JsonStringLocalizerFactory(IWebHostEnvironment environment)
        : this(Path.Combine(environment.ContentRootPath, "Localization"))
    {
    }

    public JsonStringLocalizerFactory(string directory)
    {
        var translations = new Dictionary<string, FrozenDictionary<string, string>>();
        if (!Directory.Exists(directory))
        {
            directory = Path.Combine(AppContext.BaseDirectory, "Localization");
        }

        var files = Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.json") : [];
        foreach (var file in files)
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [];
            translations[Path.GetFileNameWithoutExtension(file)] = entries.ToFrozenDictionary();
        }

        _localizer = new JsonStringLocalizer(translations);
    }

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

/// <summary>The marker type pages and endpoints inject <c>IStringLocalizer&lt;SharedResource&gt;</c> with.</summary>
#pragma warning disable CA1812
internal sealed class SharedResource;
#pragma warning restore CA1812
