using Motcua.Cli;
using Motcua.Common.Persistence;
using Serilog;

namespace Motcua;

/// <summary>
/// One executable, two modes: with no command it serves the web application; with a command
/// (<c>motcua admin create …</c>, <c>motcua demo seed</c>, …) it runs that against the same
/// configuration and database and exits.
/// </summary>
internal static class MotcuaProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = CommandLine.Parse(args);
        var app = MotcuaApp.Build(command is null ? args : command.HostArguments, commandLineMode: command is not null);
        try
        {
            await InitialiseAsync(app.Services);
            if (command is not null)
            {
                return await CommandLine.RunAsync(command, app.Services);
            }

            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not HostAbortedException)
        {
            Log.Fatal(exception, "Motcua stopped unexpectedly");
            await Console.Error.WriteLineAsync($"Motcua stopped: {exception.Message}");
            return 1;
        }
        finally
        {
            await app.DisposeAsync();
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Brings the database up to date and makes sure the roles exist; run before serving or a command.</summary>
    public static async Task InitialiseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await Access.SetupState.EnsureRolesAsync(services, cancellationToken);
        await Indexes.IndexesModule.InitialiseAsync(services, cancellationToken);
    }
}
