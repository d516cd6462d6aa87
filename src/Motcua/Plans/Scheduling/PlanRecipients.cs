using Motcua.Access.Contracts;
using Motcua.Notifications.Contracts;

namespace Motcua.Plans.Scheduling;

/// <summary>
/// Finds the people a plans message is for and sends it to each of them in the app (inbox) and by
/// e-mail (the dossiers' outbox) under deduplication keys, so a repeated run sends nothing more.
/// </summary>
internal sealed class PlanRecipients(IUserDirectory users, IInbox inbox, INotifications outbox)
{
    private readonly Dictionary<(Guid, string?), IReadOnlyList<UserContact>> _cache = [];

    /// <summary>The leaders (lãnh đạo) of a unit: its head, and for an issuing unit the chairman.</summary>
    public Task<IReadOnlyList<UserContact>> LeadersAsync(Guid unitId, CancellationToken ct) => InUnitAsync(unitId, Roles.Leader, ct);

    public Task<IReadOnlyList<UserContact>> ReformOfficersAsync(Guid unitId, CancellationToken ct) => InUnitAsync(unitId, Roles.ReformOfficer, ct);

    /// <summary>
    /// The person responsible for a task: the plan names a person in words, so the user of the lead unit
    /// with that full name; when none matches (or none is named), the lead unit's leaders.
    /// </summary>
    public async Task<IReadOnlyList<UserContact>> ResponsibleAsync(Guid leadUnitId, string? person, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(person))
        {
            var named = (await InUnitAsync(leadUnitId, null, ct)).Where(u => string.Equals(u.FullName.Trim(), person.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count > 0)
            {
                return named;
            }
        }

        return await LeadersAsync(leadUnitId, ct);
    }

    /// <summary>Everyone who should answer for a unit: its leaders, or every active user when it has none.</summary>
    public async Task<IReadOnlyList<UserContact>> UnitContactsAsync(Guid unitId, CancellationToken ct)
    {
        var leaders = await LeadersAsync(unitId, ct);
        return leaders.Count > 0 ? leaders : await InUnitAsync(unitId, null, ct);
    }

    /// <summary>Posts to each user's inbox and e-mails those with an address; returns how many people were told.</summary>
    public async Task<int> SendAsync(IEnumerable<UserContact> to, string subject, string body, string link, string reference, string key, Guid? unitId, CancellationToken ct)
    {
        var told = 0;
        foreach (var user in to.DistinctBy(u => u.UserId))
        {
            await inbox.PostAsync(new InboxMessage(user.UserId, subject, body, link, reference, $"{key}:{user.UserId:N}"), ct);
            if (!string.IsNullOrWhiteSpace(user.Email))
            {
                await outbox.EnqueueAsync(new Notification(NotificationChannels.Email, user.Email, subject, body, reference, $"{key}:{user.UserId:N}:email", unitId), ct);
            }

            told++;
        }

        return told;
    }

    private async Task<IReadOnlyList<UserContact>> InUnitAsync(Guid unitId, string? role, CancellationToken ct)
    {
        if (!_cache.TryGetValue((unitId, role), out var list))
        {
            list = await users.InUnitAsync(unitId, role, ct);
            _cache[(unitId, role)] = list;
        }

        return list;
    }
}
