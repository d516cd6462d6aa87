using Microsoft.Extensions.Options;
using Motcua.Common.Persistence;
using Motcua.Notifications.Contracts;
using Motcua.Notifications.Data;
using Motcua.Notifications.Dispatch;
using Motcua.Notifications.Inbox;
using Motcua.Notifications.ManageOutbox;
using Motcua.Notifications.Sending;

namespace Motcua.Notifications;

internal static class NotificationsModule
{
    /// <summary>The environment the test hosts run in (<c>--environment=Testing</c>).</summary>
    private const string TestingEnvironment = "Testing";

    public static IServiceCollection AddNotifications(
        this IServiceCollection services, DatabaseProvider provider, string connectionString, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAreaDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(provider, connectionString);
        var section = configuration.GetSection(NotificationOptions.SectionName);
        services.Configure<NotificationOptions>(section);
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<INotifications>(sp => sp.GetRequiredService<NotificationOutbox>());
        services.AddScoped<OutboxAdministration>();
        services.AddScoped<UserInbox>();
        services.AddScoped<IInbox>(sp => sp.GetRequiredService<UserInbox>());

        // A channel without settings still "delivers" (to the log), so a fresh install needs no mail server.
        services.AddHttpClient(HttpSmsSender.ClientName);
        services.AddSingleton<INotificationSender>(sp => Options(sp).Smtp.IsConfigured
            ? new SmtpEmailSender(Options(sp).Smtp)
            : LogOnly(sp, NotificationChannels.Email));
        services.AddSingleton<INotificationSender>(sp => Gateway(sp, NotificationChannels.Sms, Options(sp).Sms));
        services.AddSingleton<INotificationSender>(sp => Gateway(sp, NotificationChannels.Zalo, Options(sp).Zalo));
        services.AddSingleton<NotificationSenders>();

        services.AddSingleton<OutboxDispatcher>();
        // Tests call DispatchDueAsync themselves with a fake clock; a timer sending behind their back would race them.
        if (section.GetValue<bool?>(nameof(NotificationOptions.RunDispatcher)) ?? !environment.IsEnvironment(TestingEnvironment))
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder api)
    {
        api.MapGroup(string.Empty).WithTags("Notifications").MapNotificationEndpoints();
        return api;
    }

    private static NotificationOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<NotificationOptions>>().Value;

    private static INotificationSender Gateway(IServiceProvider services, string channel, GatewayOptions options) =>
        options.IsConfigured ? new HttpSmsSender(channel, options, services.GetRequiredService<IHttpClientFactory>()) : LogOnly(services, channel);

    private static LogOnlySender LogOnly(IServiceProvider services, string channel) =>
        new(channel, services.GetRequiredService<ILogger<LogOnlySender>>());
}
