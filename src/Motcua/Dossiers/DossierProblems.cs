using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common.Web;

namespace Motcua.Dossiers;

/// <summary>
/// Refusals of dossier actions carry the message in Vietnamese and in English (integrations and
/// officers read different languages); <c>detail</c> is in the caller's language.
/// </summary>
internal static class DossierProblems
{
    public static ProblemHttpResult Conflict(DossierConflictException exception, IStringLocalizer localizer)
    {
        var vi = In(Common.Localization.Cultures.Vietnamese, () => exception.Localize(localizer));
        var en = In(Common.Localization.Cultures.English, () => string.Format(CultureInfo.InvariantCulture, exception.Message, [.. exception.Arguments.Select(a => Argument(a, localizer))]));
        return TypedResults.Problem(
            detail: Common.Localization.Cultures.IsEnglish ? en : vi,
            statusCode: StatusCodes.Status409Conflict,
            title: localizer["The action is not allowed now."],
            extensions: new Dictionary<string, object?> { ["vi"] = vi, ["en"] = en });
    }

    /// <summary>The refusal in the caller's language, for pages.</summary>
    public static string Localize(this DossierConflictException exception, IStringLocalizer localizer) =>
        localizer[exception.Message, [.. exception.Arguments.Select(a => Argument(a, localizer))]].Value;

    public static ProblemHttpResult Forbidden(IStringLocalizer localizer, string action) =>
        TypedResults.Problem(
            detail: localizer["Your role does not allow the action {0} on this dossier.", action],
            statusCode: StatusCodes.Status403Forbidden,
            title: localizer["Not allowed"],
            extensions: new Dictionary<string, object?>
            {
                ["vi"] = In(Common.Localization.Cultures.Vietnamese, () => localizer["Your role does not allow the action {0} on this dossier.", action].Value),
                ["en"] = string.Format(CultureInfo.InvariantCulture, "Your role does not allow the action {0} on this dossier.", action),
                ["roles"] = DossierPermissions.RolesFor(action),
            });

    /// <summary>A state named in a message reads as words ("being processed"), not as an identifier.</summary>
    private static object Argument(object argument, IStringLocalizer localizer) =>
        argument is DossierStatus status ? localizer[Lookup.StatusTexts.Of(status)].Value.ToLower(CultureInfo.CurrentCulture) : argument;

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

/// <summary>The dossier refusals <c>Common</c> does not know, for the one refusal filter (ADR 0015).</summary>
internal sealed class DossierRefusals : IRefusalMapping
{
    public Refusal? Map(Exception exception, IStringLocalizer localizer) => exception switch
    {
        DossierConflictException conflict => new Refusal(
            StatusCodes.Status409Conflict, [new(string.Empty, conflict.Localize(localizer))], DossierProblems.Conflict(conflict, localizer)),
        DossierActionForbiddenException forbidden => new Refusal(
            StatusCodes.Status403Forbidden,
            [new(string.Empty, localizer["Your role does not allow the action {0} on this dossier.", forbidden.Action])],
            DossierProblems.Forbidden(localizer, forbidden.Action)),
        _ => null,
    };
}

/// <summary>The caller's role does not allow this lifecycle action (the answer names the roles that do).</summary>
internal sealed class DossierActionForbiddenException(string action) : Exception("Forbidden.")
{
    public string Action { get; } = action;
}
