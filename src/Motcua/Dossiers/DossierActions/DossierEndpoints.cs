using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Dossiers.Inbox;

namespace Motcua.Dossiers.DossierActions;

internal sealed record ApplicantRequest([MaxLength(200)] string? Name, [MaxLength(20)] string? IdentityNumber, [MaxLength(30)] string? Phone, [MaxLength(256)] string? Email, [MaxLength(500)] string? Address);

internal sealed record DocumentRequest([MaxLength(1000)] string? Name, bool Provided, bool Digitised, bool Reused);

internal sealed record SubmitDossierRequest(
    [MaxLength(20)] string? UnitCode, [MaxLength(30)] string? ProcedureCode, [MaxLength(20)] string? VariantCode, Channel? Channel, ApplicantRequest? Applicant, List<DocumentRequest>? Documents, bool Receive);

internal sealed record ActionRequest(
    [MaxLength(1000), MultiLine] string? Reason, [MaxLength(2000), MultiLine] string? Note, [MaxLength(20)] string? DepartmentCode, [MaxLength(256)] string? Specialist, [MaxLength(300)] string? Agency, DateTime? NewDueAt,
    bool ElectronicResult, bool DigitisedResult, Channel? Channel, long? Amount, bool Online, List<DocumentRequest>? Documents, int? ExpectedVersion);

internal sealed record InboxResponse(InboxBox Box, int Total, int Page, IReadOnlyList<InboxItem> Items);

/// <summary>The officers' dossier API: intake, the queues, a dossier with its history, and every lifecycle action.</summary>
internal static class DossierEndpoints
{
    public static void MapDossierEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/dossiers", SubmitAsync).WithName("SubmitDossier").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Receives a dossier at the desk (counter or post); with receive=true the completeness check is passed at once.");
        api.MapGet("/dossiers", ListAsync).WithName("ListDossiers")
            .WithSummary("A work queue: box=all|toReceive|toAssign|toExamine|toApprove|toReturn|overdue|dueSoon|mine, with q= search, procedure= code, from=/to= submission dates (yyyy-MM-dd) and page=.");
        api.MapGet("/dossiers/{code}", GetAsync).WithName("GetDossier")
            .WithSummary("A dossier with its documents and full history.");
        api.MapPost("/dossiers/{code}/{action}", ActAsync).WithName("DossierAction")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("A lifecycle action: " + string.Join(", ", DossierPermissions.Actions) + ". 409 when the state does not allow it, 403 when the role does not.");
    }

    internal static IReadOnlyList<ProvidedDocument>? ToProvided(List<DocumentRequest>? documents) =>
        documents?.Select(d => new ProvidedDocument(d.Name ?? string.Empty, d.Provided, d.Digitised, d.Reused)).ToList();

    internal static NewDossier ToNewDossier(SubmitDossierRequest request) => new(
        request.UnitCode,
        request.ProcedureCode ?? throw new DomainException("procedureCode", "Choose the procedure."),
        request.VariantCode,
        request.Channel ?? Channel.Counter,
        new Applicant(request.Applicant?.Name ?? string.Empty, Trim(request.Applicant?.IdentityNumber), Trim(request.Applicant?.Phone), Trim(request.Applicant?.Email), Trim(request.Applicant?.Address)),
        ToProvided(request.Documents),
        request.Receive);

    private static async Task<Results<Created<DossierResponse>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> SubmitAsync(
        SubmitDossierRequest request, DossierService dossiers, TimeProvider time, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var dossier = await dossiers.SubmitAsync(ToNewDossier(request), cancellationToken);
        return TypedResults.Created($"/api/v1/dossiers/{dossier.Code}", DossierResponse.From(dossier, VietnamTime.Now(time)));
    }

    private static async Task<Results<Ok<InboxResponse>, ValidationProblem>> ListAsync(
        string? box, string? q, string? procedure, DateOnly? from, DateOnly? to, int? page, DossierInbox inbox, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var chosen = InboxBox.All;
        if (box is not null && (!Enum.TryParse(box, ignoreCase: true, out chosen) || !Enum.IsDefined(chosen)))
        {
            return ApiProblems.Invalid("box", localizer["box must be one of: {0}.", string.Join(", ", Enum.GetNames<InboxBox>().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName))]);
        }

        if (page is < 1)
        {
            return ApiProblems.Invalid("page", localizer["page must be 1 or more."]);
        }

        if (from > to)
        {
            return ApiProblems.Invalid("from", localizer["from must not be after to."]);
        }

        var result = await inbox.ListAsync(chosen, new InboxFilter(q, procedure, from, to), page ?? 1, cancellationToken);
        return TypedResults.Ok(new InboxResponse(result.Box, result.Total, page ?? 1, result.Items));
    }

    private static async Task<Results<Ok<DossierResponse>, NotFound>> GetAsync(
        string code, DossierService dossiers, Portal.PortalSynchroniser portal, TimeProvider time, CancellationToken cancellationToken)
    {
        var dossier = await dossiers.FindAsync(code.Trim().ToUpperInvariant(), cancellationToken);
        return TypedResults.Ok(DossierResponse.From(
            dossier, VietnamTime.Now(time), await dossiers.HistoryAsync(dossier.Id, cancellationToken), await portal.StateAsync(dossier.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<DossierResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ActAsync(
        string code, string action, ActionRequest? request, DossierService dossiers, TimeProvider time, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        request ??= new ActionRequest(null, null, null, null, null, null, false, false, null, null, false, null, null);
        var dossier = await dossiers.ActAsync(code.Trim().ToUpperInvariant(), action, new ActionInput(
            request.Reason, request.Note, request.DepartmentCode, request.Specialist, request.Agency, request.NewDueAt,
            request.ElectronicResult, request.DigitisedResult, request.Channel, request.Amount, request.Online, ToProvided(request.Documents), request.ExpectedVersion), cancellationToken);
        return TypedResults.Ok(DossierResponse.From(dossier, VietnamTime.Now(time)));
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
