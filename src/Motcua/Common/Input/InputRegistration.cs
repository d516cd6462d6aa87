using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;

namespace Motcua.Common.Input;

/// <summary>Where the input rules are switched on; see docs/security/input.md and ADR 0020.</summary>
internal static class InputRegistration
{
    public static IServiceCollection AddInputRules(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options => InputJson.Configure(options.SerializerOptions));
        services.ConfigureAll<OpenApiOptions>(options => options.AddSchemaTransformer((schema, context, _) =>
        {
            InputJson.Describe(schema, context.JsonPropertyInfo);
            return Task.CompletedTask;
        }));

        // A body that cannot be bound throws instead of answering a bare 400, so that the handler below can
        // answer with the field and the reason.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<InputExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options =>
        {
            options.ModelBinderProviders.Insert(0, new CheckedStringBinderProvider());
            options.Filters.Add(new InputPageFilter());
        });
        return services;
    }

    public static RouteGroupBuilder CheckInput(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory(InputEndpointFilter.Create);
        return group;
    }
}
