using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;

namespace Motcua.Access.Data;

internal class AccessDbContext(DbContextOptions options) : IdentityDbContext<MotcuaUser, MotcuaRole, Guid>(options), IAreaDbContext
{
    public static string Area => "access";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        AreaDbContextOptions.ApplySchema<AccessDbContext>(builder, Database);
        base.OnModelCreating(builder);
        builder.Entity<MotcuaUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(200);
            user.Property(u => u.JobTitle).HasMaxLength(200);
            user.HasIndex(u => u.UnitId);
        });
    }
}

internal sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options) : AccessDbContext(options);

internal sealed class PostgresAccessDbContext(DbContextOptions<PostgresAccessDbContext> options) : AccessDbContext(options);

internal sealed class SqliteAccessDesignTimeFactory : SqliteDesignTimeFactory<AccessDbContext, SqliteAccessDbContext>;

internal sealed class PostgresAccessDesignTimeFactory : PostgresDesignTimeFactory<AccessDbContext, PostgresAccessDbContext>;
