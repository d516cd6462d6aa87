using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Motcua.Access;
using Motcua.Audit;
using Motcua.Calendar;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Persistence;
using Motcua.Common.Web;
using Motcua.DemoData;
using Motcua.Dossiers;
using Motcua.Indexes;
using Motcua.Notifications;
using Motcua.Organisation;
using Motcua.Payments;
using Motcua.Plans;
using Motcua.Procedures;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Motcua;

/// <summary>The composition root: every area registers its services and maps its endpoints here.</summary>
internal static class MotcuaApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <param name="replaceServices">Runs after every area registered its services, so tests can put fakes
    /// (a clock, a notification sender) in place of the real ones.</param>
    public static WebApplication Build(
        string[] args, bool commandLineMode = false, Action<WebApplicationBuilder>? configure = null, Action<IServiceCollection>? replaceServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot(),

            // The application name decides where Razor Pages are discovered. Hosted by a test runner the
            // entry assembly is the runner's, which would leave every page unrouted (and, under the
            // fallback authorisation policy, the sign-in page redirecting to itself).
            ApplicationName = typeof(MotcuaApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        ConfigureLogging(builder, commandLineMode);
        ConfigureServices(builder);
        replaceServices?.Invoke(builder.Services);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    /// <summary>
    /// Pages, translations and static files live beside the assembly when published, and in the
    /// project folder under <c>dotnet run</c>; either way the app finds them wherever it is started from.
    /// </summary>
    private static string ContentRoot()
    {
        // Under `dotnet run` or a test run the binaries sit below the repository: use the project folder.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "Motcua");
            if (File.Exists(Path.Combine(project, "Motcua.csproj")))
            {
                return project;
            }

            if (File.Exists(Path.Combine(directory.FullName, "Motcua.csproj")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, bool commandLineMode)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "Motcua");
            if (commandLineMode)
            {
                // Commands print their own results on stdout; logs go to stderr and only when they matter.
                logger.MinimumLevel.Warning().WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture);
            }
            else if (builder.Environment.IsDevelopment() || builder.Configuration.GetValue("Motcua:Logging:Plain", false))
            {
                logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var dataDirectory = new DataDirectory(builder.Configuration);
        services.AddSingleton(dataDirectory);
        services.AddSingleton(TimeProvider.System);
        var (provider, connectionString) = PersistenceRegistration.ResolveDatabase(builder.Configuration, dataDirectory);

        services.AddOrganisation(provider, connectionString);
        services.AddAccess(provider, connectionString, builder.Configuration);
        services.AddCalendar(provider, connectionString);
        services.AddProcedures(provider, connectionString);
        services.AddDossiers(provider, connectionString);
        services.AddPayments(builder.Configuration, builder.Environment, provider, connectionString);
        services.AddNotifications(provider, connectionString, builder.Configuration, builder.Environment);
        services.AddIndexes(builder.Configuration, provider, connectionString);
        services.AddPlans(provider, connectionString);
        services.AddPlansReporting(builder.Configuration, builder.Environment);
        services.AddAudit(builder.Configuration, builder.Environment, provider, connectionString);
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<DemoSeeder>();

        services.AddDataProtection()
            .SetApplicationName("Motcua")
            .PersistKeysToFileSystem(new DirectoryInfo(dataDirectory.Combine("keys")));

        services.AddLocalization();
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures.Vietnamese);
            options.SupportedCultures = Cultures.Supported;
            options.SupportedUICultures = Cultures.Supported;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        // Razor would otherwise write "Th&#x1EE7; t&#x1EE5;c" for every Vietnamese letter.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddRazorPages(options =>
        {
            // Pages live beside their use case (Organisation/Units/…), not in a Pages folder.
            options.RootDirectory = "/";
        }).AddViewLocalization().AddMvcOptions(options => options.Filters.Add<RefusalPageFilter>());
        services.AddScoped<Refusals>();
        services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        services.AddInputRules();
        services.AddErrorResponses();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Motcua API";
                document.Info.Description = "Hệ thống thông tin một cửa điện tử — the Motcua one-stop and administrative-reform platform.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<DossierApiExamples>();
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(MotcuaMetrics.MeterName).AddPrometheusExporter();
            if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                metrics.AddOtlpExporter();
            }
        });
        services.AddSingleton<MotcuaMetrics>();
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseAccessNetwork();
        app.UseErrorResponses();
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(options =>
        {
            // Who made the request: set by the authentication middleware further down, read when the request ends.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms for {UserName}";
            options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("UserName", context.User.Identity?.Name ?? "anonymous");
        });
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseMiddleware<DatabaseRecovery>();
        app.UseMiddleware<Access.FirstRun.FirstRunRedirect>();
        app.UseAuthentication();
        app.UseAccessSessions();
        app.UseAuthorization();
        app.UseAudit();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", options => options.WithTitle("Motcua API")).AllowAnonymous();

        // Refusals thrown by any handler are answered here, once (ADR 0015); the group documents them for every
        // operation. Texts, enums and lengths are checked before any handler runs (ADR 0020).
        var api = app.MapGroup("/api/v1").AddEndpointFilter<RefusalEndpointFilter>().CheckInput()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapOrganisation();
        api.MapAccess();
        api.MapCalendar();
        api.MapProcedures();
        api.MapDossiers();
        api.MapPayments();
        api.MapNotifications();
        api.MapIndexes();
        api.MapPlans();
        api.MapPlansReporting();

        app.MapPost("/culture", SetCulture).AllowAnonymous();
        app.MapRazorPages();
    }

    /// <summary>The language switch: remembers the choice for a year and goes back where the user was.</summary>
    private static IResult SetCulture(HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string? culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl)
    {
        var chosen = culture == "en" ? Cultures.English : Cultures.Vietnamese;
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        // Only a path of this site; anything LocalRedirect would refuse ("/\host", control characters) goes home instead of failing.
        var target = returnUrl is ['/', ..] && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            && !returnUrl.Any(char.IsControl) ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }
}

/// <summary>Ready when every area's database answers.</summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services, IEnumerable<MigratedContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var migrated in contexts)
        {
            var db = (Microsoft.EntityFrameworkCore.DbContext)scope.ServiceProvider.GetRequiredService(migrated.ContextType);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"{migrated.ContextType.Name} cannot reach its database.");
            }
        }

        return HealthCheckResult.Healthy();
    }
}
