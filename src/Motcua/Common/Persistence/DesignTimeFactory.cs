using Microsoft.EntityFrameworkCore;

namespace Motcua.Common.Persistence;

/// <summary>
/// Used only by <c>dotnet ef migrations add</c>: the connection strings are placeholders, nothing connects.
/// Each provider-specific context has a one-line factory deriving from these.
/// </summary>
internal abstract class SqliteDesignTimeFactory<TArea, TContext>
    : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<TContext>
    where TArea : IAreaDbContext
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        AreaDbContextOptions.Configure<TArea>(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}

internal abstract class PostgresDesignTimeFactory<TArea, TContext>
    : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<TContext>
    where TArea : IAreaDbContext
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        AreaDbContextOptions.Configure<TArea>(builder, DatabaseProvider.Postgres, "Host=localhost;Database=design_time");
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}
