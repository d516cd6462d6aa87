using System.Globalization;
using System.Security.Cryptography;
using Motcua.Common;
using Motcua.Common.Files;

namespace Motcua.Plans;

/// <summary>
/// Files of the plans area (source documents, evidence) under the data directory's <c>plans</c> folder,
/// never under wwwroot: the size is limited and the whole content is checked (<see cref="UploadInspector"/>),
/// not trusted from the name; the stored name is random, the cleaned original name is kept in the database.
/// The callers delete a stored file again when the database does not accept its record.
/// </summary>
internal sealed class StoredFiles(DataDirectory data, TimeProvider time)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Files written in this scope (one request) whose records are not known to be saved yet.</summary>
    private readonly List<string> _written = [];

    public Task<StoredFile> SaveEvidenceAsync(string fileName, Stream content, CancellationToken cancellationToken) =>
        SaveAsync("evidence", fileName, content, UploadRule.Documents, cancellationToken);

    public Task<StoredFile> SaveSourceAsync(string fileName, Stream content, CancellationToken cancellationToken) =>
        SaveAsync("sources", fileName, content, UploadRule.PlanSources, cancellationToken);

    public Stream Open(string storedPath) => File.OpenRead(data.Combine("plans", storedPath));

    /// <summary>
    /// Deletes the files this scope wrote: the caller's save failed or a later file was refused, so no
    /// record points to them (a rejected upload leaves nothing on disk).
    /// </summary>
    public void DiscardUnsaved()
    {
        foreach (var path in _written)
        {
            File.Delete(path);
        }

        _written.Clear();
    }

    public void Delete(string storedPath)
    {
        var path = data.Combine("plans", storedPath);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private async Task<StoredFile> SaveAsync(string folder, string fileName, Stream content, UploadRule rule, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await CopyLimitedAsync(content, buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new DomainException("file", "The file must be from 1 byte to {0} MB.", MaxBytes / 1024 / 1024);
        }

        var inspected = UploadInspector.Inspect(fileName, bytes, rule);
        var now = VietnamTime.Now(time);
        var relative = Path.Combine(folder, now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N"));
        var path = data.Combine("plans", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _written.Add(path);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return new StoredFile(inspected.FileName, inspected.ContentType, relative, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
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
