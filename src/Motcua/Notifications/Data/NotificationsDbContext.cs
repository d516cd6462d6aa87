using Microsoft.EntityFrameworkCore;
using Motcua.Common.Persistence;
using Motcua.Notifications.Inbox;

namespace Motcua.Notifications.Data;

internal class NotificationsDbContext(DbContextOptions options) : DbContext(options), IAreaDbContext
{
    public static string Area => "notifications";

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxItem> Inbox => Set<InboxItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AreaDbContextOptions.ApplySchema<NotificationsDbContext>(modelBuilder, Database);

        modelBuilder.Entity<OutboxMessage>(m =>
        {
            m.ToTable("outbox_messages");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Channel).HasMaxLength(10).IsRequired();
            m.Property(x => x.Recipient).HasMaxLength(NotificationRules.MaxRecipientLength).IsRequired();
            m.Property(x => x.Subject).HasMaxLength(NotificationRules.MaxSubjectLength).IsRequired();
            m.Property(x => x.Body).HasMaxLength(NotificationRules.MaxEmailBodyLength).IsRequired();
            m.Property(x => x.Reference).HasMaxLength(NotificationRules.MaxReferenceLength);
            m.Property(x => x.DeduplicationKey).HasMaxLength(NotificationRules.MaxDeduplicationKeyLength);
            m.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            m.Property(x => x.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
            m.Property(x => x.Note).HasMaxLength(500);

            // Null keys do not collide (both providers allow several NULLs in a unique index).
            m.HasIndex(x => x.DeduplicationKey).IsUnique();

            // The dispatcher's query: due pending messages, oldest first.
            m.HasIndex(x => new { x.Status, x.NextAttemptAtUtc });
            m.HasIndex(x => x.Reference);
        });

        modelBuilder.Entity<InboxItem>(i =>
        {
            i.ToTable("inbox_items");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.Title).HasMaxLength(InboxItem.MaxTitle).IsRequired();
            i.Property(x => x.Body).HasMaxLength(InboxItem.MaxBody).IsRequired();
            i.Property(x => x.Link).HasMaxLength(300);
            i.Property(x => x.Reference).HasMaxLength(100);
            i.Property(x => x.DeduplicationKey).HasMaxLength(200).IsRequired();
            i.HasIndex(x => new { x.UserId, x.DeduplicationKey }).IsUnique();

            // The header's unread count and the page: a user's messages, newest first.
            i.HasIndex(x => new { x.UserId, x.ReadAtUtc, x.CreatedAtUtc });
        });
    }
}

internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class PostgresNotificationsDbContext(DbContextOptions<PostgresNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class SqliteNotificationsDesignTimeFactory : SqliteDesignTimeFactory<NotificationsDbContext, SqliteNotificationsDbContext>;

internal sealed class PostgresNotificationsDesignTimeFactory : PostgresDesignTimeFactory<NotificationsDbContext, PostgresNotificationsDbContext>;
