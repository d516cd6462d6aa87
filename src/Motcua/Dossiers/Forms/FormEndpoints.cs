using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Documents;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Organisation.Contracts;

namespace Motcua.Dossiers.Forms;

/// <summary><c>GET /api/v1/dossiers/{code}/forms/{form}?format=docx|pdf</c> and the register of a period.</summary>
internal static class FormEndpoints
{
    public static void MapFormEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/dossiers/{code}/forms/{form}", FormAsync).WithName("DossierForm")
            .WithSummary("A form of the dossier (01 receipt, 02 supplement request, 03 refusal, 04 apology, 05 stop notice, 06 control sheet) as docx (default) or pdf.");
        api.MapGet("/dossiers/register", RegisterAsync).WithName("DossierRegister")
            .WithSummary("The register of dossiers received by a unit (and the units below it) in a period: unit=CODE&from=YYYY-MM-DD&to=YYYY-MM-DD&format=docx|pdf.");
    }

    /// <summary>The address printed in the receipt's QR code: Motcua:PublicUrl, else the address the request came to.</summary>
    public static string PublicUrl(HttpContext context, IConfiguration configuration) =>
        configuration["Motcua:PublicUrl"] is { Length: > 0 } configured ? configured : $"{context.Request.Scheme}://{context.Request.Host}";

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> FormAsync(
        string code, string form, string? format, DossierForms forms, HttpContext context, IConfiguration configuration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!DossierForms.TryParseForm(form, out var kind))
        {
            return TypedResults.NotFound();
        }

        if (!TryFormat(format, out var pdf))
        {
            return ApiProblems.Invalid("format", localizer["The format must be docx or pdf."]);
        }

        var document = await forms.BuildAsync(code.Trim().ToUpperInvariant(), kind, PublicUrl(context, configuration), cancellationToken);
        return File(document, $"{code}-mau-{form}", pdf);
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> RegisterAsync(
        string? unit, DateOnly? from, DateOnly? to, string? format, DossierForms forms, IUnitDirectory units, ICurrentUser user, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!TryFormat(format, out var pdf))
        {
            return ApiProblems.Invalid("format", localizer["The format must be docx or pdf."]);
        }

        if (from is null || to is null || to < from || to.Value.DayNumber - from.Value.DayNumber > 366)
        {
            return ApiProblems.Invalid("from", localizer["Give a period (from, to) of at most one year."]);
        }

        var found = unit is null ? (user.UnitId is { } own ? await units.FindAsync(own, cancellationToken) : null) : await units.FindByCodeAsync(unit, cancellationToken);
        var scope = await user.GetScopeAsync(cancellationToken);
        if (found is null || !scope.Contains(found.Id))
        {
            return TypedResults.NotFound();
        }

        var document = await forms.RegisterAsync(found, from.Value, to.Value, cancellationToken);
        return File(document, string.Create(CultureInfo.InvariantCulture, $"so-theo-doi-{found.Code}-{from:yyyyMMdd}-{to:yyyyMMdd}"), pdf);
    }

    private static bool TryFormat(string? format, out bool pdf)
    {
        pdf = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
        return format is null || pdf || string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase);
    }

    private static FileContentHttpResult File(OfficialDocument document, string name, bool pdf) =>
        pdf
            ? TypedResults.File(PdfRenderer.Render(document), "application/pdf", name + ".pdf")
            : TypedResults.File(DocxRenderer.Render(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
}
