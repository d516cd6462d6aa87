using System.Globalization;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;
using Motcua.Calendar.ImportOverrides;
using Motcua.Common;
using Motcua.Common.Tabular;
using Motcua.DemoData;
using Motcua.Organisation.ImportUnits;
using Motcua.Procedures.ImportProcedures;

namespace Motcua.Cli;

internal sealed record Command(string Name, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Options)
{
    public string[] HostArguments { get; init; } = [];
}

/// <summary>
/// The command-line mode of the same executable (<c>dotnet run --project src/Motcua -- COMMAND</c>).
/// Commands act as the system and write their results to stdout; errors go to stderr with exit code 1
/// (2 for a usage error).
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: motcua [COMMAND]        (no command: serve the web application)

          admin create --username NAME [--full-name "Full Name"] [--unit CODE]
                                      create a system administrator; the password is read from stdin
          demo seed                   fill an EMPTY database with a demo province, units and users
          units import FILE           import administrative units from .csv or .xlsx (all or nothing)
          calendar import FILE        import calendar overrides from .csv or .xlsx (all or nothing)
          procedures import FILE      import the procedure catalogue from .csv or .xlsx (all or nothing;
                                      one row per required document, see docs/one-stop.md)
          dossiers import FILE [--dry-run] [--skip-invalid]
                                      import historical dossiers (JSON Lines) into the indexes; all or
                                      nothing unless --skip-invalid; --dry-run only validates
          audit verify                check every hash chain (audit log, dossier events); exit code 1 and
                                      the first broken entry of each chain when one was edited, deleted or
                                      reordered (ADR 0016)
          indexes rebuild             recount every index counter from the dossier facts (after a
                                      reorganisation of units, or to check the incremental counters)
          migrate                     apply database migrations and exit
          help                        show this text
        """;

    private static readonly string[] Known = ["admin", "demo", "units", "calendar", "procedures", "dossiers", "indexes", "audit", "migrate", "help", "--help", "-h"];

    /// <summary>Null when the arguments do not name a command, i.e. serve.</summary>
    public static Command? Parse(string[] args)
    {
        if (args.Length == 0 || !Known.Contains(args[0]))
        {
            return null;
        }

        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Length > 2)
            {
                var name = args[i][2..];
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    options[name[..equals]] = name[(equals + 1)..];
                }
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    options[name] = args[++i];
                }
                else
                {
                    options[name] = "true";
                }
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return new Command(string.Join(' ', positional.Take(2)), positional.Skip(2).ToList(), options);
    }

    public static async Task<int> RunAsync(Command command, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        if (command.Name.EndsWith(" import", StringComparison.Ordinal))
        {
            // Imports from the command line are audited like those over HTTP; the actor is the operating-system user.
            var record = new Audit.Contracts.AuditRecord(Audit.Contracts.AuditActions.Import, "file", string.Join(' ', command.Arguments), "command line: " + command.Name)
            {
                ActorName = "cli:" + Environment.UserName,
            };
            await provider.GetRequiredService<Audit.Contracts.IAuditTrail>().RecordAsync(record);
        }

        try
        {
            switch (command.Name)
            {
                case "admin create":
                    return await CreateAdministratorAsync(command, provider);
                case "demo seed":
                    await provider.GetRequiredService<DemoSeeder>().SeedAsync(Console.Out);
                    return 0;
                case "units import" when command.Arguments.Count == 1:
                    {
                        var result = await provider.GetRequiredService<UnitImporter>().ImportAsync(ReadFile(command.Arguments[0]));
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported units: {result.Created} created, {result.Updated} updated, {result.Successions} succession link(s)."));
                        return 0;
                    }

                case "calendar import" when command.Arguments.Count == 1:
                    {
                        var count = await provider.GetRequiredService<OverrideImporter>().ImportAsync(ReadFile(command.Arguments[0]));
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {count} calendar override(s)."));
                        return 0;
                    }

                case "procedures import" when command.Arguments.Count == 1:
                    {
                        var result = await provider.GetRequiredService<ProcedureImporter>().ImportAsync(ReadFile(command.Arguments[0]));
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported procedures: {result.Created} created, {result.Updated} updated ({result.Variants} variant(s), {result.Documents} required document(s))."));
                        return 0;
                    }

                case "dossiers import" when command.Arguments.Count == 1:
                    return await ImportDossiersAsync(command, provider);
                case "indexes rebuild":
                    {
                        var maintenance = provider.GetRequiredService<Indexes.IndexMaintenance>();
                        await maintenance.RefreshScopesAsync();
                        await maintenance.RebuildAsync();
                        Console.WriteLine("Index counters rebuilt from the dossier facts.");
                        return 0;
                    }

                case "audit verify":
                    return await VerifyAuditAsync(provider);
                case "migrate":
                    Console.WriteLine("The database is up to date.");
                    return 0;
                case "help" or "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (DomainException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message is { } m ? string.Format(CultureInfo.InvariantCulture, m, [.. exception.Arguments]) : "Error");
            return 1;
        }
        catch (ImportRejectedException exception)
        {
            await Console.Error.WriteLineAsync("The file was rejected; nothing was imported:");
            foreach (var error in exception.Errors)
            {
                await Console.Error.WriteLineAsync("  " + error);
            }

            return 1;
        }
        catch (FileNotFoundException exception)
        {
            await Console.Error.WriteLineAsync($"File not found: {exception.FileName}");
            return 1;
        }
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider provider)
    {
        var report = await provider.GetRequiredService<Audit.Verify.AuditVerification>().VerifyAsync("command line");
        if (report.Intact)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Intact: {report.Chains} chain(s), {report.Entries} entries verified."));
            return 0;
        }

        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"BROKEN: {report.Breaks.Count} of {report.Chains} chain(s); the first broken entry of each:"));
        foreach (var broken in report.Breaks)
        {
            await Console.Error.WriteLineAsync("  " + broken);
        }

        return 1;
    }

    private static async Task<int> ImportDossiersAsync(Command command, IServiceProvider provider)
    {
        var path = command.Arguments[0];
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("File not found.", path);
        }

        var options = new Indexes.ImportDossiers.ImportOptions(
            command.Options.ContainsKey("dry-run"),
            command.Options.ContainsKey("skip-invalid"),
            (lines, elapsed) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {lines:N0} lines read ({lines / Math.Max(elapsed.TotalSeconds, 0.001):N0} lines/s)")));
        var report = await provider.GetRequiredService<Indexes.ImportDossiers.DossierImporter>().ImportAsync(() => File.OpenRead(path), options);
        foreach (var problem in report.Problems)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  line {problem.Line}: {string.Format(CultureInfo.InvariantCulture, problem.Message, problem.Arguments)}"));
        }

        if (report.DryRun)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dry run: {report.Lines} line(s), {report.Valid} valid, {report.Lines - report.Valid} with problems; nothing was imported."));
            return report.Problems.Count == 0 ? 0 : 1;
        }

        if (!report.Imported)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The file was rejected ({report.Problems.Count} problem(s)); nothing was imported. Use --skip-invalid to import the valid lines."));
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported dossiers: {report.Created} created, {report.Updated} updated, {report.Skipped} line(s) skipped."));
        return 0;
    }

    private static List<TabularRow> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return [.. TabularFile.Read(stream, path)];
    }

    private static async Task<int> CreateAdministratorAsync(Command command, IServiceProvider provider)
    {
        if (!command.Options.TryGetValue("username", out var userName) || string.IsNullOrWhiteSpace(userName))
        {
            await Console.Error.WriteLineAsync("admin create needs --username NAME; the password is read from standard input.");
            return 2;
        }

        var password = ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password was given on standard input.");
            return 2;
        }

        var administration = provider.GetRequiredService<UserAdministration>();
        var fullName = command.Options.GetValueOrDefault("full-name") ?? userName;
        var user = await administration.CreateAsync(
            new UserInput(userName, fullName, null, command.Options.GetValueOrDefault("unit"), null, [Roles.SystemAdmin]), password);
        Console.WriteLine($"Created system administrator {user.UserName}.");
        return 0;
    }

    /// <summary>Reads one line from stdin; at a terminal it prompts and does not echo.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine()?.TrimEnd('\r');
        }

        Console.Error.Write("Password: ");
        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return buffer.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && buffer.Length > 0)
            {
                buffer.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                buffer.Append(key.KeyChar);
            }
        }
    }
}
