using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;

namespace Motcua.Audit.Data;

internal class AuditDbContext(DbContextOptions options) : DbContext(options), IAreaDbContext
{
    public static string Area => "audit";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AreaDbContextOptions.ApplySchema<AuditDbContext>(modelBuilder, Database);

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");

            // Two writers appending to the same chain collide on this key; the loser reads the new end and retries.
            e.HasKey(x => new { x.Chain, x.Sequence });
            e.Property(x => x.Chain).HasMaxLength(10);
            e.Property(x => x.ActorName).HasMaxLength(256).IsRequired();
            e.Property(x => x.Address).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(60).IsRequired();
            e.Property(x => x.ObjectType).HasMaxLength(40);
            e.Property(x => x.ObjectId).HasMaxLength(300);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.Property(x => x.PreviousHash).HasMaxLength(64).IsRequired();
            e.Property(x => x.Hash).HasMaxLength(64).IsRequired();
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.ObjectType, x.ObjectId });
        });
    }
}

internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);

internal sealed class SqliteAuditDesignTimeFactory : SqliteDesignTimeFactory<AuditDbContext, SqliteAuditDbContext>;

internal sealed class PostgresAuditDesignTimeFactory : PostgresDesignTimeFactory<AuditDbContext, PostgresAuditDbContext>;
