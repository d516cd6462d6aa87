using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Tabular;

namespace Motcua.Common.Web;

internal static class DomainResults
{
    public static string Localize(this DomainException exception, IStringLocalizer localizer) =>
        localizer[exception.Message, [.. exception.Arguments]].Value;

    /// <summary>HTTP 400 with the rule's message in the caller's language, keyed by the field at fault.</summary>
    public static ValidationProblem ToProblem(this DomainException exception, IStringLocalizer localizer) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [exception.Field ?? "request"] = [exception.Localize(localizer)] },
            title: localizer["The request was not accepted."]);

    public static ValidationProblem ToProblem(this ImportRejectedException exception, IStringLocalizer localizer) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["file"] = [.. exception.Errors] },
            title: localizer["The file was rejected; nothing was imported."]);

    /// <summary>Runs a command and maps the outcomes every command shares to HTTP results.</summary>
    public static async Task<Results<NoContent, NotFound, ValidationProblem, ForbidHttpResult>> RunAsync(IStringLocalizer localizer, Func<Task> action)
    {
        try
        {
            await action();
            return TypedResults.NoContent();
        }
        catch (DomainException exception)
        {
            return exception.ToProblem(localizer);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ForbiddenException)
        {
            return TypedResults.Forbid();
        }
    }
}
