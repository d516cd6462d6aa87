using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;

namespace Motcua.Dossiers.Data;

internal class DossiersDbContext : DbContext, IAreaDbContext
{
    public DossiersDbContext(DbContextOptions options)
        : base(options)
    {
        // A dossier's change, its events and its index counters are one all-or-nothing transaction: when a
        // save fails the whole transaction is rolled back, nothing goes on after it. EF Core's automatic
        // savepoint around each SaveChanges inside a transaction would only cost two round trips per save.
        Database.AutoSavepointsEnabled = false;
    }

    public static string Area => "dossiers";

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierEvent> Events => Set<DossierEvent>();

    public DbSet<DossierCounter> Counters => Set<DossierCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AreaDbContextOptions.ApplySchema<DossiersDbContext>(modelBuilder, Database);

        modelBuilder.Entity<Dossier>(d =>
        {
            d.ToTable("dossiers");
            d.HasKey(x => x.Id);
            d.HasIndex(x => x.Code).IsUnique();
            d.HasIndex(x => new { x.UnitId, x.Status });
            d.HasIndex(x => new { x.ReceivingUnitId, x.Status });
            d.HasIndex(x => new { x.Status, x.DueAt });
            d.Property(x => x.Code).HasMaxLength(60).IsRequired();
            d.Property(x => x.Secret).HasMaxLength(16).IsRequired();
            d.Property(x => x.ProcedureCode).HasMaxLength(30);
            d.Property(x => x.ProcedureName).HasMaxLength(500);
            d.Property(x => x.VariantCode).HasMaxLength(20);
            d.Property(x => x.ProcessingTime).HasPrecision(6, 1);
            d.Property(x => x.OnlineLevel).HasMaxLength(20);
            d.Property(x => x.StepBudgets).HasMaxLength(100);
            d.Property(x => x.PortalReference).HasMaxLength(100);
            d.HasIndex(x => x.PortalReference).IsUnique();
            d.Ignore(x => x.FromNationalPortal);
            d.Ignore(x => x.AwaitsRating);
            d.Property(x => x.Status).HasConversion<string>().HasMaxLength(40);
            d.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.ReturnChannel).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.DepartmentCode).HasMaxLength(20);
            d.Property(x => x.Specialist).HasMaxLength(256);
            d.Property(x => x.PreviousSpecialist).HasMaxLength(256);
            d.Property(x => x.OtherAgency).HasMaxLength(300);
            d.Property(x => x.Version).IsConcurrencyToken();
            d.Property(x => x.LastEventHash).HasMaxLength(64);
            d.Ignore(x => x.NewEvents);
            d.Ignore(x => x.IsOpen);
            d.Ignore(x => x.IsUnderClock);
            d.Ignore(x => x.HasApology);
            d.Ignore(x => x.FeeDue);
            d.Ignore(x => x.CompletedLate);
            // What the national portal has acknowledged, on the dossier's own row and outside the entity (only
            // the synchroniser writes it): the dossiers due for synchronisation are then the few rows of a
            // partial index, not an anti-join over every dossier ever received (ADR 0014).
            d.Property<int>(Portal.PortalSynchroniser.SyncedVersion);
            d.HasIndex(x => x.SubmittedAt)
                .HasDatabaseName("IX_dossiers_portal_due")
                .HasFilter($"\"{Portal.PortalSynchroniser.SyncedVersion}\" < \"Version\"");
            d.ComplexProperty(x => x.Applicant, a =>
            {
                a.Property(x => x.Name).HasColumnName("applicant_name").HasMaxLength(200);
                a.Property(x => x.IdentityNumber).HasColumnName("applicant_identity").HasMaxLength(20);
                a.Property(x => x.Phone).HasColumnName("applicant_phone").HasMaxLength(30);
                a.Property(x => x.Email).HasColumnName("applicant_email").HasMaxLength(256);
                a.Property(x => x.Address).HasColumnName("applicant_address").HasMaxLength(500);
            });
            d.OwnsMany(x => x.Documents, doc =>
            {
                doc.ToTable("dossier_documents");
                doc.WithOwner().HasForeignKey("DossierId");
                doc.Property<int>("Id");
                doc.HasKey("Id");
                doc.Property(x => x.Name).HasMaxLength(1000).IsRequired();
            });
            d.Navigation(x => x.Documents).HasField("_documents").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<DossierEvent>(e =>
        {
            e.ToTable("dossier_events");
            e.HasKey(x => new { x.DossierId, x.Sequence });
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Department).HasMaxLength(20);
            e.Property(x => x.Holder).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });

        modelBuilder.Entity<DossierCounter>(c =>
        {
            c.ToTable("dossier_counters");
            c.HasKey(x => new { x.UnitId, x.Day });
            c.Property(x => x.Last).IsConcurrencyToken();
        });

        modelBuilder.Entity<Files.DossierFile>(f =>
        {
            f.ToTable("dossier_files");
            f.HasKey(x => x.Id);
            f.HasIndex(x => x.DossierId);
            f.Property(x => x.DocumentName).HasMaxLength(1000);
            f.Property(x => x.FileName).HasMaxLength(255);
            f.Property(x => x.ContentType).HasMaxLength(100);
            f.Property(x => x.Sha256).HasMaxLength(64);
            f.Property(x => x.StoredPath).HasMaxLength(300);
            f.Property(x => x.UploadedBy).HasMaxLength(256);
        });

        modelBuilder.Entity<Portal.PortalInbound>(i =>
        {
            i.ToTable("portal_inbound");
            i.HasKey(x => x.Reference);
            i.Property(x => x.Reference).HasMaxLength(100);
            i.Property(x => x.DossierCode).HasMaxLength(60);
            i.Property(x => x.ReasonVi).HasMaxLength(1000);
            i.Property(x => x.ReasonEn).HasMaxLength(1000);
            i.Property(x => x.LastError).HasMaxLength(500);
            i.Property(x => x.Version).IsConcurrencyToken();
            i.HasIndex(x => x.AcknowledgedAt);
        });

        modelBuilder.Entity<Kiosk.KioskInvitation>(k =>
        {
            k.ToTable("kiosk_invitations");
            k.HasKey(x => x.Officer);
            k.Property(x => x.Officer).HasMaxLength(256);
            k.Property(x => x.DossierCode).HasMaxLength(60);
        });

        modelBuilder.Entity<Portal.PortalSync>(s =>
        {
            s.ToTable("portal_sync");
            s.HasKey(x => x.DossierId);
            s.Property(x => x.LastError).HasMaxLength(500);
        });

        // Dossier times are Vietnam local times, like the appointments printed on the receipt.
        AreaDbContextOptions.UseLocalTimestamps(modelBuilder, Database);
    }
}

/// <summary>The last sequence number given to a unit's dossiers on a day (the code's last part).</summary>
internal sealed class DossierCounter
{
    public Guid UnitId { get; set; }

    public DateOnly Day { get; set; }

    public int Last { get; set; }
}

internal sealed class SqliteDossiersDbContext(DbContextOptions<SqliteDossiersDbContext> options) : DossiersDbContext(options);

internal sealed class PostgresDossiersDbContext(DbContextOptions<PostgresDossiersDbContext> options) : DossiersDbContext(options);

internal sealed class SqliteDossiersDesignTimeFactory : SqliteDesignTimeFactory<DossiersDbContext, SqliteDossiersDbContext>;

internal sealed class PostgresDossiersDesignTimeFactory : PostgresDesignTimeFactory<DossiersDbContext, PostgresDossiersDbContext>;
