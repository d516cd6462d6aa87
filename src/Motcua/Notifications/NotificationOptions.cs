namespace Motcua.Notifications;

/// <summary>Bound from <c>Motcua:Notifications</c> (env: <c>Motcua__Notifications__Smtp__Host</c> …).</summary>
internal sealed class NotificationOptions
{
    public const string SectionName = "Motcua:Notifications";

    /// <summary>How often the dispatcher looks for due messages.</summary>
    public int PollSeconds { get; set; } = 10;

    /// <summary>Attempts before a message is marked Failed and waits for an administrator.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Messages claimed at a time; claimed messages are invisible to other instances until sent or the lease runs out.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// Whether the background dispatcher runs. Unset means yes, except in the Testing environment, where
    /// tests call <see cref="Dispatch.OutboxDispatcher.DispatchDueAsync"/> themselves.
    /// </summary>
    public bool? RunDispatcher { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public GatewayOptions Sms { get; set; } = new();

    public GatewayOptions Zalo { get; set; } = new();
}

/// <summary><c>Motcua:Notifications:Smtp</c>. E-mail is sent only when <see cref="Host"/> and <see cref="From"/> are set.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>"UBND xã Kim Sơn" &lt;motcua@kimson.gov.vn&gt;</c>.</summary>
    public string? From { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary><c>Motcua:Notifications:Sms</c> and <c>Motcua:Notifications:Zalo</c>: a generic HTTP gateway.</summary>
internal sealed class GatewayOptions
{
    /// <summary>The gateway endpoint receiving one JSON message per POST.</summary>
    public Uri? Url { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The registered brand name (SMS) or Zalo Official Account the gateway sends as.</summary>
    public string? Sender { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => Url is not null;
}
