using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;

namespace Motcua.Organisation.Data;

internal class OrganisationDbContext(DbContextOptions options) : DbContext(options), IAreaDbContext
{
    public static string Area => "organisation";

    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();

    public DbSet<UnitEvent> UnitEvents => Set<UnitEvent>();

    public DbSet<UnitSuccession> Successions => Set<UnitSuccession>();

    public DbSet<Department> Departments => Set<Department>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AreaDbContextOptions.ApplySchema<OrganisationDbContext>(modelBuilder, Database);

        modelBuilder.Entity<AdministrativeUnit>(unit =>
        {
            unit.ToTable("units");
            unit.HasKey(u => u.Id);
            unit.Property(u => u.Code).HasMaxLength(20).IsRequired();
            unit.HasIndex(u => u.Code).IsUnique();
            unit.Property(u => u.Name).HasMaxLength(200).IsRequired();
            unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
            unit.HasIndex(u => u.ParentId);
            unit.Property(u => u.Address).HasMaxLength(300);
            unit.Property(u => u.Phone).HasMaxLength(30);
            unit.Property(u => u.Email).HasMaxLength(200);
            unit.Property(u => u.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<UnitEvent>(e =>
        {
            e.ToTable("unit_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.OldValue).HasMaxLength(1000);
            e.Property(x => x.NewValue).HasMaxLength(1000);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => x.UnitId);
        });

        modelBuilder.Entity<UnitSuccession>(s =>
        {
            s.ToTable("unit_successions");
            s.HasKey(x => x.Id);
            s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.LegalBasis).HasMaxLength(300);
            s.HasIndex(x => new { x.PredecessorId, x.SuccessorId }).IsUnique();
            s.HasIndex(x => x.SuccessorId);
        });

        modelBuilder.Entity<Department>(d =>
        {
            d.ToTable("departments");
            d.HasKey(x => x.Id);
            d.Property(x => x.Code).HasMaxLength(20).IsRequired();
            d.Property(x => x.Name).HasMaxLength(200).IsRequired();
            d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            d.HasIndex(x => new { x.UnitId, x.Code }).IsUnique();
            d.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}

internal sealed class SqliteOrganisationDbContext(DbContextOptions<SqliteOrganisationDbContext> options) : OrganisationDbContext(options);

internal sealed class PostgresOrganisationDbContext(DbContextOptions<PostgresOrganisationDbContext> options) : OrganisationDbContext(options);

internal sealed class SqliteOrganisationDesignTimeFactory : SqliteDesignTimeFactory<OrganisationDbContext, SqliteOrganisationDbContext>;

internal sealed class PostgresOrganisationDesignTimeFactory : PostgresDesignTimeFactory<OrganisationDbContext, PostgresOrganisationDbContext>;
