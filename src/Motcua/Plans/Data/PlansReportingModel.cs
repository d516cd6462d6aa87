using Microsoft.EntityFrameworkCore;
using Motcua.Plans.Escalation;
using Motcua.Plans.Scheduling;
using Motcua.Plans.UnitTargets;
using Motcua.Plans.WeeklyReports;

namespace Motcua.Plans.Data;

/// <summary>The reporting tables of the plans area: job runs, weekly reports, escalations sent, unit targets and figures.</summary>
internal partial class PlansDbContext
{
    public DbSet<PlanJobRun> JobRuns => Set<PlanJobRun>();

    public DbSet<StoredWeeklyReport> WeeklyReports => Set<StoredWeeklyReport>();

    public DbSet<EscalationSent> Escalations => Set<EscalationSent>();

    public DbSet<UnitTarget> UnitTargets => Set<UnitTarget>();

    public DbSet<UnitFigure> UnitFigures => Set<UnitFigure>();

    private static void ConfigureReporting(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PlanJobRun>(r =>
        {
            r.ToTable("plan_job_runs");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Job).HasMaxLength(40).IsRequired();
            r.Property(x => x.Slot).HasMaxLength(40).IsRequired();
            r.Property(x => x.Outcome).HasMaxLength(500).IsRequired();
            r.HasIndex(x => new { x.Job, x.Slot }).IsUnique();
        });

        modelBuilder.Entity<StoredWeeklyReport>(w =>
        {
            w.ToTable("plan_weekly_reports");
            w.HasKey(x => x.Id);
            w.Property(x => x.Id).ValueGeneratedNever();
            w.Property(x => x.Week).HasMaxLength(10).IsRequired();
            w.Property(x => x.Content).IsRequired();
            w.Ignore(x => x.Report);
            w.HasIndex(x => new { x.IssuingUnitId, x.Week }).IsUnique();
        });

        modelBuilder.Entity<EscalationSent>(e =>
        {
            e.ToTable("plan_escalations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Step).HasMaxLength(20).IsRequired();
            e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.TaskId, x.DueOn, x.Step }).IsUnique();
            e.HasIndex(x => new { x.LeadUnitId, x.SentAt });
        });

        modelBuilder.Entity<UnitTarget>(t =>
        {
            t.ToTable("plan_unit_targets");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedNever();
            t.Property(x => x.Indicator).HasMaxLength(60).IsRequired();
            t.Property(x => x.Period).HasMaxLength(10).IsRequired();
            t.Property(x => x.SetBy).HasMaxLength(100).IsRequired();
            t.HasIndex(x => new { x.UnitId, x.Indicator, x.Period }).IsUnique();
            t.HasIndex(x => new { x.Indicator, x.Period });
        });

        modelBuilder.Entity<UnitFigure>(f =>
        {
            f.ToTable("plan_unit_figures");
            f.HasKey(x => x.Id);
            f.Property(x => x.Id).ValueGeneratedNever();
            f.Property(x => x.Indicator).HasMaxLength(60).IsRequired();
            f.Property(x => x.Period).HasMaxLength(10).IsRequired();
            f.Property(x => x.Evidence).HasMaxLength(UnitFigure.MaxEvidence).IsRequired();
            f.Property(x => x.EvidenceFileName).HasMaxLength(255);
            f.Property(x => x.EvidenceContentType).HasMaxLength(100);
            f.Property(x => x.EvidenceStoredPath).HasMaxLength(300);
            f.Property(x => x.EvidenceSha256).HasMaxLength(64);
            f.Property(x => x.EnteredBy).HasMaxLength(100).IsRequired();
            f.HasIndex(x => new { x.UnitId, x.Indicator, x.Period }).IsUnique();
            f.HasIndex(x => new { x.Indicator, x.Period });
        });
    }
}
