using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Notifications.ManageOutbox;

/// <summary>Administrators' view of the outbox: <c>GET /api/v1/notifications</c> and <c>POST …/{id}/retry</c>.</summary>
internal static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("/notifications").RequireAuthorization(Policies.Administration);
        notifications.MapGet(string.Empty, ListAsync).WithName("ListNotifications")
            .WithSummary("Messages in the outbox, newest first (at most 500): status=pending|sent|failed, reference= (e.g. a dossier code).");
        notifications.MapPost("/{id:guid}/retry", async (Guid id, OutboxAdministration outbox, CancellationToken ct) =>
            {
                await outbox.RequeueAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("RetryNotification")
            .WithSummary("Queues a failed message again with a fresh set of attempts.");
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxMessageResponse>>, ValidationProblem>> ListAsync(
        string? status, string? reference, OutboxAdministration outbox, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        OutboxStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<OutboxStatus>(status.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.Invalid("status", localizer["status must be one of: {0}.", "pending, sent, failed"]);
            }

            wanted = parsed;
        }

        return TypedResults.Ok(await outbox.ListAsync(wanted, reference, cancellationToken));
    }
}
