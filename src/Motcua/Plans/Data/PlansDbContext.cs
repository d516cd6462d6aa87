using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;

namespace Motcua.Plans.Data;

/// <summary>
/// The plans area's tables: plans, their tasks (the deadline as columns so it can be queried), the
/// coordinating units and indicator links of a task, progress reports, contributions and evidence files.
/// Due dates are not stored: they are computed from the deadline and the calendar (ADR 0012).
/// </summary>
internal partial class PlansDbContext(DbContextOptions options) : DbContext(options), IAreaDbContext
{
    public static string Area => "plans";

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanTask> Tasks => Set<PlanTask>();

    public DbSet<TaskCoordinator> Coordinators => Set<TaskCoordinator>();

    public DbSet<TaskIndicator> Indicators => Set<TaskIndicator>();

    public DbSet<ProgressReport> Reports => Set<ProgressReport>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<EvidenceFile> Evidence => Set<EvidenceFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AreaDbContextOptions.ApplySchema<PlansDbContext>(modelBuilder, Database);

        modelBuilder.Entity<Plan>(p =>
        {
            p.ToTable("plans");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.NumberAndSymbol).HasMaxLength(60).IsRequired();
            p.Property(x => x.Title).HasMaxLength(Plan.MaxTitle).IsRequired();
            p.Property(x => x.Purpose).HasMaxLength(Plan.MaxPurpose);
            p.Property(x => x.SourceFileName).HasMaxLength(255);
            p.Property(x => x.SourceContentType).HasMaxLength(100);
            p.Property(x => x.SourcePath).HasMaxLength(300);
            p.Property(x => x.SourceSha256).HasMaxLength(64);
            p.Property(x => x.CreatedBy).HasMaxLength(100).IsRequired();
            p.Ignore(x => x.Source);
            p.HasIndex(x => new { x.IssuingUnitId, x.Year });
            p.HasIndex(x => new { x.IssuingUnitId, x.NumberAndSymbol, x.IssuedOn }).IsUnique();
        });

        modelBuilder.Entity<PlanTask>(t =>
        {
            t.ToTable("plan_tasks");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedNever();
            t.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            t.Property(x => x.Number).HasMaxLength(20).IsRequired();
            t.Property(x => x.Section).HasMaxLength(300);
            t.Property(x => x.Content).HasMaxLength(PlanTask.MaxContent).IsRequired();
            t.Property(x => x.LeadUnitName).HasMaxLength(300);
            t.Property(x => x.ResponsiblePerson).HasMaxLength(200);
            t.Property(x => x.DeadlineKind).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.DeadlineRecurrence).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.DeadlineWeekday).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.DeadlineEvent).HasMaxLength(500);
            t.Property(x => x.DeadlineText).HasMaxLength(300);
            t.Property(x => x.RequiredEvidence).HasMaxLength(1000);
            t.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.EventRecordedBy).HasMaxLength(100);
            t.Property(x => x.EventNote).HasMaxLength(500);
            t.Property(x => x.Progress).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.CreatedBy).HasMaxLength(100).IsRequired();
            t.Ignore(x => x.Deadline);
            t.Ignore(x => x.HasStarted);
            t.Ignore(x => x.IsRecurring);
            t.Ignore(x => x.UnitIds);
            t.HasMany(x => x.Coordinators).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            t.Navigation(x => x.Coordinators).HasField("_coordinators").UsePropertyAccessMode(PropertyAccessMode.Field);
            t.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            t.Navigation(x => x.Indicators).HasField("_indicators").UsePropertyAccessMode(PropertyAccessMode.Field);
            t.HasIndex(x => new { x.PlanId, x.Number });
            t.HasIndex(x => x.LeadUnitId);
            t.HasIndex(x => new { x.DeadlineKind, x.DeadlineDate });
        });

        modelBuilder.Entity<TaskCoordinator>(c =>
        {
            c.ToTable("plan_task_coordinators");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Name).HasMaxLength(300);
            c.HasIndex(x => x.UnitId);
        });

        modelBuilder.Entity<TaskIndicator>(i =>
        {
            i.ToTable("plan_task_indicators");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.HasIndex(x => x.TaskId);
            i.Property(x => x.Indicator).HasMaxLength(100).IsRequired();
            i.Property(x => x.Target).HasMaxLength(60);
        });

        modelBuilder.Entity<ProgressReport>(r =>
        {
            r.ToTable("plan_reports");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            r.Property(x => x.Progress).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Text).HasMaxLength(ProgressReport.MaxText).IsRequired();
            r.Property(x => x.PostedBy).HasMaxLength(100).IsRequired();
            r.Property(x => x.Review).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.ReviewedBy).HasMaxLength(100);
            r.Property(x => x.ReviewComment).HasMaxLength(2000);
            r.HasIndex(x => new { x.TaskId, x.PostedAt });
            r.HasIndex(x => new { x.PlanId, x.Review });
            r.HasIndex(x => new { x.UnitId, x.PostedAt });
        });

        modelBuilder.Entity<Contribution>(c =>
        {
            c.ToTable("plan_contributions");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            c.Property(x => x.Text).HasMaxLength(ProgressReport.MaxText).IsRequired();
            c.Property(x => x.PostedBy).HasMaxLength(100).IsRequired();
            c.HasIndex(x => new { x.TaskId, x.PostedAt });
        });

        modelBuilder.Entity<EvidenceFile>(e =>
        {
            e.ToTable("plan_evidence");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.FileName).HasMaxLength(255).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            e.Property(x => x.StoredPath).HasMaxLength(300).IsRequired();
            e.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
            e.Property(x => x.UploadedBy).HasMaxLength(100).IsRequired();
            e.HasIndex(x => x.ReportId);
            e.HasIndex(x => x.ContributionId);
            e.HasIndex(x => x.TaskId);
        });

        ConfigureReporting(modelBuilder);

        AreaDbContextOptions.UseLocalTimestamps(modelBuilder, Database);
    }
}

internal sealed class SqlitePlansDbContext(DbContextOptions<SqlitePlansDbContext> options) : PlansDbContext(options);

internal sealed class PostgresPlansDbContext(DbContextOptions<PostgresPlansDbContext> options) : PlansDbContext(options);

internal sealed class SqlitePlansDesignTimeFactory : SqliteDesignTimeFactory<PlansDbContext, SqlitePlansDbContext>;

internal sealed class PostgresPlansDesignTimeFactory : PostgresDesignTimeFactory<PlansDbContext, PostgresPlansDbContext>;
