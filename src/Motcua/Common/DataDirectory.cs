namespace Motcua.Common;

/// <summary>
/// Where Motcua keeps its files: the SQLite database, data-protection keys and uploaded documents.
/// <c>MOTCUA_DATA_DIR</c> wins, then <c>Motcua:DataDirectory</c>, then <c>./data</c> under the working directory.
/// </summary>
internal sealed class DataDirectory
{
    public DataDirectory(IConfiguration configuration)
    {
        var configured = Environment.GetEnvironmentVariable("MOTCUA_DATA_DIR");
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["Motcua:DataDirectory"];
        }

        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
