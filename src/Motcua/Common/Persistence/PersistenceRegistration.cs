using Microsoft.EntityFrameworkCore;

namespace Motcua.Common.Persistence;

internal static class PersistenceRegistration
{
    /// <summary>Resolves the provider and connection string once, for every area.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) ResolveDatabase(IConfiguration configuration, DataDirectory dataDirectory)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (options.Provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    "Motcua:Database:ConnectionString is required when Motcua:Database:Provider is Postgres.");
            }

            connectionString = $"Data Source={dataDirectory.Combine("motcua.db")}";
        }

        return (options.Provider, connectionString);
    }

    /// <summary>
    /// Registers an area context: callers depend on <typeparamref name="TContext"/>; the instance is the
    /// provider's subclass so that its migrations are the ones applied. Contexts are pooled: every request
    /// of the one-stop desk uses one or two, and building them is a measurable part of a request.
    /// </summary>
    public static IServiceCollection AddAreaDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, DatabaseProvider provider, string connectionString)
        where TContext : DbContext, IAreaDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<TContext, TPostgres>(o => AreaDbContextOptions.Configure<TContext>(o, provider, connectionString));
        }
        else
        {
            services.AddDbContextPool<TContext, TSqlite>(o => AreaDbContextOptions.Configure<TContext>(o, provider, connectionString));
        }

        services.AddSingleton(new MigratedContext(typeof(TContext)));
        return services;
    }
}

/// <summary>Marks a context whose migrations are applied at start.</summary>
internal sealed record MigratedContext(Type ContextType);
