using Motcua.Common.Documents;

namespace Motcua.UnitTests.Documents;

/// <summary>
/// Writes the sample documents to the folder named by MOTCUA_DOCUMENTS_OUT, to look at them in Word,
/// LibreOffice or a PDF viewer after changing the layout (see docs/documents.md). Does nothing otherwise.
/// </summary>
public sealed class SampleOutput
{
    [Fact]
    public void Samples_are_written_when_asked()
    {
        var folder = Environment.GetEnvironmentVariable("MOTCUA_DOCUMENTS_OUT");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var samples = new Dictionary<string, OfficialDocument>
        {
            ["receipt"] = SampleDocuments.Receipt(),
            ["letter"] = SampleDocuments.Letter(new DateOnly(2026, 2, 9)),
        };
        foreach (var (name, document) in samples)
        {
            File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), PdfRenderer.Render(document));
            File.WriteAllBytes(Path.Combine(folder, name + ".docx"), DocxRenderer.Render(document));
        }
    }
}
