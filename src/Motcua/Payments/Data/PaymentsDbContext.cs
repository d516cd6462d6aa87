using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;

namespace Motcua.Payments.Data;

internal class PaymentsDbContext(DbContextOptions options) : DbContext(options), IAreaDbContext
{
    public static string Area => "payments";

    public DbSet<Payment> Payments => Set<Payment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AreaDbContextOptions.ApplySchema<PaymentsDbContext>(modelBuilder, Database);

        modelBuilder.Entity<Payment>(p =>
        {
            p.ToTable("payments");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.HasIndex(x => x.DossierCode);
            p.Property(x => x.DossierCode).HasMaxLength(60).IsRequired();
            p.Property(x => x.LookupSecret).HasMaxLength(16).IsRequired();
            p.Property(x => x.Provider).HasMaxLength(40).IsRequired();
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.ProviderTransactionId).HasMaxLength(100);
            p.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}

internal sealed class SqlitePaymentsDbContext(DbContextOptions<SqlitePaymentsDbContext> options) : PaymentsDbContext(options);

internal sealed class PostgresPaymentsDbContext(DbContextOptions<PostgresPaymentsDbContext> options) : PaymentsDbContext(options);

internal sealed class SqlitePaymentsDesignTimeFactory : SqliteDesignTimeFactory<PaymentsDbContext, SqlitePaymentsDbContext>;

internal sealed class PostgresPaymentsDesignTimeFactory : PostgresDesignTimeFactory<PaymentsDbContext, PostgresPaymentsDbContext>;
