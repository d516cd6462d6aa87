using System.Globalization;
using System.IO.Compression;
using System.IO.Packaging;
using System.Text;
using SkiaSharp;

namespace Motcua.UnitTests.Common;

/// <summary>Real files built in memory: valid ones, and each kind of hostile one the upload check must refuse.</summary>
internal static class SampleFiles
{
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    private static readonly Lazy<byte[]> BombBytes = new(() => Bomb(200L * 1024 * 1024));

    /// <summary>A one-page PDF with correct cross-references; <paramref name="catalogExtra"/> goes into the catalogue, <paramref name="objects"/> become objects 5, 6, ….</summary>
    public static byte[] Pdf(string catalogExtra = "", params string[] objects)
    {
        const string Content = "BT /F1 12 Tf 20 100 Td (Bien ban) Tj ET";
        string[] all =
        [
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
            $"<< /Length {Content.Length} >>\nstream\n{Content}\nendstream",
            .. objects,
        ];
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < all.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(text.ToString()));
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{all[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(text.ToString());
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {all.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {all.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    public static byte[] Png(int width = 4, int height = 3) => Image(SKEncodedImageFormat.Png, width, height);

    public static byte[] Jpeg() => Image(SKEncodedImageFormat.Jpeg, 4, 3);

    /// <summary>A Word document built part by part (as Word writes it); <paramref name="extra"/> adds parts to the open package.</summary>
    public static byte[] Docx(Action<Package, PackagePart>? extra = null, string mainType = WordMain, string body = "Biên bản kiểm tra")
    {
        using var stream = new MemoryStream();
        using (var package = Package.Open(stream, FileMode.Create, FileAccess.ReadWrite))
        {
            var main = package.CreatePart(new Uri("/word/document.xml", UriKind.Relative), mainType, CompressionOption.Normal);
            using (var writer = new StreamWriter(main.GetStream(FileMode.Create, FileAccess.Write), new UTF8Encoding(false)))
            {
                writer.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>""");
            }

            package.CreateRelationship(main.Uri, TargetMode.Internal, OfficeDocument);
            extra?.Invoke(package, main);
        }

        return stream.ToArray();
    }

    /// <summary>A part of the given type and content with a relationship from the main part.</summary>
    public static void AddPart(Package package, PackagePart main, string path, string contentType, string relationshipType, byte[] content)
    {
        var part = package.CreatePart(new Uri(path, UriKind.Relative), contentType, CompressionOption.Normal);
        using (var partStream = part.GetStream(FileMode.Create, FileAccess.Write))
        {
            partStream.Write(content);
        }

        main.CreateRelationship(part.Uri, TargetMode.Internal, relationshipType);
    }

    /// <summary>A docx with a 200 MB part of zeros: about 200 KB on disk (built once per run).</summary>
    public static byte[] ZipBomb() => BombBytes.Value;

    /// <summary>
    /// A docx whose main part's sizes (local header and central directory) claim <paramref name="claimed"/>
    /// bytes: a reader that trusted them would see a tiny package.
    /// </summary>
    public static byte[] WithLyingSize(byte[] package, string entryName, uint claimed)
    {
        var bytes = (byte[])package.Clone();
        var name = Encoding.ASCII.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04
                && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name) && BitConverter.ToUInt16(bytes, i + 26) == name.Length)
            {
                BitConverter.GetBytes(claimed).CopyTo(bytes, i + 22);
                patched++;
            }
            else if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02
                && i + 46 + name.Length <= bytes.Length && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name) && BitConverter.ToUInt16(bytes, i + 28) == name.Length)
            {
                BitConverter.GetBytes(claimed).CopyTo(bytes, i + 24);
                patched++;
            }
        }

        return patched == 2 ? bytes : throw new InvalidOperationException($"{entryName}: {patched} headers patched.");
    }

    private static byte[] Bomb(long zeros)
    {
        var docx = Docx();
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.CreateEntry("word/media/filler.xml", CompressionLevel.Optimal);
            using var entryStream = entry.Open();
            var chunk = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += chunk.Length)
            {
                entryStream.Write(chunk);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Image(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
