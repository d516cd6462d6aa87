using System.Diagnostics;
using MiniExcelLibs;

namespace Motcua.IntegrationTests;

/// <summary>
/// The command-line mode of the real executable, run as a separate process on a fresh SQLite data
/// directory exactly as an administrator would run it (password on standard input, files by path).
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "motcua-cli-" + Guid.NewGuid().ToString("N"));

    public CommandLineTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task Admin_create_reads_the_password_from_standard_input_and_refuses_weak_passwords_and_duplicates()
    {
        var weak = await RunAsync("short\n", "admin", "create", "--username", "quantri");
        var created = await RunAsync("Mat-khau-quan-tri-1\n", "admin", "create", "--username", "quantri");
        var duplicate = await RunAsync("Mat-khau-quan-tri-1\n", "admin", "create", "--username", "quantri");
        var missing = await RunAsync(string.Empty, "admin", "create");

        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("10", weak.Error, StringComparison.Ordinal);
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Created system administrator quantri.", created.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("quantri", duplicate.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--username", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_exits_0_on_intact_chains_and_1_naming_the_entry_edited_in_the_database()
    {
        await RunAsync("Mat-khau-quan-tri-1\n", "admin", "create", "--username", "kiemtoan");
        var intact = await RunAsync(string.Empty, "audit", "verify");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "motcua.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit_entries SET \"ActorName\" = 'someone-else' WHERE \"Sequence\" = 1";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var broken = await RunAsync(string.Empty, "audit", "verify");

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("Intact:", intact.Output, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Matches(@"audit \d{4}-\d{2}-\d{2}: entry #1 edited", broken.Error);
    }

    [Fact]
    public async Task Demo_seed_fills_an_empty_database_once_and_prints_each_password_once()
    {
        var first = await RunAsync(string.Empty, "demo", "seed");
        var second = await RunAsync(string.Empty, "demo", "seed");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("18 users", first.Output, StringComparison.Ordinal);
        Assert.Equal(18, first.Output.Split('\n').Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^[a-z0-9.]+\s+[A-Za-z0-9]{12,}\s+(UnitAdmin|ReformOfficer|Leader|ReceivingOfficer|Specialist)\s")));
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("only fills an empty database", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("qt.tinh", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Units_import_accepts_xlsx_and_rejects_a_bad_workbook_whole()
    {
        var good = Workbook("good.xlsx",
            ("T1", "Tỉnh Thử", "province", null, "2000-01-01"),
            ("T1X", "Xã Hòa Bình", "commune", "T1", "01/07/2025"),
            ("T1P", "Phường Tân Tiến", "phường", "T1", "2025-07-01"));
        var bad = Workbook("bad.xlsx",
            ("T2", "Tỉnh Khác", "province", null, "2000-01-01"),
            ("T2X", "Xã Lỗi", "commune", "KHONGCO", "2025-07-01"));

        var rejected = await RunAsync(string.Empty, "units", "import", bad);
        var imported = await RunAsync(string.Empty, "units", "import", good);
        var again = await RunAsync(string.Empty, "units", "import", good);
        var notAFile = await RunAsync(string.Empty, "units", "import", Path.Combine(_directory, "missing.xlsx"));

        Assert.NotEqual(0, rejected.ExitCode);
        Assert.Contains("nothing was imported", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("Row 3", rejected.Error, StringComparison.Ordinal);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("3 created, 0 updated", imported.Output, StringComparison.Ordinal);
        Assert.Contains("0 created, 3 updated", again.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, notAFile.ExitCode);
    }

    [Fact]
    public async Task An_unknown_command_prints_the_usage()
    {
        var help = await RunAsync(string.Empty, "help");
        var wrong = await RunAsync(string.Empty, "units", "explode");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("admin create", help.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("admin create", wrong.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private string Workbook(string name, params (string Code, string Name, string Kind, string? Parent, string ValidFrom)[] rows)
    {
        var path = Path.Combine(_directory, name);
        MiniExcel.SaveAs(path, rows.Select(r => new Dictionary<string, object?>
        {
            ["code"] = r.Code,
            ["name"] = r.Name,
            ["kind"] = r.Kind,
            ["parentCode"] = r.Parent,
            ["validFrom"] = r.ValidFrom,
        }).ToList());
        return path;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Motcua.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MOTCUA_DATA_DIR"] = _directory;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
