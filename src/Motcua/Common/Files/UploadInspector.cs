using System.Globalization;
using System.IO.Compression;
using System.IO.Packaging;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Motcua.Common.Files;

/// <summary>The kinds of file an upload point may accept.</summary>
internal enum UploadKind
{
    Pdf,
    Jpeg,
    Png,
    Docx,
    Xlsx,
    Text,
}

/// <summary>What an upload point accepts: the kinds, and its refusal when the name or content is not one of them.</summary>
internal sealed record UploadRule(IReadOnlyList<UploadKind> Kinds, Func<string, DomainException> WrongType)
{
    /// <summary>Dossier components and results, evidence of reports, targets and manual figures.</summary>
    public static readonly UploadRule Documents = new(
        [UploadKind.Pdf, UploadKind.Jpeg, UploadKind.Png, UploadKind.Docx, UploadKind.Xlsx],
        field => new DomainException(field, "Only PDF, JPEG, PNG, DOCX and XLSX files are accepted, and the content must match the file type."));

    /// <summary>A plan's source document (read for its text).</summary>
    public static readonly UploadRule PlanSources = new(
        [UploadKind.Docx, UploadKind.Pdf, UploadKind.Text],
        field => new DomainException(field, "The plan's document must be a .docx, .pdf or plain-text (.txt) file whose content matches its type."));
}

/// <summary>An upload that passed: the cleaned file name to keep, what it is and the content type to serve it with.</summary>
internal sealed record InspectedUpload(string FileName, UploadKind Kind, string ContentType);

/// <summary>
/// The one content check of every upload (ADR 0019): the extension chooses the kind, and the whole content
/// must then BE that kind — an Office file a macro-free OOXML package of bounded expanded size, a PDF that
/// parses without scripts, actions that start programs or embedded files, an image that decodes. The first
/// bytes alone prove nothing (a PDF header glued to HTML, a zip bomb, a .docm renamed .docx all start
/// right). Refusals are <see cref="DomainException"/>s keyed by the form field.
/// </summary>
internal static partial class UploadInspector
{
    /// <summary>What an Office package may expand to, all its parts together (counted while reading).</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;

    /// <summary>Expanded size over file size beyond which a package is a zip bomb (once it expands past <see cref="RatioFloorBytes"/>).</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Small packages may compress better than <see cref="MaxCompressionRatio"/> (empty sheets); below this the ratio is not checked.</summary>
    public const long RatioFloorBytes = 10L * 1024 * 1024;

    public const int MaxPackageEntries = 10_000;

    /// <summary>An image larger than this would need gigabytes to decode (a "pixel flood").</summary>
    public const long MaxImagePixels = 50_000_000;

    /// <summary>Packages inside packages (a chart's workbook in a .docx) are checked too, this deep.</summary>
    private const int MaxNesting = 2;

