using System.Threading.RateLimiting;
using Motcua.Common.Persistence;
using Motcua.Common.Web;
using Motcua.Dossiers.Contracts;
using Motcua.Dossiers.Data;
using Motcua.Dossiers.DossierActions;
using Motcua.Dossiers.Fees;
using Motcua.Dossiers.Files;
using Motcua.Dossiers.Forms;
using Motcua.Dossiers.Inbox;
using Motcua.Dossiers.Kiosk;
using Motcua.Dossiers.Lookup;
using Motcua.Dossiers.Portal;

namespace Motcua.Dossiers;

internal static class DossiersModule
{
    public static IServiceCollection AddDossiers(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddAreaDbContext<DossiersDbContext, SqliteDossiersDbContext, PostgresDossiersDbContext>(provider, connectionString);
        services.AddScoped<DossierService>();
        services.AddOptions<SeparationOfDutiesOptions>().BindConfiguration(SeparationOfDutiesOptions.SectionName);
        services.AddSingleton<Common.Web.IRefusalMapping, DossierRefusals>();
        services.AddScoped<ApplicantNotices>();
        services.AddScoped<DossierInbox>();
        services.AddScoped<DossierForms>();
        services.AddScoped<Kiosk.KioskRatings>();
        services.AddScoped<Files.DossierFileStore>();
        services.AddOptions<Portal.NationalPortalOptions>().BindConfiguration(Portal.NationalPortalOptions.SectionName);
        services.AddScoped<Portal.PortalSynchroniser>();
        services.AddScoped<Portal.PortalIntake>();
        services.AddSingleton<Portal.LocalNationalPortal>();
        services.AddHttpClient<Portal.HttpNationalPortal>();
        services.AddScoped<Portal.INationalPortal>(sp => string.IsNullOrEmpty(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.NationalPortalOptions>>().Value.Url)
            ? sp.GetRequiredService<Portal.LocalNationalPortal>()
            : sp.GetRequiredService<Portal.HttpNationalPortal>());
        services.AddHostedService<Portal.PortalSyncService>();
        services.AddScoped<IDossierFees, DossierFees>();
        services.AddScoped<Chain.DossierChains>();
        services.AddScoped<IDossierChains>(sp => sp.GetRequiredService<Chain.DossierChains>());
        services.AddScoped<Common.Persistence.IAfterMigration>(sp => sp.GetRequiredService<Chain.DossierChains>());
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RateLimitRejection.WriteAsync;
            // Guessing secrets must be slow: 30 public requests a minute per client address.
            options.AddPolicy(PublicDossierEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDossiers(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Dossiers");
        group.MapDossierEndpoints();
        group.MapPublicDossierEndpoints();
        group.MapFormEndpoints();
        group.MapFileEndpoints();
        group.MapKioskEndpoints();
        api.MapGroup(string.Empty).WithTags("National Public Service Portal").MapPortalIntake();
        return api;
    }
}
