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
}
