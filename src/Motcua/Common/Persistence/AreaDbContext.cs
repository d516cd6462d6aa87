using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Motcua.Common.Persistence;

/// <summary>
/// Each business area owns one DbContext and its tables. A provider-specific subclass carries that
/// provider's migrations (EF Core finds migrations by context type), so SQLite and PostgreSQL each
/// get schema changes written for them. On PostgreSQL every area lives in its own schema; SQLite has
/// no schemas, so areas prefix nothing and keep table names unique by convention instead.
/// </summary>
internal interface IAreaDbContext
{
    /// <summary>The area name, used for the PostgreSQL schema and the migrations history table.</summary>
    static abstract string Area { get; }
}

internal static class AreaDbContextOptions
{
    public static void Configure<TArea>(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
        where TArea : IAreaDbContext
    {
        var historyTable = $"__ef_migrations_{TArea.Area}";
        options.AddInterceptors(DatabaseWrites.Interceptors);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(PostgresConnections.Tune(connectionString), npgsql => npgsql.MigrationsHistoryTable(historyTable, TArea.Area));
                break;
            default:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(historyTable));
                break;
        }
    }

    public static void ApplySchema<TArea>(ModelBuilder modelBuilder, DatabaseFacade database)
        where TArea : IAreaDbContext
    {
        if (database.IsNpgsql())
        {
            modelBuilder.HasDefaultSchema(TArea.Area);
        }
    }

    /// <summary>
    /// For areas that keep Vietnam wall-clock times (deadlines, office hours, dossier events): on PostgreSQL
    /// they are stored as <c>timestamp without time zone</c>, exactly as read and written, never shifted.
    /// Call at the end of <c>OnModelCreating</c>.
    /// </summary>
    public static void UseLocalTimestamps(ModelBuilder modelBuilder, DatabaseFacade database)
    {
        if (!database.IsNpgsql())
        {
            return;
        }

        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)))
        {
            property.SetColumnType("timestamp without time zone");
        }
    }
}
