using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Motcua.Notifications.Contracts;

namespace Motcua.Notifications.Sending;

/// <summary>
/// E-mail through the province's or the unit's mail server (<c>Motcua:Notifications:Smtp</c>). Plain text
/// in UTF-8, base64-encoded so that Vietnamese letters survive servers that only take 7-bit mail.
/// </summary>
internal sealed class SmtpEmailSender(SmtpOptions options) : INotificationSender
{
    public string Channel => NotificationChannels.Email;

    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var from = new MailAddress(options.From ?? throw new InvalidOperationException("Motcua:Notifications:Smtp:From is not set."));
        using var mail = new MailMessage
        {
            From = from,
            Subject = message.Subject,
            // Base64 carries the text as it is, so it must already be in MIME's canonical form (CRLF lines).
            Body = message.Body.ReplaceLineEndings("\r\n"),
            IsBodyHtml = false,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        mail.To.Add(new MailAddress(message.Recipient));

        // The same Message-ID on every attempt lets mail clients fold a message that went out twice
        // (a crash between sending and recording it) into one.
        mail.Headers.Add("Message-ID", $"<{message.Id:N}@{from.Host}>");
        if (message.Reference is not null)
        {
            mail.Headers.Add("X-Motcua-Reference", message.Reference);
        }

        // SmtpClient is not thread-safe and holds a connection: one per message keeps the dispatcher simple.
        using var client = new SmtpClient(options.Host, options.Port)
        {
            EnableSsl = options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)TimeSpan.FromSeconds(options.TimeoutSeconds).TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        await client.SendMailAsync(mail, cancellationToken);
        return null;
    }
}
