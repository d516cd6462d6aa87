using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;

namespace Motcua.Calendar.Data;

internal class CalendarDbContext(DbContextOptions options) : DbContext(options), IAreaDbContext
{
    public static string Area => "calendar";

    public DbSet<CalendarOverrideEntry> Overrides => Set<CalendarOverrideEntry>();

    public DbSet<OfficeHoursEntry> OfficeHours => Set<OfficeHoursEntry>();

    public DbSet<CalendarRevision> Revisions => Set<CalendarRevision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AreaDbContextOptions.ApplySchema<CalendarDbContext>(modelBuilder, Database);

        modelBuilder.Entity<CalendarOverrideEntry>(o =>
        {
            o.ToTable("calendar_overrides");
            o.HasKey(x => x.Id);
            o.Ignore(x => x.IsActive);
            o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.Name).HasMaxLength(200).IsRequired();
            o.Property(x => x.LegalBasis).HasMaxLength(300);
            o.Property(x => x.CreatedBy).HasMaxLength(256);
            o.Property(x => x.RevokedBy).HasMaxLength(256);
            o.Property(x => x.RevocationReason).HasMaxLength(500);
            o.HasIndex(x => new { x.Date, x.UnitId });
        });

        modelBuilder.Entity<OfficeHoursEntry>(h =>
        {
            h.ToTable("office_hours");
            h.HasKey(x => x.Id);
            h.Property(x => x.Sessions).HasMaxLength(100).IsRequired();
            h.Property(x => x.CreatedBy).HasMaxLength(256);
            h.HasIndex(x => new { x.UnitId, x.ValidFrom });
        });

        modelBuilder.Entity<CalendarRevision>(r =>
        {
            r.ToTable("calendar_revisions");
            // The number is assigned by the application (last + 1); the primary key makes two
            // concurrent changes collide instead of sharing a version.
            r.HasKey(x => x.Number);
            r.Property(x => x.Number).ValueGeneratedNever();
            r.Property(x => x.Actor).HasMaxLength(256);
            r.Property(x => x.Action).HasMaxLength(50);
            r.Property(x => x.Details).HasMaxLength(2000);
        });
    }
}

internal sealed class SqliteCalendarDbContext(DbContextOptions<SqliteCalendarDbContext> options) : CalendarDbContext(options);

internal sealed class PostgresCalendarDbContext(DbContextOptions<PostgresCalendarDbContext> options) : CalendarDbContext(options);

internal sealed class SqliteCalendarDesignTimeFactory : SqliteDesignTimeFactory<CalendarDbContext, SqliteCalendarDbContext>;

internal sealed class PostgresCalendarDesignTimeFactory : PostgresDesignTimeFactory<CalendarDbContext, PostgresCalendarDbContext>;
