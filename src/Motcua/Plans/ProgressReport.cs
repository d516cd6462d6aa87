using Motcua.Common;

namespace Motcua.Plans;

internal enum ReviewState
{
    /// <summary>Posted, not yet looked at by the reform officer.</summary>
    Pending = 0,

    Acknowledged = 1,

    /// <summary>Sent back with a comment; it no longer counts for the task's progress.</summary>
    Returned = 2,
}

/// <summary>What the lead unit reports (checked by <see cref="ProgressReport"/>).</summary>
internal sealed record ReportFields(TaskProgress Progress, int? Percent, string? Text, DateOnly? ForDueOn);

/// <summary>
/// A progress report (báo cáo tiến độ) of the lead unit on a task: status, percent done, what was done,
/// and evidence files. The reform officer acknowledges it or returns it with a comment, once.
/// </summary>
internal sealed class ProgressReport
{
    public const int MaxText = 4000;

    private ProgressReport()
    {
        Text = PostedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public Guid PlanId { get; private set; }

    /// <summary>The lead unit when the report was posted.</summary>
    public Guid UnitId { get; private set; }

    public TaskProgress Progress { get; private set; }

    public int Percent { get; private set; }

    public string Text { get; private set; }

    /// <summary>For a recurring task: the due date (occurrence) the report answers.</summary>
    public DateOnly? ForDueOn { get; private set; }

    public string PostedBy { get; private set; }

    /// <summary>Vietnam wall-clock time.</summary>
    public DateTime PostedAt { get; private set; }

    public ReviewState Review { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? ReviewComment { get; private set; }

    public static ProgressReport Create(PlanTask task, ReportFields details, string actor, DateTime now)
    {
        if (!Enum.IsDefined(details.Progress))
        {
            throw new DomainException("status", "The status is not started, in progress or done.");
        }

        var percent = details.Percent ?? details.Progress switch
        {
            TaskProgress.Done => 100,
            TaskProgress.NotStarted => 0,
            _ => throw new DomainException("percent", "Give the percent done, from 0 to 100."),
        };
        if (percent is < 0 or > 100)
        {
            throw new DomainException("percent", "Give the percent done, from 0 to 100.");
        }

        if ((details.Progress == TaskProgress.Done) != (percent == 100) || (details.Progress == TaskProgress.NotStarted && percent != 0))
        {
            throw new DomainException("percent", "A task is done exactly when it is 100% done, and not started at 0%.");
        }

        var text = details.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxText)
        {
            throw new DomainException("text", "Say what was done (at most {0} characters).", MaxText);
        }

        return new ProgressReport
        {
            Id = Guid.NewGuid(),
            TaskId = task.Id,
            PlanId = task.PlanId,
            UnitId = task.LeadUnitId,
            Progress = details.Progress,
            Percent = percent,
            Text = text,
            ForDueOn = details.ForDueOn,
            PostedBy = actor,
            PostedAt = now,
            Review = ReviewState.Pending,
        };
    }

    public void Acknowledge(string actor, DateTime now)
    {
        EnsurePending();
        (Review, ReviewedBy, ReviewedAt) = (ReviewState.Acknowledged, actor, now);
    }

    /// <summary>Sends the report back: the comment says what is missing. The task's progress no longer counts it.</summary>
    public void Return(string? comment, string actor, DateTime now)
    {
        EnsurePending();
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000)
        {
            throw new DomainException("comment", "Say why the report is returned (at most {0} characters).", 2000);
        }

        (Review, ReviewedBy, ReviewedAt, ReviewComment) = (ReviewState.Returned, actor, now, text);
    }

    private void EnsurePending()
    {
        if (Review != ReviewState.Pending)
        {
            throw new DomainException("report", "This report was already reviewed.");
        }
    }
}

/// <summary>A coordinating unit's contribution (phối hợp) to a task: what it did, with evidence files.</summary>
internal sealed class Contribution
{
    private Contribution()
    {
        Text = PostedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public Guid PlanId { get; private set; }

    public Guid UnitId { get; private set; }

    public string Text { get; private set; }

    public string PostedBy { get; private set; }

    public DateTime PostedAt { get; private set; }

    public static Contribution Create(PlanTask task, Guid unitId, string? text, string actor, DateTime now)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > ProgressReport.MaxText)
        {
            throw new DomainException("text", "Say what was done (at most {0} characters).", ProgressReport.MaxText);
        }

        return new Contribution { Id = Guid.NewGuid(), TaskId = task.Id, PlanId = task.PlanId, UnitId = unitId, Text = trimmed, PostedBy = actor, PostedAt = now };
    }
}

/// <summary>An evidence file (tài liệu kiểm chứng) of a report or a contribution, kept under the data directory.</summary>
internal sealed class EvidenceFile
{
    private EvidenceFile()
    {
        FileName = ContentType = StoredPath = Sha256 = UploadedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public Guid? ReportId { get; private set; }

    public Guid? ContributionId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    /// <summary>Relative to the data directory's <c>plans</c> folder.</summary>
    public string StoredPath { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public static EvidenceFile ForReport(ProgressReport report, StoredFile file, string actor, DateTime now) =>
        Create(report.TaskId, report.Id, null, file, actor, now);

    public static EvidenceFile ForContribution(Contribution contribution, StoredFile file, string actor, DateTime now) =>
        Create(contribution.TaskId, null, contribution.Id, file, actor, now);

    private static EvidenceFile Create(Guid taskId, Guid? reportId, Guid? contributionId, StoredFile file, string actor, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TaskId = taskId,
        ReportId = reportId,
        ContributionId = contributionId,
        FileName = file.FileName,
        ContentType = file.ContentType,
        StoredPath = file.StoredPath,
        Size = file.Size,
        Sha256 = file.Sha256,
        UploadedBy = actor,
        UploadedAt = now,
    };
}
