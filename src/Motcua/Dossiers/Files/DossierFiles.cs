using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Motcua.Common;
using Motcua.Common.Files;
using Motcua.Dossiers.Data;

namespace Motcua.Dossiers.Files;

/// <summary>A scanned or uploaded file: a component of the dossier (against a checklist line) or its result.</summary>
internal sealed class DossierFile
{
    public Guid Id { get; set; }

    public Guid DossierId { get; set; }

    /// <summary>The checklist line it belongs to; null for the result.</summary>
    public string? DocumentName { get; set; }

    public bool IsResult { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Relative to the data directory's <c>files</c> folder, outside the web root.</summary>
    public string StoredPath { get; set; } = string.Empty;

    public DateTime UploadedAt { get; set; }

    public string UploadedBy { get; set; } = string.Empty;
}

internal sealed record FileUpload(string FileName, Stream Content, long Length, string? DocumentName, bool IsResult);

/// <summary>
/// Stores dossier files under the data directory (never under wwwroot) after checking size and the whole
/// content (<see cref="UploadInspector"/>: a renamed executable, a macro document, a PDF with a script are
/// refused), and marks the checklist line as provided and digitised. Only callers who may see the dossier
/// reach these methods; they <see cref="Delete"/> the file again when the dossier's save fails.
/// </summary>
internal sealed class DossierFileStore(DossiersDbContext db, DataDirectory data, TimeProvider time)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The cleaned name and content type if the whole content is an accepted file of its type; otherwise a refusal keyed by <paramref name="field"/>.</summary>
    public static InspectedUpload Inspect(string fileName, byte[] content, string field = "file") =>
        UploadInspector.Inspect(fileName, content, UploadRule.Documents, field);

    public async Task<DossierFile> SaveAsync(Dossier dossier, FileUpload upload, string actor, CancellationToken cancellationToken)
    {
        if (upload.Length <= 0 || upload.Length > MaxBytes)
        {
            throw new DomainException("file", "The file must be from 1 byte to {0} MB.", MaxBytes / 1024 / 1024);
        }

        if (!upload.IsResult && (upload.DocumentName is null || dossier.Documents.All(d => d.Name != upload.DocumentName)))
        {
            throw new DomainException("documentName", "{0} is not on this procedure's checklist.", upload.DocumentName ?? string.Empty);
        }

        using var buffer = new MemoryStream();
        await upload.Content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var inspected = Inspect(upload.FileName, bytes);
        var now = VietnamTime.Now(time);
        var id = Guid.NewGuid();
        var relative = Path.Combine(now.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture), now.ToString("MM", System.Globalization.CultureInfo.InvariantCulture), id.ToString("N"));
        var path = data.Combine("files", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        var file = new DossierFile
        {
            Id = id,
            DossierId = dossier.Id,
            DocumentName = upload.IsResult ? null : upload.DocumentName,
            IsResult = upload.IsResult,
            FileName = inspected.FileName,
            ContentType = inspected.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            StoredPath = relative,
            UploadedAt = now,
            UploadedBy = actor,
        };
        db.Add(file);
        if (!upload.IsResult)
        {
            dossier.Provide([new ProvidedDocument(upload.DocumentName!, true, true, false)]);
        }

        return file;
    }

    /// <summary>Whether the file's record reached the database (false while it is only added, or after a failed save cleared it).</summary>
    public bool IsSaved(DossierFile file) => db.Entry(file).State is EntityState.Unchanged or EntityState.Modified;

    /// <summary>Removes a stored file whose record was never saved (the dossier it came with was not created).</summary>
    public void Delete(DossierFile file)
    {
        db.Entry(file).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        File.Delete(data.Combine("files", file.StoredPath));
    }

    public async Task<IReadOnlyList<DossierFile>> ListAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.Set<DossierFile>().AsNoTracking().Where(f => f.DossierId == dossierId).OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);

    public async Task<(DossierFile File, Stream Content)?> OpenAsync(Guid dossierId, Guid fileId, CancellationToken cancellationToken)
    {
        var file = await db.Set<DossierFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.DossierId == dossierId, cancellationToken);
        return file is null ? null : (file, File.OpenRead(data.Combine("files", file.StoredPath)));
    }
}
