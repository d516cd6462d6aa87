using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Plans.PlanDetails;

namespace Motcua.Plans.ChangePlan;

internal static class ChangePlanEndpoint
{
    public static void MapChangePlan(this IEndpointRouteBuilder plans)
    {
        plans.MapPut("/{id:guid}", ChangeAsync)
            .WithName("ChangePlan")
            .WithSummary("Change a plan's details (the issuing unit stays).");
        plans.MapPost("/{id:guid}/source", AttachAsync)
            .WithName("AttachPlanSource")
            .WithSummary("Upload the plan's source document (.docx, .pdf or .txt; at most 20 MB).")
            .DisableAntiforgery();
        plans.MapGet("/{id:guid}/source", (Guid id, PlanEditing editing, CancellationToken cancellationToken) => PlanResults.FileAsync(() => editing.OpenSourceAsync(id, cancellationToken)))
            .WithName("DownloadPlanSource")
            .WithSummary("The plan's source document.");
    }

    private static Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ForbidHttpResult>> ChangeAsync(
        Guid id, PlanInput input, PlanEditing editing, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.OkAsync(async () =>
        {
            await editing.ChangeAsync(id, input, cancellationToken);
            return await reading.GetAsync(id, cancellationToken);
        });

    private static Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ForbidHttpResult>> AttachAsync(
        Guid id, IFormFile? file, PlanEditing editing, PlanReading reading, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        PlanResults.OkAsync(async () =>
        {
            if (file is not { Length: > 0 })
            {
                throw new DomainException("file", "Choose a file.");
            }

            await using var content = file.OpenReadStream();
            await editing.AttachSourceAsync(id, new UploadedFile(file.FileName, content), cancellationToken);
            return await reading.GetAsync(id, cancellationToken);
        });
}
