using System.Globalization;
using Motcua.Common;
using Motcua.Notifications.Contracts;

namespace Motcua.Dossiers;

/// <summary>
/// Tells the applicant, by e-mail and SMS when they gave an address or a mobile number, of the events that
/// need their attention: receipt with the appointment, a supplement request, the result ready, a refusal,
/// an apology with a new appointment, a stop. Queued in the outbox right after the change is saved, with a
/// key per dossier version so a retried request sends nothing twice.
/// </summary>
internal sealed class ApplicantNotices(INotifications outbox, ILogger<ApplicantNotices> logger, IConfiguration configuration)
{
    public async Task AfterAsync(Dossier dossier, IReadOnlyList<DossierEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            if (Text(dossier, e) is not { } text)
            {
                continue;
            }

            // A link is only useful with the public address; without it the applicant is told where to look.
            var body = configuration["Motcua:PublicUrl"] is { Length: > 0 } publicUrl
                ? $"{text}\nTra cứu: {publicUrl.TrimEnd('/')}/tra-cuu?code={Uri.EscapeDataString(dossier.Code)} (mã tra cứu ghi trên phiếu tiếp nhận)."
                : $"{text}\nTra cứu tại trang tra cứu hồ sơ của đơn vị bằng mã hồ sơ và mã tra cứu ghi trên phiếu tiếp nhận.";
            if (dossier.Applicant.Email is { } email)
            {
                await EnqueueAsync(new Notification(NotificationChannels.Email, email, $"Hồ sơ {dossier.Code}: {e.Action switch { "receive" => "đã tiếp nhận", "complete" => "đã có kết quả", _ => "thông báo" }}", body, dossier.Code, $"dossier:{dossier.Code}:{e.Sequence}:email", dossier.UnitId), cancellationToken);
            }

            if (dossier.Applicant.Phone is { } phone)
            {
                await EnqueueAsync(new Notification(NotificationChannels.Sms, phone, string.Empty, text, dossier.Code, $"dossier:{dossier.Code}:{e.Sequence}:sms", dossier.UnitId), cancellationToken);
            }
        }
    }

    /// <summary>The message for an event, in Vietnamese (the applicant's language), or null when none is due.</summary>
    internal static string? Text(Dossier d, DossierEvent e) => e.Action switch
    {
        "receive" => $"Hồ sơ {d.Code} ({d.ProcedureName}) đã được tiếp nhận. Hẹn trả kết quả: {Moment(d.OriginalDueAt)}.",
        "request-intake-supplement" or "request-supplement" => $"Hồ sơ {d.Code} cần bổ sung: {e.Note}. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.",
        "supplement" => $"Hồ sơ {d.Code} đã được bổ sung. Hẹn trả kết quả mới: {Moment(d.DueAt)}.",
        "complete" => $"Hồ sơ {d.Code} đã có kết quả.{(d.FeeDue > 0 ? $" Phí, lệ phí còn phải nộp: {d.FeeDue.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đồng." : string.Empty)} Mời ông/bà nhận kết quả.",
        "refuse" or "refuse-intake" => $"Hồ sơ {d.Code} không được giải quyết. Lý do: {e.Note}",
        "apologize" => $"Cơ quan xin lỗi vì hồ sơ {d.Code} chưa có kết quả đúng hẹn. Hẹn trả kết quả mới: {Moment(d.DueAt)}.",
        "stop" => $"Hồ sơ {d.Code} đã dừng xử lý. Lý do: {e.Note}",
        _ => null,
    };

    private async Task EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.EnqueueAsync(notification, cancellationToken);
        }
        catch (DomainException exception)
        {
            // A contact the outbox cannot use (e.g. a landline) must not undo the saved change.
            logger.LogWarning("Notice for dossier {Code} not queued ({Channel}): {Reason}", notification.Reference, notification.Channel, exception.Message);
        }
    }

    private static string Moment(DateTime? at) => at?.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";
}