    private static readonly Dictionary<string, UploadKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = UploadKind.Pdf,
        [".jpg"] = UploadKind.Jpeg,
        [".jpeg"] = UploadKind.Jpeg,
        [".png"] = UploadKind.Png,
        [".docx"] = UploadKind.Docx,
        [".xlsx"] = UploadKind.Xlsx,
        [".txt"] = UploadKind.Text,
    };

    /// <summary>Main parts of the accepted Office kinds; the macro-enabled and template variants have other types.</summary>
    private static readonly Dictionary<UploadKind, string> MainPartTypes = new()
    {
        [UploadKind.Docx] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        [UploadKind.Xlsx] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    };

    /// <summary>Parts whose content type contains one of these carry code or controls Office can run.</summary>
    private static readonly string[] ExecutableContentTypes =
        ["macroenabled", "vbaproject", "vbadata", "ms-office.vba", "activex", "oleobject", "externallink", "x-msdownload", "x-msdos-program", "x-ms-installer"];

    /// <summary>Relationships that make Office load code, controls or a remote template.</summary>
    private static readonly string[] ExecutableRelationships =
        ["/vbaproject", "/vbaprojectsignature", "/wordvbadata", "/keymapcustomizations", "/activexcontrol", "/activexcontrolbinary", "/oleobject", "/externallink", "/attachedtemplate"];

    /// <summary>File names of parts that are code whatever content type they claim.</summary>
    private static readonly string[] ExecutableNames =
        [".exe", ".dll", ".com", ".scr", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".hta", ".msi", ".jar", ".lnk", ".cpl", ".reg"];

    /// <summary>Embedded documents Office opens without running code (checked in turn).</summary>
    private static readonly string[] EmbeddablePackages =
    [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ];

    /// <summary>PDF dictionary keys that run code, start programs, submit data or carry other files.</summary>
    private static readonly string[] PdfForbiddenKeys = ["JS", "JavaScript", "AA", "Launch", "XFA", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "RichMediaContent"];

    /// <summary>PDF action types (/S) refused wherever they appear (open action, links, outlines, annotations).</summary>
    private static readonly string[] PdfForbiddenActions = ["JavaScript", "Launch", "ImportData", "SubmitForm", "ResetForm", "RichMediaExecute", "GoToE", "GoToR", "Rendition", "Movie", "Sound"];

    /// <summary>PDF object types refused: attachments and multimedia.</summary>
    private static readonly string[] PdfForbiddenTypes = ["EmbeddedFile", "Filespec", "FileAttachment", "RichMedia", "Movie", "Sound", "Screen", "3D"];

    /// <summary>Markup that makes a browser or mail client treat the bytes as a web page (a PDF/HTML polyglot); long enough that compressed binary streams do not contain them by chance.</summary>
    private static readonly string[] Markup = ["<script", "<!doctype html", "<html>", "<html ", "<iframe", "<object", "<embed ", "javascript:"];

    /// <summary>
    /// The plain names of scripts, launches and attachments, searched in the raw bytes too: an object that a
    /// damaged cross-reference table hides from the parser is still found by a viewer that rebuilds the table.
    /// </summary>
    private static readonly string[] PdfRawNames = ["/JavaScript", "/Launch", "/EmbeddedFile"];

    /// <summary>
    /// Checks a whole upload against the rule of its upload point and returns its cleaned name, kind and
    /// content type; refuses (keyed by <paramref name="field"/>) anything else.
    /// </summary>
    public static InspectedUpload Inspect(string? fileName, byte[] content, UploadRule rule, string field = "file")
    {
        var name = CleanFileName(fileName);
        if (!Extensions.TryGetValue(Path.GetExtension(name), out var kind) || !rule.Kinds.Contains(kind))
        {
            throw rule.WrongType(field);
        }

        switch (kind)
        {
            case UploadKind.Pdf:
                CheckPdf(content, field);
                return new InspectedUpload(name, kind, "application/pdf");
            case UploadKind.Jpeg:
            case UploadKind.Png:
                CheckImage(content, kind, field);
                return new InspectedUpload(name, kind, kind == UploadKind.Png ? "image/png" : "image/jpeg");
            case UploadKind.Docx:
                CheckOffice(content, kind, field);
                return new InspectedUpload(name, kind, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            case UploadKind.Xlsx:
                CheckOffice(content, kind, field);
                return new InspectedUpload(name, kind, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            default:
                if (content.AsSpan().IndexOf((byte)0) >= 0 || !System.Text.Unicode.Utf8.IsValid(content))
                {
                    throw rule.WrongType(field);
                }

                return new InspectedUpload(name, kind, "text/plain; charset=utf-8");
        }
    }

    /// <summary>
    /// Whether the upload passes <see cref="Inspect"/>, for callers that report a bad file instead of refusing
    /// the request (the national portal's intake lists it among the submission's problems).
    /// </summary>
    public static bool Passes(string? fileName, byte[] content, UploadRule rule)
    {
        try
        {
            Inspect(fileName, content, rule);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    /// <summary>
    /// The name to keep: its last path segment only, without control characters, bidirectional overrides,
    /// zero-width and other invisible format characters (so "gnp.exe" behind U+202E cannot pass for an
    /// image), in NFC, at most 255 characters with the extension kept; "file" when nothing is left.
    /// </summary>
    public static string CleanFileName(string? fileName)
    {
        var text = (fileName ?? string.Empty).Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            kept.Append(c);
        }

        var name = kept.ToString().Normalize(NormalizationForm.FormC).Trim().TrimEnd('.', ' ');
        if (name.Length == 0 || name.Trim('.').Length == 0)
        {
            return "file";
        }

        if (name.Length > 255)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length > 16 ? string.Empty : extension;
            name = name[..(255 - extension.Length)] + extension;
        }

        return name;
    }

    private static void CheckImage(byte[] content, UploadKind kind, string field)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        var expected = kind == UploadKind.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        if (codec is null || codec.EncodedFormat != expected)
        {
            throw new DomainException(field, "The image cannot be decoded: the file is damaged or is not the image its name says.");
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxImagePixels)
        {
            throw new DomainException(field, "The image is larger than {0} megapixels.", MaxImagePixels / 1_000_000);
        }

        using var bitmap = new SKBitmap(info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new DomainException(field, "The image cannot be decoded: the file is damaged or is not the image its name says.");
        }
    }

    private static void CheckPdf(byte[] content, string field)
    {
        // A PDF ends with its trailer: a file cut short (an interrupted upload or scan) has no %%EOF at its end.
        // Lenient parsing then tolerates the slightly wrong offsets many scanners write.
        if (!content.AsSpan().StartsWith("%PDF-"u8) || content.AsSpan(Math.Max(0, content.Length - 1024)).IndexOf("%%EOF"u8) < 0)
        {
            throw new DomainException(field, "The PDF file cannot be read: it is damaged, incomplete or protected by a password.");
        }

        string? found;
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages < 1)
            {
                throw new InvalidDataException("No page.");
            }

            found = FindPdfPayload(document);
        }
        catch (Exception exception) when (exception is not DomainException and not OutOfMemoryException)
        {
            throw new DomainException(field, "The PDF file cannot be read: it is damaged, incomplete or protected by a password.");
        }

        found ??= Find(content, PdfRawNames);
        if (found is not null)
        {
            throw new DomainException(field, "The PDF file carries a script, an action that opens other files or programs, or an embedded file ({0}); it is not accepted.", found);
        }

        if (Find(content, Markup) is { } markup)
        {
            throw new DomainException(field, "The PDF file carries a web page or a script ({0}); it is not accepted.", markup);
        }
    }

    /// <summary>
    /// Visits every object of the file, those inside compressed object streams included (PdfPig reads the
    /// cross-reference table and decodes names, so <c>/J#61vaScript</c> is <c>JavaScript</c> here), and
    /// names the first forbidden key, action or object type.
    /// </summary>
    private static string? FindPdfPayload(PdfDocument document)
    {
        var structure = document.Structure;
        var visited = 0;
        foreach (var reference in structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (++visited > 1_000_000)
            {
                return "too many objects";
            }

            var found = Visit(structure.GetObject(reference).Data, 0);
            if (found is not null)
            {
                return found;
            }
        }

        return Visit(structure.Catalog.CatalogDictionary, 0);
    }

    private static string? Visit(IToken? token, int depth)
    {
        if (depth > 64)
        {
            return null;
        }

        switch (token)
        {
            case StreamToken stream:
                return Visit(stream.StreamDictionary, depth + 1);
            case ArrayToken array:
                foreach (var item in array.Data)
                {
                    if (Visit(item, depth + 1) is { } inArray)
                    {
                        return inArray;
                    }
                }

                return null;
            case DictionaryToken dictionary:
                foreach (var (key, value) in dictionary.Data)
                {
                    if (PdfForbiddenKeys.Contains(key, StringComparer.Ordinal))
                    {
                        return "/" + key;
                    }

                    if ((key == "S" && value is NameToken action && PdfForbiddenActions.Contains(action.Data, StringComparer.Ordinal))
                        || ((key == "Type" || key == "Subtype") && value is NameToken type && PdfForbiddenTypes.Contains(type.Data, StringComparer.Ordinal)))
                    {
                        return "/" + ((NameToken)value).Data;
                    }

                    if (Visit(value, depth + 1) is { } inValue)
                    {
                        return inValue;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The first of the patterns anywhere in the raw bytes (case-insensitive ASCII).</summary>
    private static string? Find(byte[] content, string[] patterns)
    {
        foreach (var markup in patterns)
        {
            var pattern = Encoding.ASCII.GetBytes(markup);
            if (IndexOfIgnoreCase(content, pattern) >= 0)
            {
                return markup;
            }
        }

        return null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> content, ReadOnlySpan<byte> lowerPattern)
    {
        var first = lowerPattern[0];
        var upperFirst = (byte)char.ToUpperInvariant((char)first);
        for (var i = 0; i <= content.Length - lowerPattern.Length; i++)
        {
            var next = content[i..].IndexOfAny(first, upperFirst);
            if (next < 0 || i + next > content.Length - lowerPattern.Length)
            {
                return -1;
            }

            i += next;
            if (Ascii.EqualsIgnoreCase(content.Slice(i, lowerPattern.Length), lowerPattern))
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckOffice(byte[] content, UploadKind kind, string field)
    {
        var budget = new ExpansionBudget(content.Length);
        CheckPackage(content, kind, field, budget, 0);
    }

    private static void CheckPackage(byte[] content, UploadKind? kind, string field, ExpansionBudget budget, int nesting)
    {
        if (!content.AsSpan().StartsWith("PK\x03\x04"u8))
        {
            throw new DomainException(field, "The Office file is not a valid document package: it is damaged or of another type.");
        }

        CheckArchive(content, field, budget);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var package = Package.Open(stream, FileMode.Open, FileAccess.Read);
            CheckParts(package, kind, field, budget, nesting);
        }
        catch (Exception exception) when (exception is not DomainException and not OutOfMemoryException)
        {
            throw new DomainException(field, "The Office file is not a valid document package: it is damaged or of another type.");
        }
    }

    /// <summary>
    /// Expands every entry, counting the bytes actually produced: the sizes in the headers are only claims
    /// (a bomb can declare 1 KB), so the count stops at the budget, and an entry that does not expand to
    /// the size it declares is a damaged (or forged) package.
    /// </summary>
    private static void CheckArchive(byte[] content, string field, ExpansionBudget budget)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxPackageEntries)
            {
                throw new DomainException(field, "The Office file has more than {0} parts.", MaxPackageEntries);
            }

            var chunk = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                if (entry.IsEncrypted)
                {
                    throw new DomainException(field, "The Office file is not a valid document package: it is damaged or of another type.");
                }

                using var entryStream = entry.Open();
                long actual = 0;
                var crc = Crc32.Start;
                int read;
                while ((read = entryStream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    actual += read;
                    budget.Add(read, field);
                    crc = Crc32.Append(crc, chunk.AsSpan(0, read));
                }

                // A reader may stop at the declared size: the checksum of what came out shows the lie.
                if (actual != entry.Length || Crc32.Finish(crc) != entry.Crc32)
                {
                    throw new DomainException(field, "The Office file is not a valid document package: it is damaged or of another type.");
                }
            }
        }
        catch (Exception exception) when (exception is not DomainException and not OutOfMemoryException)
        {
            throw new DomainException(field, "The Office file is not a valid document package: it is damaged or of another type.");
        }
    }

    private static void CheckParts(Package package, UploadKind? kind, string field, ExpansionBudget budget, int nesting)
    {
        var relationships = package.GetRelationships().ToList();
        if (kind is { } expected)
        {
            var main = relationships.FirstOrDefault(r => r.RelationshipType.EndsWith("/officeDocument", StringComparison.Ordinal) && r.TargetMode == TargetMode.Internal);
            var mainUri = main is null ? null : PackUriHelper.CreatePartUri(new Uri(main.TargetUri.OriginalString.TrimStart('/'), UriKind.Relative));
            if (mainUri is null || !package.PartExists(mainUri))
            {
                throw new DomainException(field, "The Office file is not a valid document package: it is damaged or of another type.");
            }

            var mainType = package.GetPart(mainUri).ContentType;
            if (!string.Equals(mainType, MainPartTypes[expected], StringComparison.OrdinalIgnoreCase))
            {
                throw mainType.Contains("macroenabled", StringComparison.OrdinalIgnoreCase)
                    ? Executable(field, mainType)
                    : new DomainException(field, "The Office file is not a valid document package: it is damaged or of another type.");
            }
        }

        CheckRelationships(relationships, field);
        foreach (var part in package.GetParts())
        {
            if (PackUriHelper.IsRelationshipPartUri(part.Uri))
            {
                // Read through GetRelationships below; a relationship part has none of its own.
                continue;
            }

            var path = part.Uri.OriginalString;
            var partName = Path.GetFileName(path);
            var contentType = part.ContentType;
            if (ExecutableContentTypes.Any(t => contentType.Contains(t, StringComparison.OrdinalIgnoreCase))
                || partName.StartsWith("vbaProject", StringComparison.OrdinalIgnoreCase)
                || partName.StartsWith("vbaData", StringComparison.OrdinalIgnoreCase)
                || path.Contains("/activeX/", StringComparison.OrdinalIgnoreCase)
                || ExecutableNames.Any(e => partName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                throw Executable(field, path);
            }

            if (path.Contains("/embeddings/", StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                if (!EmbeddablePackages.Contains(contentType, StringComparer.OrdinalIgnoreCase) || nesting >= MaxNesting)
                {
                    throw Executable(field, path);
                }

                using var embedded = part.GetStream(FileMode.Open, FileAccess.Read);
                using var copy = new MemoryStream();
                embedded.CopyTo(copy);
                CheckPackage(copy.ToArray(), null, field, budget, nesting + 1);
            }

            if (contentType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) || contentType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase))
            {
                CheckXml(part, path, field);
            }

            CheckRelationships(part.GetRelationships(), field);
        }
    }

    /// <summary>
    /// Every XML part must be well-formed XML without a document type (no entity expansion: a "billion
    /// laughs" part is refused, not expanded), and Word parts must not hold a DDE field.
    /// </summary>
    private static void CheckXml(PackagePart part, string path, string field)
    {
        string text;
        using (var reader = new StreamReader(part.GetStream(FileMode.Open, FileAccess.Read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd();
        }

        try
        {
            using var xml = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (xml.Read())
            {
            }
        }
        catch (XmlException)
        {
            throw new DomainException(field, "The Office file is not a valid document package: it is damaged or of another type.");
        }

        if (path.StartsWith("/word/", StringComparison.OrdinalIgnoreCase) && DdeField().IsMatch(text))
        {
            throw Executable(field, path + " (DDE)");
        }
    }

    /// <summary>External targets only as hyperlinks: a remote template, image or data source is fetched (and may run) when the file opens.</summary>
    private static void CheckRelationships(IEnumerable<PackageRelationship> relationships, string field)
    {
        foreach (var relationship in relationships)
        {
            var type = relationship.RelationshipType;
            if (ExecutableRelationships.Any(r => type.EndsWith(r, StringComparison.OrdinalIgnoreCase)))
            {
                throw Executable(field, type[(type.LastIndexOf('/') + 1)..]);
            }

            if (relationship.TargetMode == TargetMode.External && !type.EndsWith("/hyperlink", StringComparison.OrdinalIgnoreCase))
            {
                throw Executable(field, relationship.TargetUri.OriginalString);
            }
        }
    }

    private static DomainException Executable(string field, string what) =>
        new DomainException(field, "The Office file contains macros, controls, embedded programs or links that run when it opens ({0}); it is not accepted.", what);

    /// <summary>A Word field that runs another program through dynamic data exchange (DDE, DDEAUTO).</summary>
    [GeneratedRegex(@"(<w:instrText[^>]*>|w:instr=""|<instrText[^>]*>)\s*DDE", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DdeField();

    /// <summary>CRC-32 (IEEE) as zip stores it, to check each entry's bytes against its header.</summary>
    private static class Crc32
    {
        public const uint Start = 0xFFFFFFFFu;

        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            return c;
        }).ToArray();

        public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        public static uint Finish(uint crc) => ~crc;
    }

    /// <summary>The bytes a package and the packages inside it may expand to, shared by all of them.</summary>
    private sealed class ExpansionBudget(long fileLength)
    {
        private long _expanded;

        public void Add(int bytes, string field)
        {
            _expanded += bytes;
            if (_expanded > MaxUncompressedBytes || (_expanded > RatioFloorBytes && _expanded > fileLength * MaxCompressionRatio))
            {
                throw new DomainException(
                    field, "The Office file expands to more than {0} MB or more than {1} times its size (a zip bomb); it is not accepted.",
                    MaxUncompressedBytes / 1024 / 1024, MaxCompressionRatio);
            }
        }
    }
}
