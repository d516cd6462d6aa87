using System.Net.Mail;
using System.Text.RegularExpressions;
using Motcua.Common;
using Motcua.Notifications.Contracts;

namespace Motcua.Notifications;

/// <summary>What a message must look like before the outbox accepts it: pure rules, tested table-driven.</summary>
internal static partial class NotificationRules
{
    public const int MaxRecipientLength = 254;

    public const int MaxSubjectLength = 200;

    public const int MaxEmailBodyLength = 20_000;

    /// <summary>An SMS of this length is already many parts; longer texts belong in an e-mail.</summary>
    public const int MaxShortMessageBodyLength = 1_000;

    public const int MaxReferenceLength = 60;

    public const int MaxDeduplicationKeyLength = 200;

    /// <summary>The channel in its canonical lower-case form, or a <see cref="DomainException"/>.</summary>
    public static string Channel(string? channel)
    {
        var normalised = channel?.Trim().ToLowerInvariant();
        return normalised is not null && NotificationChannels.All.Contains(normalised)
            ? normalised
            : throw new DomainException("channel", "The channel must be email, sms or zalo.");
    }

    /// <summary>
    /// The recipient in the form the senders use: an e-mail address as written (trimmed), a phone number
    /// as +84 followed by nine digits, whatever separators the officer typed.
    /// </summary>
    public static string Recipient(string channel, string? recipient)
    {
        var trimmed = recipient?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException("recipient", "The recipient is required.");
        }

        if (channel == NotificationChannels.Email)
        {
            return IsEmailAddress(trimmed)
                ? trimmed
                : throw new DomainException("recipient", "The recipient must be an e-mail address of at most 254 characters.");
        }

        return NormalisePhone(trimmed)
            ?? throw new DomainException("recipient", "The recipient must be a Vietnamese mobile number: 0xxxxxxxxx or +84xxxxxxxxx.");
    }

    public static bool IsEmailAddress(string text) =>
        text.Length <= MaxRecipientLength
        && EmailShape().IsMatch(text)
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && string.IsNullOrEmpty(address.DisplayName);

    /// <summary>
    /// Vietnamese mobile numbers since the 2018 renumbering: 0 or +84, then 3, 5, 7, 8 or 9, then eight
    /// digits. Landlines (02…) cannot receive SMS or Zalo messages, so they are refused here rather than
    /// failing at the gateway eight times. Null when <paramref name="text"/> is not such a number.
    /// </summary>
    public static string? NormalisePhone(string text)
    {
        var compact = PhoneSeparators().Replace(text, string.Empty);
        var match = MobileNumber().Match(compact);
        return match.Success ? "+84" + match.Groups["subscriber"].Value : null;
    }

    /// <summary>Checks the whole message and returns it normalised, or throws naming the first field at fault.</summary>
    public static Notification Validate(Notification n)
    {
        var channel = Channel(n.Channel);
        var recipient = Recipient(channel, n.Recipient);
        var subject = n.Subject?.Trim() ?? string.Empty;
        if (channel == NotificationChannels.Email && subject.Length == 0)
        {
            throw new DomainException("subject", "An e-mail needs a subject.");
        }

        if (subject.Length > MaxSubjectLength)
        {
            throw new DomainException("subject", "The subject must be at most 200 characters.");
        }

        var body = n.Body?.Trim() ?? string.Empty;
        if (body.Length == 0)
        {
            throw new DomainException("body", "The message text is required.");
        }

        if (channel == NotificationChannels.Email ? body.Length > MaxEmailBodyLength : body.Length > MaxShortMessageBodyLength)
        {
            throw new DomainException("body", "The message text is too long: at most 20000 characters for an e-mail, 1000 for SMS and Zalo.");
        }

        var reference = string.IsNullOrWhiteSpace(n.Reference) ? null : n.Reference.Trim();
        if (reference?.Length > MaxReferenceLength)
        {
            throw new DomainException("reference", "The reference must be at most 60 characters.");
        }

        var key = string.IsNullOrWhiteSpace(n.DeduplicationKey) ? null : n.DeduplicationKey.Trim();
        if (key?.Length > MaxDeduplicationKeyLength)
        {
            throw new DomainException("deduplicationKey", "The deduplication key must be at most 200 characters.");
        }

        return new Notification(channel, recipient, subject, body, reference, key, n.UnitId);
    }

    /// <summary>For logs: enough to tell two recipients apart, not enough to contact the person.</summary>
    public static string Mask(string recipient)
    {
        var at = recipient.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return recipient[..1] + "***" + recipient[at..];
        }

        return recipient.Length > 6 ? recipient[..4] + new string('*', recipient.Length - 6) + recipient[^2..] : "***";
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^(?:0|\+84)(?<subscriber>[35789]\d{8})$")]
    private static partial Regex MobileNumber();
}
