using Motcua.Common;
using Motcua.Notifications;
using Motcua.Notifications.Contracts;

namespace Motcua.UnitTests.Notifications;

/// <summary>What the outbox accepts: recipients per channel, lengths, and the field named when it refuses.</summary>
public sealed class NotificationRulesFacts
{
    [Theory]
    [InlineData("nguyen.hoa@gmail.com")]
    [InlineData("vanthu@kimson.gialai.gov.vn")]
    [InlineData("a+dossier@example.vn")]
    [InlineData("  spaced@example.com  ")]
    public void E_mail_addresses_are_accepted(string recipient) =>
        Assert.Equal(recipient.Trim(), NotificationRules.Recipient("email", recipient));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("nguyen.hoa")]
    [InlineData("nguyen.hoa@")]
    [InlineData("@gmail.com")]
    [InlineData("hoa@localhost")]
    [InlineData("hoa@gmail.c")]
    [InlineData("hoa @gmail.com")]
    [InlineData("a@b@gmail.com")]
    [InlineData("Nguyễn Hoa <hoa@gmail.com>")]
    [InlineData("0912345678")]
    public void Anything_else_is_not_an_e_mail_address(string recipient)
    {
        var refused = Assert.Throws<DomainException>(() => NotificationRules.Recipient("email", recipient));
        Assert.Equal("recipient", refused.Field);
    }

    [Fact]
    public void An_e_mail_address_longer_than_254_characters_is_refused() =>
        Assert.Throws<DomainException>(() => NotificationRules.Recipient("email", new string('a', 245) + "@gmail.com"));

    [Theory]
    [InlineData("sms", "0912345678", "+84912345678")]
    [InlineData("sms", "0386 123 456", "+84386123456")]
    [InlineData("sms", "0912.345.678", "+84912345678")]
    [InlineData("sms", "0912-345-678", "+84912345678")]
    [InlineData("sms", "+84912345678", "+84912345678")]
    [InlineData("sms", "+84 912 345 678", "+84912345678")]
    [InlineData("zalo", "0562345678", "+84562345678")]
    [InlineData("zalo", "0701234567", "+84701234567")]
    [InlineData("zalo", "0812345678", "+84812345678")]
    public void Vietnamese_mobile_numbers_are_accepted_and_written_in_international_form(string channel, string recipient, string expected) =>
        Assert.Equal(expected, NotificationRules.Recipient(channel, recipient));

    [Theory]
    [InlineData("091234567")]       // nine digits
    [InlineData("09123456789")]     // eleven digits
    [InlineData("02438123456")]     // a Hà Nội landline: no SMS
    [InlineData("0112345678")]      // no such prefix
    [InlineData("84912345678")]     // the country code without +
    [InlineData("+8491234567")]     // too short after +84
    [InlineData("+1 202 555 0100")] // not Vietnamese
    [InlineData("0912345abc")]
    [InlineData("hoa@gmail.com")]
    [InlineData("")]
    public void Anything_else_is_not_a_mobile_number(string recipient)
    {
        var refused = Assert.Throws<DomainException>(() => NotificationRules.Recipient("sms", recipient));
        Assert.Equal("recipient", refused.Field);
    }

    [Theory]
    [InlineData("email", "email")]
    [InlineData(" SMS ", "sms")]
    [InlineData("Zalo", "zalo")]
    public void Channels_are_read_whatever_their_case(string channel, string expected) =>
        Assert.Equal(expected, NotificationRules.Channel(channel));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fax")]
    [InlineData("mail")]
    public void Unknown_channels_are_refused(string? channel) =>
        Assert.Equal("channel", Assert.Throws<DomainException>(() => NotificationRules.Channel(channel)).Field);

    public static readonly TheoryData<string, string, string, string, string, string?, string?> BadMessages = new()
    {
        { "channel", "telegram", "0912345678", string.Empty, "Nội dung", null, null },
        { "recipient", "sms", "hoa@gmail.com", string.Empty, "Nội dung", null, null },
        { "subject", "email", "hoa@gmail.com", "  ", "Nội dung", null, null },
        { "subject", "email", "hoa@gmail.com", new string('x', 201), "Nội dung", null, null },
        { "body", "email", "hoa@gmail.com", "Hồ sơ", " ", null, null },
        { "body", "email", "hoa@gmail.com", "Hồ sơ", new string('x', 20_001), null, null },
        { "body", "sms", "0912345678", string.Empty, new string('x', 1_001), null, null },
        { "reference", "sms", "0912345678", string.Empty, "Nội dung", new string('K', 61), null },
        { "deduplicationKey", "sms", "0912345678", string.Empty, "Nội dung", null, new string('k', 201) },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public void A_bad_message_is_refused_naming_the_field(string field, string channel, string recipient, string subject, string body, string? reference, string? key)
    {
        var refused = Assert.Throws<DomainException>(() => NotificationRules.Validate(new Notification(channel, recipient, subject, body, reference, key)));
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void A_good_message_is_returned_trimmed_and_normalised()
    {
        var unit = Guid.NewGuid();
        var valid = NotificationRules.Validate(new Notification(
            "SMS", " 0912 345 678 ", string.Empty, " Hồ sơ K1-260302-0001 đã có kết quả. ", " K1-260302-0001 ", "  ", unit));

        Assert.Equal(new Notification("sms", "+84912345678", string.Empty, "Hồ sơ K1-260302-0001 đã có kết quả.", "K1-260302-0001", null, unit), valid);
        Assert.Equal(20_000, NotificationRules.Validate(new Notification("email", "a@b.vn", "S", new string('x', 20_000), null, null)).Body.Length);
        Assert.Equal(1_000, NotificationRules.Validate(new Notification("zalo", "0912345678", string.Empty, new string('x', 1_000), null, null)).Body.Length);
    }

    [Theory]
    [InlineData("nguyen.hoa@gmail.com", "n***@gmail.com")]
    [InlineData("+84912345678", "+849******78")]
    [InlineData("12345", "***")]
    public void Logs_show_recipients_masked(string recipient, string masked) =>
        Assert.Equal(masked, NotificationRules.Mask(recipient));
}
