namespace Motcua.Common.Persistence;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the <c>Motcua:Database</c> section (env: <c>Motcua__Database__Provider</c> …).</summary>
internal sealed class DatabaseOptions
{
    public const string SectionName = "Motcua:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty for SQLite means <c>{data directory}/motcua.db</c>.</summary>
    public string? ConnectionString { get; set; }
}
