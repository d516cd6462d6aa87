using Microsoft.AspNetCore.Http.HttpResults;

namespace Motcua.Common.Web;

internal static class ApiProblems
{
    /// <summary>HTTP 400 problem details whose <c>errors</c> name the offending parameter.</summary>
    public static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] });

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);
}
