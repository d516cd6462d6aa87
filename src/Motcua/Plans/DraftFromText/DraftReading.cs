using System.Globalization;
using System.Text;
using Motcua.Common;
using Motcua.Common.Files;
using Motcua.Organisation.Contracts;

namespace Motcua.Plans.DraftFromText;

/// <summary>A unit name of the plan's text and the real unit suggested for it (null: none found, the officer picks).</summary>
internal sealed record UnitSuggestion(string Name, string? Unit, string? UnitName);

/// <summary>The draft for review: the parser's reading, the plan as it would be created, the units to map.</summary>
internal sealed record DraftView(DraftPlan Parsed, PlanInput Plan, IReadOnlyList<TaskInput> Tasks, IReadOnlyList<UnitSuggestion> Units);

/// <summary>The reviewed draft: the plan and exactly the tasks the officer kept; nothing exists until this is confirmed.</summary>
internal sealed record DraftConfirmation(PlanInput? Plan, IReadOnlyList<TaskInput>? Tasks);

/// <summary>
/// Turns a plan's text (pasted, or read from a .docx or .txt upload) into a draft for review, with each
/// unit named in the plan mapped to a suggested real unit: the best match by name among the units the user
/// may use, else the issuing unit (a commune's offices and sections — "Văn phòng HĐND-UBND phường",
/// "Bộ phận Một cửa" — belong to the commune itself). Stores nothing: confirming creates the plan and tasks
/// in one transaction through <see cref="PlanEditing"/>.
/// </summary>
internal sealed class DraftReading(IUnitDirectory units, PlanAccess access, TimeProvider time)
{
    public const int MaxTextLength = 500_000;

    public static string TextOf(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".docx")
        {
            // Read for its text only, but still a macro-free package of bounded size before any XML is parsed.
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            var bytes = buffer.ToArray();
            UploadInspector.Inspect(fileName, bytes, UploadRule.PlanSources);
            try
            {
                return PlanDocumentText.FromDocx(new MemoryStream(bytes, writable: false));
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or FormatException or System.Xml.XmlException)
            {
                throw new DomainException("file", "The file could not be read as a Word document (.docx).");
            }
        }

        if (extension == ".txt")
        {
            using var reader = new StreamReader(content, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
            try
            {
                return reader.ReadToEnd();
            }
            catch (DecoderFallbackException)
            {
                throw new DomainException("file", "A text file must be UTF-8.");
            }
        }

        throw new DomainException("file", "Upload the plan as .docx or plain text (.txt), or paste its text.");
    }

    public async Task<DraftView> ReadAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (!access.IsRunner)
        {
            throw new ForbiddenException();
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            throw new DomainException("text", "Paste the plan's text (at most {0} characters) or upload it.", MaxTextLength);
        }

        var parsed = PlanTextParser.Parse(text);
        var scope = await access.ScopeAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        var usable = (await units.ListAsync(cancellationToken)).Where(u => scope.Contains(u.Id) && u.IsValidOn(today)).ToList();
        var own = access.UnitId is { } id ? usable.FirstOrDefault(u => u.Id == id) : null;
        var issuer = Suggest(parsed.IssuingUnit, usable) ?? own ?? (usable.Count > 0 ? usable[0] : null);
        var names = parsed.Tasks.SelectMany(t => t.LeadUnits.Concat(t.CoordinatingUnits)).Select(n => n.Trim()).Where(n => n.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var suggestions = names.Select(name => (Suggest(name, usable) ?? issuer) is { } u ? new UnitSuggestion(name, u.Code, u.Name) : new UnitSuggestion(name, null, null)).ToList();
        string? CodeOf(string name) => suggestions.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Unit;

        var plan = new PlanInput(parsed.NumberAndSymbol, issuer?.Code, parsed.IssuedOn, parsed.Title, parsed.Purpose, parsed.Year ?? parsed.IssuedOn?.Year);
        var tasks = parsed.Tasks.Select(t =>
        {
            var lead = t.LeadUnits.Count > 0 ? t.LeadUnits[0] : null;
            var coordinators = t.LeadUnits.Skip(1).Concat(t.CoordinatingUnits).Select(n => new UnitInput(CodeOf(n), n.Trim())).ToList();
            var deadline = t.Deadline is { } d ? DeadlineInput.From(d) : new DeadlineInput("recurring", Recurrence: "continuous");
            return new TaskInput(t.Number, t.Section, t.Content, lead is null ? issuer?.Code : CodeOf(lead), lead?.Trim(), coordinators, null, deadline, null, null, []);
        }).ToList();
        return new DraftView(parsed, plan, tasks, suggestions);
    }

    /// <summary>The unit whose name contains the most of the plan's words for it (accents ignored), if any word that names a place matches.</summary>
    public static UnitSummary? Suggest(string? name, IReadOnlyList<UnitSummary> candidates)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var words = Words(name).Except(Generic).ToHashSet();
        if (words.Count == 0)
        {
            return null;
        }

        return candidates
            .Select(u => (Unit: u, Score: Words(u.Name).Except(Generic).Count(words.Contains)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Unit.Name.Length)
            .Select(c => c.Unit)
            .FirstOrDefault();
    }

    /// <summary>Words that name a kind of body, not a particular one.</summary>
    private static readonly HashSet<string> Generic =
    [
        "ubnd", "uy", "ban", "nhan", "dan", "tinh", "thanh", "pho", "xa", "phuong", "dac", "khu", "huyen", "thi", "tran", "van", "phong", "hdnd",
        "bo", "phan", "so", "cac", "va", "cong", "chuc", "chuyen", "mon", "don", "vi", "co", "quan", "chu", "tri", "phoi", "hop", "tong", "hop",
    ];

    private static string[] Words(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
