using System.Globalization;
using System.Security.Cryptography;
using Motcua.Common;

namespace Motcua.Plans;

/// <summary>
/// Files of the plans area (source documents, evidence) under the data directory's <c>plans</c> folder,
/// never under wwwroot: the size is limited and the type is read from the first bytes, not trusted from
/// the name; the stored name is random, the original name is kept in the database.
/// </summary>
internal sealed class StoredFiles(DataDirectory data, TimeProvider time)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly (string Extension, string ContentType, byte[] Magic)[] Evidence =
    [
        (".pdf", "application/pdf", "%PDF-"u8.ToArray()),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
    ];

    private static readonly (string Extension, string ContentType, byte[] Magic)[] Sources =
    [
        (".pdf", "application/pdf", "%PDF-"u8.ToArray()),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
    ];

    /// <summary>The content type if the extension is an evidence type and the first bytes match it; otherwise null.</summary>
    public static string? SniffEvidence(string fileName, ReadOnlySpan<byte> head) => Sniff(Evidence, fileName, head);

    /// <summary>A plan's source: .docx, .pdf, or plain UTF-8 text (.txt, no NUL bytes).</summary>
    public static string? SniffSource(string fileName, ReadOnlySpan<byte> content)
    {
        if (Path.GetExtension(fileName).Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return content.IndexOf((byte)0) < 0 && System.Text.Unicode.Utf8.IsValid(content) ? "text/plain; charset=utf-8" : null;
        }

        return Sniff(Sources, fileName, content[..Math.Min(content.Length, 16)]);
    }

    public Task<StoredFile> SaveEvidenceAsync(string fileName, Stream content, CancellationToken cancellationToken) =>
        SaveAsync("evidence", fileName, content, (name, bytes) => SniffEvidence(name, bytes[..Math.Min(bytes.Length, 16)])
            ?? throw new DomainException("file", "Only PDF, JPEG, PNG, DOCX and XLSX files are accepted, and the content must match the file type."), cancellationToken);

    public Task<StoredFile> SaveSourceAsync(string fileName, Stream content, CancellationToken cancellationToken) =>
        SaveAsync("sources", fileName, content, (name, bytes) => SniffSource(name, bytes)
            ?? throw new DomainException("file", "The plan's document must be a .docx, .pdf or plain-text (.txt) file whose content matches its type."), cancellationToken);

    public Stream Open(string storedPath) => File.OpenRead(data.Combine("plans", storedPath));

    public void Delete(string storedPath)
    {
        var path = data.Combine("plans", storedPath);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static string? Sniff((string Extension, string ContentType, byte[] Magic)[] allowed, string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var (allowedExtension, contentType, magic) in allowed)
        {
            if (allowedExtension == extension && head.StartsWith(magic))
            {
                return contentType;
            }
        }

        return null;
    }

    /// <summary>The file's content type, or a refusal (thrown).</summary>
    private delegate string ContentTypeOf(string fileName, ReadOnlySpan<byte> content);

    private async Task<StoredFile> SaveAsync(string folder, string fileName, Stream content, ContentTypeOf contentTypeOf, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await CopyLimitedAsync(content, buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new DomainException("file", "The file must be from 1 byte to {0} MB.", MaxBytes / 1024 / 1024);
        }

        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var contentType = contentTypeOf(name, bytes);
        var now = VietnamTime.Now(time);
        var relative = Path.Combine(folder, now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N"));
        var path = data.Combine("plans", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return new StoredFile(name.Length > 255 ? name[^255..] : name, contentType, relative, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Copies at most <see cref="MaxBytes"/>; a longer stream is refused without reading it all.</summary>
    private static async Task CopyLimitedAsync(Stream content, MemoryStream buffer, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new DomainException("file", "The file must be from 1 byte to {0} MB.", MaxBytes / 1024 / 1024);
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
