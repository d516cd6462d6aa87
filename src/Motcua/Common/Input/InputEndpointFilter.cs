using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;

namespace Motcua.Common.Input;

/// <summary>
/// The same rules for texts that do not come in a JSON body: route values, query values and form fields
/// of the API. A text is checked and replaced by its NFC form before the handler runs; an enum bound from
/// the query must be one of its names (minimal APIs would otherwise accept "7").
/// </summary>
internal static class InputEndpointFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters().Select(Describe).Where(c => c is not null).Select(c => c!).ToArray();
        if (checks.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            foreach (var check in checks)
            {
                var value = invocation.Arguments[check.Index];
                if (value is string text)
                {
                    var result = TextInput.Check(text, check.MaxLength, check.MultiLine);
                    if (result.Refusal is { } refusal)
                    {
                        return ValueTask.FromResult<object?>(Refuse(invocation.HttpContext, check.Name, refusal, check.MaxLength));
                    }

                    invocation.Arguments[check.Index] = result.Value;
                }
                else if (value is Enum && !Enum.IsDefined(value.GetType(), value))
                {
                    return ValueTask.FromResult<object?>(Refuse(invocation.HttpContext, check.Name, InputRefusal.InvalidValue, 0));
                }
            }

            return next(invocation);
        };
    }

    private static IResult Refuse(HttpContext context, string name, InputRefusal refusal, int maxLength) =>
        InputProblems.Refused(context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>(), name, refusal, maxLength);

    private static Check? Describe(ParameterInfo parameter, int index)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type != typeof(string) && !type.IsEnum)
        {
            return null;
        }

        if (parameter.GetCustomAttribute<FromBodyAttribute>() is not null || parameter.GetCustomAttribute<FromServicesAttribute>() is not null)
        {
            return null;
        }

        var form = parameter.GetCustomAttribute<FromFormAttribute>();
        var name = form?.Name ?? parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name ?? parameter.Name ?? "request";

        // Form fields come from text areas; query and route values are one line.
        var maxLength = parameter.GetCustomAttribute<MaxLengthAttribute>()?.Length
            ?? parameter.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength
            ?? (form is null ? TextInput.DefaultQueryMaxLength : TextInput.DefaultMaxLength);
        return new Check(index, name, maxLength, MultiLine: form is not null || parameter.GetCustomAttribute<MultiLineAttribute>() is not null);
    }

    private sealed record Check(int Index, string Name, int MaxLength, bool MultiLine);
}
