using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;

namespace Motcua.Indexes.Data;

internal class IndexesDbContext : DbContext, IAreaDbContext
{
    public IndexesDbContext(DbContextOptions options)
        : base(options)
    {
        // A dossier's change, its events and its index counters are one all-or-nothing transaction: when a
        // save fails the whole transaction is rolled back, nothing goes on after it. EF Core's automatic
        // savepoint around each SaveChanges inside a transaction would only cost two round trips per save.
        Database.AutoSavepointsEnabled = false;
    }

    public static string Area => "indexes";

    public DbSet<FactRow> Facts => Set<FactRow>();

    public DbSet<CounterRow> CounterRows => Set<CounterRow>();

    public DbSet<PendingChangeRow> PendingChanges => Set<PendingChangeRow>();

    public DbSet<ScopeMemberRow> ScopeMembers => Set<ScopeMemberRow>();

    public DbSet<IndicatorSetRow> IndicatorSets => Set<IndicatorSetRow>();

    public DbSet<TargetRow> Targets => Set<TargetRow>();

    public DbSet<ManualValueRow> ManualValues => Set<ManualValueRow>();

    public DbSet<ClosedPeriodRow> ClosedPeriods => Set<ClosedPeriodRow>();

    public DbSet<AdjustmentRow> Adjustments => Set<AdjustmentRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AreaDbContextOptions.ApplySchema<IndexesDbContext>(modelBuilder, Database);

        modelBuilder.Entity<FactRow>(f =>
        {
            f.ToTable(IndexSql.FactsTable);
            f.HasKey(x => x.Code);
            f.Property(x => x.Code).HasMaxLength(60);
            f.Property(x => x.ProcedureCode).HasMaxLength(60).IsRequired();
            f.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.OnlineLevel).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.ReturnChannel).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
            f.HasIndex(x => new { x.UnitId, x.ReceivedAt });
            f.HasIndex(x => new { x.UnitId, x.CompletedAt });
        });

        modelBuilder.Entity<CounterRow>(c =>
        {
            c.ToTable(IndexSql.CountersTable);
            c.HasKey(x => new { x.ScopeUnitId, x.Grain, x.PeriodStart });
        });

        modelBuilder.Entity<PendingChangeRow>(p =>
        {
            p.ToTable(IndexSql.PendingTable);
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedOnAdd();
            p.HasIndex(x => x.UnitId);
        });

        modelBuilder.Entity<ScopeMemberRow>(s =>
        {
            s.ToTable(IndexSql.ScopesTable);
            s.HasKey(x => new { x.ScopeUnitId, x.MemberUnitId });
            s.HasIndex(x => x.MemberUnitId);
        });

        modelBuilder.Entity<IndicatorSetRow>(s =>
        {
            s.ToTable("index_indicator_sets");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Code).HasMaxLength(40).IsRequired();
            s.Property(x => x.CreatedBy).HasMaxLength(100).IsRequired();
            s.HasIndex(x => new { x.Code, x.EffectiveFrom }).IsUnique();
        });

        modelBuilder.Entity<TargetRow>(t =>
        {
            t.ToTable("index_targets");
            t.HasKey(x => new { x.UnitId, x.IndicatorCode, x.Year });
            t.Property(x => x.IndicatorCode).HasMaxLength(60);
            t.Property(x => x.Note).HasMaxLength(500);
            t.Property(x => x.SetBy).HasMaxLength(100).IsRequired();
        });

        modelBuilder.Entity<ManualValueRow>(m =>
        {
            m.ToTable("index_manual_values");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.IndicatorCode).HasMaxLength(60).IsRequired();
            m.Property(x => x.Evidence).HasMaxLength(2000).IsRequired();
            m.Property(x => x.EnteredBy).HasMaxLength(100).IsRequired();
            m.HasIndex(x => new { x.UnitId, x.IndicatorCode, x.Month }).IsUnique();
            m.Property(x => x.EvidenceFileName).HasMaxLength(255);
            m.Property(x => x.EvidenceContentType).HasMaxLength(100);
            m.Property(x => x.EvidenceStoredPath).HasMaxLength(300);
            m.Property(x => x.EvidenceSha256).HasMaxLength(64);
        });

        modelBuilder.Entity<ClosedPeriodRow>(p =>
        {
            p.ToTable("index_closed_periods");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.SetCode).HasMaxLength(40).IsRequired();
            p.Property(x => x.Snapshot).IsRequired();
            p.Property(x => x.ClosedBy).HasMaxLength(100).IsRequired();
            p.Property(x => x.Note).HasMaxLength(500);
            p.HasIndex(x => new { x.UnitId, x.SetCode, x.From, x.To }).IsUnique();
            p.HasIndex(x => x.To);
        });

        modelBuilder.Entity<AdjustmentRow>(a =>
        {
            a.ToTable("index_adjustments");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.DossierCode).HasMaxLength(60);
            a.Property(x => x.IndicatorCode).HasMaxLength(60);
            a.Property(x => x.Shifts).IsRequired();
            a.Property(x => x.Actor).HasMaxLength(100).IsRequired();
            a.Property(x => x.Reason).HasMaxLength(200);
            a.HasIndex(x => new { x.ClosedPeriodId, x.At });
            a.HasIndex(x => x.DossierCode);
        });

        AreaDbContextOptions.UseLocalTimestamps(modelBuilder, Database);
    }
}

internal sealed class SqliteIndexesDbContext(DbContextOptions<SqliteIndexesDbContext> options) : IndexesDbContext(options);

internal sealed class PostgresIndexesDbContext(DbContextOptions<PostgresIndexesDbContext> options) : IndexesDbContext(options);

internal sealed class SqliteIndexesDesignTimeFactory : SqliteDesignTimeFactory<IndexesDbContext, SqliteIndexesDbContext>;

internal sealed class PostgresIndexesDesignTimeFactory : PostgresDesignTimeFactory<IndexesDbContext, PostgresIndexesDbContext>;
