using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;

namespace Motcua.Common.Input;

/// <summary>
/// A refused input as a 400 problem: <c>errors</c> names the field (the JSON path of a body member, or the
/// query/route/form parameter) with the reason in the caller's language, and <c>vi</c>/<c>en</c> carry it in
/// both languages, as the dossier actions' refusals do.
/// </summary>
internal static class InputProblems
{
    public static IResult Refused(IStringLocalizer localizer, string field, InputRefusal refusal, int maxLength = 0, int statusCode = StatusCodes.Status400BadRequest)
    {
        var vi = In(Cultures.Vietnamese, () => Message(localizer, refusal, maxLength));
        var en = In(Cultures.English, () => Message(localizer, refusal, maxLength));
        var extensions = new Dictionary<string, object?> { ["field"] = field, ["vi"] = vi, ["en"] = en };
        return statusCode == StatusCodes.Status400BadRequest
            ? TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [Cultures.IsEnglish ? en : vi] },
                title: localizer["The request was not accepted."],
                extensions: extensions)
            : TypedResults.Problem(Cultures.IsEnglish ? en : vi, statusCode: statusCode, title: localizer["The request was not accepted."], extensions: extensions);
    }

    public static string Message(IStringLocalizer localizer, InputRefusal refusal, int maxLength) => refusal switch
    {
        InputRefusal.ControlCharacter => localizer["The text contains a control character, which is not allowed."],
        InputRefusal.TooLong => localizer["The text is longer than {0} characters.", maxLength],
        InputRefusal.Duplicate => localizer["The field appears more than once."],
        InputRefusal.MalformedJson => localizer["The request body is not valid JSON."],
        _ => localizer["The value is not valid."],
    };

    /// <summary>"$.applicant.name" → "applicant.name"; the whole body → "request".</summary>
    public static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "request";
        }

        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return field.Length == 0 ? "request" : field;
    }

    private static string In(CultureInfo culture, Func<string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>
/// Turns a request the minimal API could not bind (a refused or malformed JSON body, a query value of the
/// wrong type, a duplicate key, an undefined enum name) into a localised 400 naming the field, instead of a
/// bare 400 without a body. Binding failures reach here because <c>ThrowOnBadRequest</c> is on.
/// </summary>
internal sealed partial class InputExceptionHandler(IStringLocalizer<SharedResource> localizer) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request's path may already be the error page's: the original is in the feature.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value);
        if (exception is not BadHttpRequestException bad || !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The exception handler runs outside the localisation middleware: take the request's language again.
        var culture = httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        var previous = CultureInfo.CurrentUICulture;
        if (culture is not null)
        {
            CultureInfo.CurrentUICulture = culture;
        }

        try
        {
            var (field, refusal, maxLength) = Describe(bad);
            httpContext.Response.StatusCode = bad.StatusCode;
            await InputProblems.Refused(localizer, field, refusal, maxLength, bad.StatusCode).ExecuteAsync(httpContext);
            return true;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    internal static (string Field, InputRefusal Refusal, int MaxLength) Describe(BadHttpRequestException exception)
    {
        switch (exception.InnerException)
        {
            case InputRefusedJsonException refused:
                return (InputProblems.FieldOf(refused.Path), refused.Refusal, refused.MaxLength);
            case JsonException json when json.Message.Contains("uplicate", StringComparison.Ordinal):
                return (InputProblems.FieldOf(json.Path), InputRefusal.Duplicate, 0);
            case JsonException json when json.Message.Contains("could not be converted", StringComparison.Ordinal) || json.Message.Contains("missing required", StringComparison.Ordinal):
                return (InputProblems.FieldOf(json.Path), InputRefusal.InvalidValue, 0);
            case JsonException json:
                return (InputProblems.FieldOf(json.Path), InputRefusal.MalformedJson, 0);
        }

        // 'Failed to bind parameter "DateOnly from" from "x".' / 'Required parameter "string q" was not provided …'
        var parameter = ParameterName().Match(exception.Message);
        return (parameter.Success ? parameter.Groups["name"].Value : "request", InputRefusal.InvalidValue, 0);
    }

    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();
}
