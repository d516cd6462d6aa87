using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Indexes.ServiceIndex;

/// <summary>
/// <c>GET /api/v1/indexes/service?unit=CODE&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD[&amp;set=CODE]</c>: every indicator
/// of a unit and the units under it for whole local days, with targets and the points of the indicator set
/// (Decision 766 unless <c>set</c> names a province set). For exactly a closed period of the unit: the
/// published figures, <c>closed: true</c>, the adjustments made since and the live difference.
/// </summary>
internal static class ServiceIndexEndpoint
{
    public static void MapServiceIndex(this IEndpointRouteBuilder api) =>
        api.MapGet("/indexes/service", HandleAsync)
            .WithName("ServiceIndex")
            .WithSummary("Service-quality indicators (Decision 766, or set=CODE) of a unit and the units under it for a period, with targets and points; a closed period gives its published figures and adjustments.");

    private static async Task<Results<Ok<ServiceIndexResult>, ValidationProblem, ForbidHttpResult>> HandleAsync(
        string? unit, string? from, string? to, string? set, Closing.PeriodClosing closing, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (Period.Parse(unit, from, to, localizer) is { Problem: { } problem })
        {
            return problem;
        }

        return TypedResults.Ok(await closing.ResultAsync(unit!, Period.Date(from), Period.Date(to), set, cancellationToken));
    }
}

/// <summary>Checks the unit and period parameters every index endpoint takes.</summary>
internal static class Period
{
    public static (ValidationProblem? Problem, bool Ok) Parse(string? unit, string? from, string? to, IStringLocalizer localizer)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(unit))
        {
            errors["unit"] = [localizer["Give the unit code."]];
        }

        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors[name] = [localizer["The date {0} must be written YYYY-MM-DD.", value ?? string.Empty]];
            }
        }

        return errors.Count > 0 ? (ApiProblems.Invalid(errors), false) : (null, true);
    }

    public static DateOnly Date(string? value) => DateOnly.ParseExact(value!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
