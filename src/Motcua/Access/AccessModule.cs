using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Motcua.Access.Contracts;
using Motcua.Access.Data;
using Motcua.Access.IssueToken;
using Motcua.Access.ManageUsers;
using Motcua.Access.Network;
using Motcua.Access.Sessions;
using Motcua.Access.SignIn;
using Motcua.Common.Persistence;

namespace Motcua.Access;

internal static class AccessModule
{
    /// <summary>Chooses bearer tokens for API calls that carry one and the cookie otherwise.</summary>
    public const string Scheme = "Motcua";

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public static IServiceCollection AddAccess(this IServiceCollection services, DatabaseProvider provider, string connectionString, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName);
        services.AddMemoryCache();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordCheck>();
        services.AddForwardedHeadersFromConfiguration(configuration);
        services.AddAreaDbContext<AccessDbContext, SqliteAccessDbContext, PostgresAccessDbContext>(provider, connectionString);

        services.AddIdentity<MotcuaUser, MotcuaRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                // The "confirmation" is ActiveUserConfirmation: a disabled user cannot sign in, by form, token or
                // two-factor step. (Without this flag Identity never asks it.)
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<AccessDbContext>()
            .AddUserManager<MotcuaUserManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<MotcuaClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.AddScoped<IUserConfirmation<MotcuaUser>, ActiveUserConfirmation>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    IsBearerRequest(context.Request)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TokenLifetime);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "motcua.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // An API client gets a status code, never an HTML redirect.
            options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administration, policy => policy.RequireRole(Roles.SystemAdmin, Roles.UnitAdmin))
            .AddPolicy(Policies.SystemAdministration, policy => policy.RequireRole(Roles.SystemAdmin))
            // Everything requires a signed-in user unless it says [AllowAnonymous]: a forgotten attribute fails closed.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddHttpContextAccessor();
        // Outside a request (command line, scheduled jobs) the actor is the system itself.
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is null
            ? new SystemUser()
            : ActivatorUtilities.CreateInstance<CurrentUser>(sp));
        services.AddScoped<UserAdministration>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddSingleton<SetupState>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Access");
        group.MapIssueToken();
        group.MapUserEndpoints();
        return api;
    }

    /// <summary>
    /// First in the pipeline: the client address and scheme from known proxies only, then <c>/metrics</c>
    /// closed to everyone but the machine itself and the holder of the metrics token.
    /// </summary>
    public static WebApplication UseAccessNetwork(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardedHeadersState>().Enabled)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<MetricsGate>();
        return app;
    }

    /// <summary>Right after authentication: stale sessions end, cookie-authenticated API writes need the antiforgery token.</summary>
    public static WebApplication UseAccessSessions(this WebApplication app)
    {
        app.UseMiddleware<SessionValidation>();
        app.UseMiddleware<ApiAntiforgery>();
        return app;
    }

    /// <summary>The API caller chose a bearer token; otherwise the cookie (if any) is used.</summary>
    public static bool IsBearerRequest(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task StatusOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Headers["HX-Request"] == "true")
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Disabled users cannot sign in, whatever their password.</summary>
internal sealed class ActiveUserConfirmation : IUserConfirmation<MotcuaUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<MotcuaUser> manager, MotcuaUser user) => Task.FromResult(!user.IsDisabled);
}
