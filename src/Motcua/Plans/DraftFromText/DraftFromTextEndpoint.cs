using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.DraftFromText;

internal static class DraftFromTextEndpoint
{
    public static void MapDraftFromText(this IEndpointRouteBuilder plans)
    {
        plans.MapPost("/drafts", ReadAsync)
            .WithName("DraftPlanFromText")
            .WithSummary("Read a plan's text (form field 'text', or a .docx/.txt 'file') into a draft for review, with a suggested unit for every unit it names. Nothing is stored.")
            .DisableAntiforgery();
        plans.MapPost("/drafts/confirm", ConfirmAsync)
            .WithName("ConfirmPlanDraft")
            .WithSummary("Create the reviewed plan and exactly the tasks sent, in one transaction: all or nothing.");
    }

    private static Task<Results<Ok<DraftView>, NotFound, ValidationProblem, ForbidHttpResult>> ReadAsync(
        [FromForm, System.ComponentModel.DataAnnotations.MaxLength(PlanTextParser.MaxLength)] string? text, IFormFile? file, DraftReading drafts, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.OkAsync(async () =>
        {
            if (file is { Length: > 0 })
            {
                if (file.Length > StoredFiles.MaxBytes)
                {
                    throw new DomainException("file", "The file must be from 1 byte to {0} MB.", StoredFiles.MaxBytes / 1024 / 1024);
                }

                await using var content = file.OpenReadStream();
                text = DraftReading.TextOf(file.FileName, content);
            }

            return await drafts.ReadAsync(text, cancellationToken);
        });

    private static Task<Results<Created<PlanView>, NotFound, ValidationProblem, ForbidHttpResult>> ConfirmAsync(
        DraftConfirmation confirmation, PlanEditing editing, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.CreatedAsync(async () =>
        {
            var plan = confirmation.Plan ?? throw new DomainException("plan", "The draft has no plan.");
            var (created, _) = await editing.CreateWithTasksAsync(plan, confirmation.Tasks ?? [], null, cancellationToken);
            return ($"/api/v1/plans/{created.Id}", await reading.GetAsync(created.Id, cancellationToken));
        });
}
