using System.Text.RegularExpressions;

namespace Motcua.ArchitectureTests;

/// <summary>
/// The Content-Security-Policy (<c>script-src 'self'</c>, <c>style-src-elem 'self'</c>, ADR 0021) refuses inline
/// code: a page that brought some back would lose that behaviour in every browser. These tests read every page
/// and fail on an inline script, an event-handler attribute, htmx's <c>hx-on</c> (evaluated code), a
/// <c>javascript:</c> address or a <c>&lt;style&gt;</c> element; behaviour goes in <c>wwwroot/js</c>, data in
/// <c>data-*</c> attributes or a <c>&lt;script type="application/json"&gt;</c> block.
/// </summary>
public sealed partial class InlineScriptTests
{
    [Fact]
    public void No_page_carries_inline_code()
    {
        var findings = new List<string>();
        foreach (var file in Pages())
        {
            var text = File.ReadAllText(file);
            foreach (var (pattern, what) in Rules())
            {
                foreach (Match match in pattern.Matches(text))
                {
                    if (what == "inline <script>" && (match.Value.Contains("src=", StringComparison.OrdinalIgnoreCase) || JsonType().IsMatch(match.Value)))
                    {
                        continue;
                    }

                    var line = text[..match.Index].Count(c => c == '\n') + 1;
                    findings.Add($"{Path.GetRelativePath(SourceRoot(), file)}:{line}: {what}: {match.Value.Trim()}");
                }
            }
        }

        Assert.True(findings.Count == 0, "Inline code the Content-Security-Policy refuses:\n" + string.Join("\n", findings));
    }

    [Theory]
    [InlineData("""<script>alert(1)</script>""")]
    [InlineData("""<script type="module">go()</script>""")]
    [InlineData("""<select onchange="this.form.submit()">""")]
    [InlineData("""<button type="button" onClick='x()'>""")]
    [InlineData("""<body onload=start()>""")]
    [InlineData("""<div hx-on:click="alert(1)">""")]
    [InlineData("""<div hx-on::after-request="x()">""")]
    [InlineData("""<div data-hx-on--click="x()">""")]
    [InlineData("""<a href="javascript:void(0)">""")]
    [InlineData("""<style>.x{color:red}</style>""")]
    public void The_scan_finds_each_kind_of_inline_code(string markup) =>
        Assert.Contains(Rules(), rule => rule.Pattern.Matches(markup).Any(m => !m.Value.Contains("src=", StringComparison.OrdinalIgnoreCase) && !JsonType().IsMatch(m.Value)));

    [Theory]
    [InlineData("""<script src="~/js/site.js" asp-append-version="true" defer></script>""")]
    [InlineData("""<script type="application/json" id="chart-data">{"a":1}</script>""")]
    [InlineData("""<select asp-for="Choice" data-submit-on-change>""")]
    [InlineData("""<div hx-get="/x" hx-trigger="load" data-confirm="Sure?">""")]
    [InlineData("""<p class="online">Nộp trực tuyến</p>""")]
    public void The_scan_lets_files_data_and_ordinary_attributes_pass(string markup) =>
        Assert.DoesNotContain(Rules(), rule => rule.Pattern.Matches(markup).Any(m => !m.Value.Contains("src=", StringComparison.OrdinalIgnoreCase) && !JsonType().IsMatch(m.Value)));

    [Fact]
    public void The_scan_reads_the_pages()
    {
        // Guards the guard: a wrong folder would pass on nothing.
        Assert.True(Pages().Count() > 40, "Too few .cshtml files found under src/Motcua.");
    }

    private static (Regex Pattern, string What)[] Rules() =>
    [
        (ScriptElement(), "inline <script>"),
        (EventHandler(), "event-handler attribute"),
        (HtmxOn(), "hx-on attribute"),
        (JavascriptUrl(), "javascript: address"),
        (StyleElement(), "<style> element"),
    ];

    private static IEnumerable<string> Pages() =>
        Directory.EnumerateFiles(SourceRoot(), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string SourceRoot()
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

    /// <summary>An opening script tag: its attributes decide whether it is a file or a JSON data block.</summary>
    [GeneratedRegex(@"<script\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex(@"\btype\s*=\s*[""']?application/(ld\+)?json\b", RegexOptions.IgnoreCase)]
    private static partial Regex JsonType();

    /// <summary>An <c>on…=</c> attribute inside a tag (not text such as "online" or "Nộp trực tuyến").</summary>
    [GeneratedRegex(@"<[a-zA-Z][^<>]*?\son[a-zA-Z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"\s(data-)?hx-on(\b|:|-|=)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmxOn();

    [GeneratedRegex(@"(href|src|action|formaction)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();

    [GeneratedRegex(@"<style\b", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();
}
