using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Motcua.Common;
using Motcua.Common.Files;

namespace Motcua.Common.Tabular;

/// <summary>One data row of an imported file: its 1-based line (row) number as a person sees it, and its cells by lower-cased header.</summary>
internal sealed record TabularRow(int Number, IReadOnlyDictionary<string, string?> Cells)
{
    public string? Get(string column) => Cells.TryGetValue(column.ToLowerInvariant(), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// Reads CSV (UTF-8, comma or semicolon separated, RFC 4180 quoting) or XLSX (first sheet) with a header
/// row, so every import in Motcua accepts both formats with the same column names.
/// </summary>
internal static class TabularFile
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly UploadRule Workbook = new([UploadKind.Xlsx], field => new DomainException(field, "The file is not a readable .xlsx workbook."));

    /// <summary>An uploaded import file: present, not too large, then read as .csv or .xlsx.</summary>
    public static IReadOnlyList<TabularRow> ReadUpload(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            throw new DomainException("file", "Choose a .csv or .xlsx file.");
        }

        if (file.Length > MaxBytes)
        {
            throw new DomainException("file", "The file is larger than {0} MB.", (MaxBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture));
        }

        using var stream = file.OpenReadStream();
        return Read(stream, file.FileName);
    }

    public static IReadOnlyList<TabularRow> Read(Stream stream, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(stream),
            ".xlsx" => ReadXlsx(stream),
            _ => throw new DomainException("file", "Unsupported file type {0}: use .csv or .xlsx.", extension),
        };
    }

    private static List<TabularRow> ReadXlsx(Stream stream)
    {
        var rows = new List<TabularRow>();
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            // A workbook is a zip package: bounded expansion and no macros before MiniExcel reads it.
            UploadInspector.Inspect("import.xlsx", buffer.ToArray(), Workbook);
            buffer.Position = 0;
            var number = 1;
            foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: true, excelType: ExcelType.XLSX))
            {
                number++;
                var cells = row.ToDictionary(c => c.Key.Trim().ToLowerInvariant(), c => FormatCell(c.Value));
                if (cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add(new TabularRow(number, cells));
            }
        }
        catch (Exception exception) when (exception is not DomainException)
        {
            throw new DomainException("file", "The file is not a readable .xlsx workbook.");
        }

        return rows;
    }

    private static string? FormatCell(object? value) => value switch
    {
        null => null,
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static List<TabularRow> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var records = ParseCsv(text);
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var rows = new List<TabularRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var cells = new Dictionary<string, string?>();
            for (var i = 0; i < header.Length; i++)
            {
                cells[header[i]] = i < fields.Count ? fields[i] : null;
            }

            rows.Add(new TabularRow(line, cells));
        }

        return rows;
    }

    /// <summary>RFC 4180 with the separator guessed from the header line (Vietnamese Excel exports use ';').</summary>
    internal static List<(int Line, List<string> Fields)> ParseCsv(string text)
    {
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';

        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((recordLine, fields));
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new DomainException("file", "Line {0}: a quoted value is not closed.", recordLine);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>A whole file rejected: every row-level message, nothing applied.</summary>
internal sealed class ImportRejectedException(IReadOnlyList<string> errors) : Exception("The file was rejected; nothing was imported.")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Writes tables in the formats <see cref="TabularFile"/> reads back (export → edit → import).</summary>
internal static class TabularWriter
{
    public static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        // A byte-order mark makes Excel open the UTF-8 file with its Vietnamese letters intact.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < columns.Count; i++)
            {
                record[columns[i]] = i < row.Count ? row[i] : null;
            }

            return record;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string Quote(string? value) =>
        value is null ? string.Empty
        : value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
