using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Motcua.Common.Persistence;
using Motcua.Payments.Callback;
using Motcua.Payments.Contracts;
using Motcua.Payments.Data;
using Motcua.Payments.Providers;
using Motcua.Payments.StartPayment;

namespace Motcua.Payments;

internal static class PaymentsModule
{
    public const string RateLimitPolicy = "public-payments";

    public static IServiceCollection AddPayments(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, DatabaseProvider provider, string connectionString)
    {
        services.AddAreaDbContext<PaymentsDbContext, SqlitePaymentsDbContext, PostgresPaymentsDbContext>(provider, connectionString);
        var section = configuration.GetSection(PaymentOptions.SectionName);
        services.Configure<PaymentOptions>(section);
        // The test gateway marks fees paid without collecting money: never the default of a production
        // installation (Development and Testing get it, a demo enables it explicitly).
        var chosen = section.Get<PaymentOptions>()?.Provider ?? (environment.IsProduction() ? PaymentOptions.None : LocalTestProvider.ProviderName);
        switch (chosen)
        {
            case LocalTestProvider.ProviderName:
                // Only registered when chosen: the test gateway marks fees paid without collecting money.
                services.AddSingleton<LocalTestProvider>();
                services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<LocalTestProvider>());
                break;
            case PaymentOptions.None:
                break;
            default:
                throw new InvalidOperationException($"Motcua:Payments:Provider '{chosen}' is unknown: use '{LocalTestProvider.ProviderName}' or '{PaymentOptions.None}'.");
        }

        services.AddSingleton<PaymentProviders>();
        services.AddScoped<PaymentService>();
        services.AddScoped<IOnlinePayments>(sp => sp.GetRequiredService<PaymentService>());
        services.AddRateLimiter(options =>
            // Starting payments and the test gateway are public: 30 requests a minute per client address.
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Payments");
        group.MapStartPayment();
        group.MapPaymentCallback();
        WarnAboutTheTestProvider(api.ServiceProvider);
        return api;
    }

    /// <summary>The test gateway lets anyone mark a fee paid: say so loudly once the production site is serving.</summary>
    private static void WarnAboutTheTestProvider(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsProduction() || services.GetRequiredService<IOptions<PaymentOptions>>().Value.Provider != LocalTestProvider.ProviderName)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentsModule));
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => logger.LogWarning(
            "Online payment uses the local TEST provider, which collects no money: configure a real provider (Motcua:Payments:Provider) or turn it off with 'none'."));
    }
}
