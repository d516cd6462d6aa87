using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Audit.Contracts;
using Motcua.Audit.Data;
using Motcua.Common;
using Motcua.Dossiers.Contracts;
using Motcua.Notifications.Contracts;

namespace Motcua.Audit.Verify;

/// <summary>
/// Checks every chain: the audit log's (one per day, each day linked to the one before) and every dossier's
/// events. A break is an alert, not a log line: every system administrator gets an in-app message naming the
/// first broken entry of each chain, the error is logged and counted (<c>motcua.audit.chain_breaks</c>).
/// </summary>
internal sealed partial class AuditVerification(
    AuditDbContext db, IDossierChains dossiers, IUserDirectory directory, IInbox inbox, IAuditTrail audit, TimeProvider clock,
    MotcuaMetrics metrics, ILogger<AuditVerification> logger)
{
    public async Task<ChainReport> VerifyAuditLogAsync(CancellationToken cancellationToken = default)
    {
        var breaks = new List<ChainBreak>();
        long chains = 0, entries = 0;
        var previous = HashChain.Genesis;
        string? current = null;
        var links = new List<ChainLink>();
        string? lastHashOfChain = null;

        void Close()
        {
            if (current is null)
            {
                return;
            }

            chains++;
            if (HashChain.Verify("audit " + current, links, previous) is { } broken)
            {
                breaks.Add(broken);
            }

            // The next day links to this day's last entry as stored; a break here is reported once, here.
            previous = lastHashOfChain ?? previous;
            links.Clear();
        }

        await foreach (var e in db.Entries.AsNoTracking().OrderBy(e => e.Chain).ThenBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (e.Chain != current)
            {
                Close();
                current = e.Chain;
            }

            entries++;
            links.Add(new ChainLink(e.Sequence, e.PreviousHash, e.Hash, e.Canonical()));
            lastHashOfChain = e.Hash;
        }

        Close();
        return new ChainReport(chains, entries, breaks);
    }

    /// <summary>Verifies every chain; raises the alert when one is broken. <paramref name="trigger"/> says why it ran (for the log).</summary>
    public async Task<ChainReport> VerifyAsync(string trigger, CancellationToken cancellationToken = default)
    {
        var report = ChainReport.Combine(await VerifyAuditLogAsync(cancellationToken), await dossiers.VerifyAsync(cancellationToken));
        metrics.AuditVerifications.Add(1, new KeyValuePair<string, object?>("outcome", report.Intact ? "intact" : "broken"));
        await audit.RecordAsync(
            new AuditRecord(AuditActions.ChainsVerified, "audit", null, string.Create(CultureInfo.InvariantCulture, $"{trigger}: {report.Chains} chain(s), {report.Entries} entr(y/ies), {report.Breaks.Count} broken")),
            cancellationToken);
        if (report.Intact)
        {
            LogIntact(logger, trigger, report.Chains, report.Entries);
            return report;
        }

        metrics.AuditChainBreaks.Add(report.Breaks.Count);
        foreach (var broken in report.Breaks)
        {
            LogBroken(logger, trigger, broken.Chain, broken.Sequence, broken.Kind);
        }

        await AlertAsync(report, cancellationToken);
        return report;
    }

    private async Task AlertAsync(ChainReport report, CancellationToken cancellationToken)
    {
        var lines = string.Join("\n", report.Breaks.Take(20).Select(Describe));
        var more = report.Breaks.Count > 20 ? string.Create(CultureInfo.InvariantCulture, $"\n… và {report.Breaks.Count - 20} chuỗi khác.") : string.Empty;
        var day = VietnamTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fingerprint = HashChain.Hash(HashChain.Genesis, string.Join(";", report.Breaks.Select(b => b.ToString())))[..16];
        foreach (var admin in await directory.WithRoleAsync(Roles.SystemAdmin, cancellationToken))
        {
            // One message per administrator, day and set of breaks: a re-run the same day does not repeat it.
            await inbox.PostAsync(
                new InboxMessage(
                    admin.UserId,
                    "CẢNH BÁO: nhật ký kiểm toán bị sửa đổi",
                    string.Create(CultureInfo.InvariantCulture, $"Kiểm tra chuỗi băm phát hiện {report.Breaks.Count} chuỗi bị phá vỡ:\n{lines}{more}"),
                    "/admin/audit",
                    "audit",
                    $"audit-break:{day}:{fingerprint}"),
                cancellationToken);
        }
    }

    /// <summary>A break in Vietnamese, for the alert.</summary>
    public static string Describe(ChainBreak broken)
    {
        var kind = broken.Kind switch
        {
            ChainBreakKind.Edited => "đã bị sửa",
            ChainBreakKind.Deleted => "đã bị xóa",
            _ => "đã bị đổi thứ tự",
        };
        var chain = broken.Chain.StartsWith("dossier ", StringComparison.Ordinal) ? "hồ sơ " + broken.Chain[8..] : "nhật ký ngày " + broken.Chain.Replace("audit ", string.Empty, StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"- {chain}: mục #{broken.Sequence} {kind} ({broken})");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit verification ({Trigger}): {Chains} chain(s), {Entries} entries, intact")]
    private static partial void LogIntact(ILogger logger, string trigger, long chains, long entries);

    [LoggerMessage(Level = LogLevel.Error, Message = "AUDIT CHAIN BROKEN ({Trigger}): {Chain} entry #{Sequence} {Kind}")]
    private static partial void LogBroken(ILogger logger, string trigger, string chain, long sequence, ChainBreakKind kind);
}
