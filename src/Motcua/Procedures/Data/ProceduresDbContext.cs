using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;

namespace Motcua.Procedures.Data;

internal class ProceduresDbContext(DbContextOptions options) : DbContext(options), IAreaDbContext
{
    public static string Area => "procedures";

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<UnitProcedure> UnitProcedures => Set<UnitProcedure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AreaDbContextOptions.ApplySchema<ProceduresDbContext>(modelBuilder, Database);

        modelBuilder.Entity<Procedure>(p =>
        {
            p.ToTable("procedures");
            p.HasKey(x => x.Id);
            p.HasIndex(x => x.Code).IsUnique();
            p.Property(x => x.Code).HasMaxLength(30).IsRequired();
            p.Property(x => x.Name).HasMaxLength(500).IsRequired();
            p.Property(x => x.Field).HasMaxLength(200);
            p.Property(x => x.LegalBasis).HasMaxLength(2000);
            p.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.OnlineLevel).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.OwnsMany(x => x.Variants, v =>
            {
                v.ToTable("procedure_variants");
                v.WithOwner().HasForeignKey("ProcedureId");
                v.Property<int>("Id");
                v.HasKey("Id");
                v.Property(x => x.Code).HasMaxLength(20).IsRequired();
                v.Property(x => x.Name).HasMaxLength(500);
                v.Property(x => x.ProcessingTime).HasPrecision(6, 1);
                v.Property(x => x.TimeUnit).HasConversion<string>().HasMaxLength(20);
                v.Property(x => x.FeeNote).HasMaxLength(1000);
                v.Property(x => x.StepBudgets).HasMaxLength(100);
                v.Ignore(x => x.Steps);
                v.OwnsMany(x => x.Documents, d =>
                {
                    d.ToTable("required_documents");
                    d.WithOwner().HasForeignKey("VariantId");
                    d.Property<int>("Id");
                    d.HasKey("Id");
                    d.Property(x => x.Name).HasMaxLength(1000).IsRequired();
                    d.Property(x => x.FormTemplate).HasMaxLength(500);
                });
            });
            p.Navigation(x => x.Variants).HasField("_variants").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<UnitProcedure>(u =>
        {
            u.ToTable("unit_procedures");
            u.HasKey(x => new { x.UnitId, x.ProcedureId });
            u.Property(x => x.DepartmentCode).HasMaxLength(20);
            u.HasIndex(x => x.ProcedureId);
        });
    }
}

internal sealed class SqliteProceduresDbContext(DbContextOptions<SqliteProceduresDbContext> options) : ProceduresDbContext(options);

internal sealed class PostgresProceduresDbContext(DbContextOptions<PostgresProceduresDbContext> options) : ProceduresDbContext(options);

internal sealed class SqliteProceduresDesignTimeFactory : SqliteDesignTimeFactory<ProceduresDbContext, SqliteProceduresDbContext>;

internal sealed class PostgresProceduresDesignTimeFactory : PostgresDesignTimeFactory<ProceduresDbContext, PostgresProceduresDbContext>;
