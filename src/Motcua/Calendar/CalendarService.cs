using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Calendar.Contracts;
using Motcua.Calendar.Data;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Organisation.Contracts;

namespace Motcua.Calendar;

/// <summary>
/// Builds the working calendar of a unit: the statutory holidays, the overrides of every unit above it
/// (national ones first, the unit's own last, so the nearest wins) and the office hours in force.
/// Calendars are cached per unit and calendar revision: a change anywhere creates a new revision.
/// </summary>
internal sealed class WorkingCalendars(IServiceScopeFactory scopes, IUnitDirectory units)
{
    private readonly ConcurrentDictionary<(Guid? UnitId, DateOnly HoursOn), (long Revision, WorkingCalendar Calendar)> _cache = new();

    public async Task<(WorkingCalendar Calendar, long Revision)> GetAsync(Guid? unitId, DateOnly hoursOn, CancellationToken cancellationToken = default) =>
        await GetAsync(unitId, hoursOn, await RevisionAsync(cancellationToken), cancellationToken);

    /// <summary>The calendar's current revision: every change anywhere creates a new one.</summary>
    public async Task<long> RevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CalendarDbContext>();
        return await db.Revisions.MaxAsync(r => (long?)r.Number, cancellationToken) ?? 0;
    }

    /// <summary>The calendar as of <paramref name="revision"/>, read by <see cref="RevisionAsync"/>.</summary>
    public async Task<(WorkingCalendar Calendar, long Revision)> GetAsync(Guid? unitId, DateOnly hoursOn, long revision, CancellationToken cancellationToken = default)
    {
        var key = (unitId, hoursOn);
        if (_cache.TryGetValue(key, out var cached) && cached.Revision == revision)
        {
            return (cached.Calendar, revision);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CalendarDbContext>();

        // Nearest last: national entries, then the province, …, then the unit itself.
        var chain = new List<Guid?> { null };
        if (unitId is { } id)
        {
            chain.AddRange((await units.GetAncestorsAsync(id, cancellationToken)).Reverse().Select(a => (Guid?)a));
            chain.Add(id);
        }

        var ids = chain.Where(c => c is not null).Select(c => c!.Value).ToList();
        var overrides = await db.Overrides.AsNoTracking()
            .Where(o => o.RevokedInRevision == null && (o.UnitId == null || ids.Contains(o.UnitId.Value)))
            .ToListAsync(cancellationToken);
        var hours = await db.OfficeHours.AsNoTracking()
            .Where(h => h.ValidFrom <= hoursOn && (h.UnitId == null || ids.Contains(h.UnitId.Value)))
            .ToListAsync(cancellationToken);

        var ordered = overrides
            .OrderBy(o => chain.IndexOf(o.UnitId))
            .ThenBy(o => o.Revision)
            .GroupBy(o => o.Date)
            .Select(g => g.Last().ToRule());
        var officeHours = hours
            .OrderByDescending(h => chain.IndexOf(h.UnitId))
            .ThenByDescending(h => h.ValidFrom)
            .ThenByDescending(h => h.Revision)
            .FirstOrDefault()?.ToOfficeHours() ?? OfficeHours.Default;

        var calendar = new WorkingCalendar(officeHours, ordered);
        _cache[key] = (revision, calendar);
        return (calendar, revision);
    }
}

/// <summary>
/// The <see cref="IWorkingTime"/> other areas use. Scoped: a request that computes several deadlines (a
/// receipt computes the clock's start, then the appointment from it) reads the calendar revision once, so
/// it pays one query instead of one per deadline, and all its deadlines come from the same revision.
/// </summary>
internal sealed class WorkingTime(WorkingCalendars calendars, TimeProvider time) : IWorkingTime
{
    private long? _revision;

    public async Task<Deadline> AddWorkingDaysAsync(Guid? unitId, DateTime from, decimal workingDays, CancellationToken cancellationToken = default)
    {
        var (calendar, revision) = await CalendarAsync(unitId, DateOnly.FromDateTime(from), cancellationToken);
        return ToDeadline(calendar.AddWorkingDays(from, workingDays), revision);
    }

    public async Task<Deadline> AddCalendarDaysAsync(Guid? unitId, DateTime from, int days, CancellationToken cancellationToken = default)
    {
        var (calendar, revision) = await CalendarAsync(unitId, DateOnly.FromDateTime(from), cancellationToken);
        return ToDeadline(calendar.AddCalendarDays(from, days), revision);
    }

    public async Task<Deadline> ResumeAsync(Guid? unitId, DateTime pausedAt, DateTime dueAt, DateTime resumedAt, bool countsWorkingDays, CancellationToken cancellationToken = default)
    {
        var (calendar, revision) = await CalendarAsync(unitId, DateOnly.FromDateTime(resumedAt), cancellationToken);
        if (countsWorkingDays)
        {
            return ToDeadline(calendar.AddWorkingMinutes(resumedAt, calendar.WorkingMinutesBetween(pausedAt, dueAt)), revision);
        }

        // Calendar days: the elapsed time left, then the Civil Code rule for a last day that is a day off.
        var left = dueAt > pausedAt ? dueAt - pausedAt : TimeSpan.Zero;
        var result = calendar.AddCalendarDays(resumedAt + left, 0);
        return ToDeadline(result with { From = resumedAt }, revision);
    }

    public async Task<bool> IsWorkingDayAsync(Guid? unitId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var (calendar, _) = await CalendarAsync(unitId, date, cancellationToken);
        return calendar.IsWorkingDay(date);
    }

    public async Task<Func<DateOnly, bool>> WorkingDaysAsync(Guid? unitId, CancellationToken cancellationToken = default)
    {
        // Working days do not depend on the office hours in force: today's (on the application's clock) will do.
        var (calendar, _) = await CalendarAsync(unitId, VietnamTime.Today(time), cancellationToken);
        return calendar.IsWorkingDay;
    }

    private async Task<(WorkingCalendar Calendar, long Revision)> CalendarAsync(Guid? unitId, DateOnly hoursOn, CancellationToken cancellationToken)
    {
        _revision ??= await calendars.RevisionAsync(cancellationToken);
        return await calendars.GetAsync(unitId, hoursOn, _revision.Value, cancellationToken);
    }

    private static Deadline ToDeadline(DueResult result, long revision) =>
        new(result.From, result.DueAt, revision, [.. result.Skipped.Select(s => (s.Date, Cultures.Pick(s.Reason, s.EnglishReason)))]);
}

internal sealed record OverrideView(
    Guid Id, string? UnitCode, DateOnly Date, OverrideKind Kind, string Name, string? LegalBasis, Guid? SwapGroupId,
    long Revision, string CreatedBy, DateTime CreatedAtUtc, bool IsActive, string? RevokedBy, DateTime? RevokedAtUtc, string? RevocationReason);

/// <summary>
/// Changes to the calendar. National entries (no unit) are for system administrators; a unit
/// administrator adds entries for units in their scope. Each change is one new revision.
/// </summary>
internal sealed class CalendarAdministration(CalendarDbContext db, ICurrentUser user, IUnitDirectory units, TimeProvider clock)
{
    public async Task<IReadOnlyList<OverrideView>> ListAsync(int? year, bool includeRevoked, CancellationToken cancellationToken = default)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var query = db.Overrides.AsNoTracking();
        if (year is { } y)
        {
            var first = new DateOnly(y, 1, 1);
            var last = new DateOnly(y, 12, 31);
            query = query.Where(o => o.Date >= first && o.Date <= last);
        }

        if (!includeRevoked)
        {
            query = query.Where(o => o.RevokedInRevision == null);
        }

        var entries = await query.OrderBy(o => o.Date).ThenBy(o => o.Revision).ToListAsync(cancellationToken);
        var all = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id);
        // National entries are visible to everyone; unit entries only within scope.
        return [.. entries
            .Where(o => o.UnitId is null || scope.Contains(o.UnitId.Value))
            .Select(o => new OverrideView(
                o.Id, o.UnitId is { } u && all.TryGetValue(u, out var unit) ? unit.Code : null, o.Date, o.Kind, o.Name, o.LegalBasis, o.SwapGroupId,
                o.Revision, o.CreatedBy, o.CreatedAtUtc, o.IsActive, o.RevokedBy, o.RevokedAtUtc, o.RevocationReason))];
    }

    public async Task<IReadOnlyList<CalendarRevision>> HistoryAsync(int take, CancellationToken cancellationToken = default)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var revisions = await db.Revisions.AsNoTracking().OrderByDescending(r => r.Number).Take(Math.Clamp(take, 1, 1000)).ToListAsync(cancellationToken);
        return [.. revisions.Where(r => r.UnitId is null || scope.Contains(r.UnitId.Value))];
    }

    public Task<CalendarOverrideEntry> AddAsync(string? unitCode, DateOnly date, OverrideKind kind, string name, string? legalBasis, CancellationToken cancellationToken = default) =>
        InRevisionAsync(unitCode, async (unitId, revision) =>
        {
            await RejectDuplicateAsync(unitId, date, cancellationToken);
            var entry = CalendarOverrideEntry.Create(unitId, date, kind, name, legalBasis, null, revision, user.Actor, NowUtc);
            db.Overrides.Add(entry);
            return (entry, CalendarRevisionAction.OverrideAdded, $"{date:yyyy-MM-dd} {kind}: {entry.Name}");
        }, cancellationToken);

    /// <summary>A swapped day: <paramref name="dayOff"/> (a working day) becomes a day off and <paramref name="workingDay"/> (a weekend day) is worked instead.</summary>
    public Task<CalendarOverrideEntry> AddSwapAsync(string? unitCode, DateOnly dayOff, DateOnly workingDay, string name, string? legalBasis, CancellationToken cancellationToken = default) =>
        InRevisionAsync(unitCode, async (unitId, revision) =>
        {
            if (dayOff == workingDay)
            {
                throw new DomainException("workingDay", "The day off and the make-up working day must be different days.");
            }

            if (workingDay.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new DomainException("workingDay", "The make-up working day of a swap must be a Saturday or Sunday.");
            }

            await RejectDuplicateAsync(unitId, dayOff, cancellationToken);
            await RejectDuplicateAsync(unitId, workingDay, cancellationToken);
            var group = Guid.CreateVersion7();
            var off = CalendarOverrideEntry.Create(unitId, dayOff, OverrideKind.DayOff, name, legalBasis, group, revision, user.Actor, NowUtc);
            var on = CalendarOverrideEntry.Create(unitId, workingDay, OverrideKind.WorkingDay, name, legalBasis, group, revision, user.Actor, NowUtc);
            db.Overrides.AddRange(off, on);
            return (off, CalendarRevisionAction.SwapAdded, $"{dayOff:yyyy-MM-dd} off ↔ {workingDay:yyyy-MM-dd} worked: {off.Name}");
        }, cancellationToken);

    public async Task RevokeAsync(Guid id, string? reason, CancellationToken cancellationToken = default)
    {
        var found = await db.Overrides.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException();
        var unitCode = found.UnitId is { } unitId ? (await units.FindAsync(unitId, cancellationToken))?.Code : null;
        await InRevisionAsync(unitCode, async (_, revision) =>
        {
            var entry = await db.Overrides.SingleAsync(o => o.Id == id, cancellationToken);
            // Revoking one side of a swap revokes both: half a swap is never what was announced.
            var group = entry.SwapGroupId is { } g
                ? await db.Overrides.Where(o => o.SwapGroupId == g && o.RevokedInRevision == null).ToListAsync(cancellationToken)
                : [entry];
            foreach (var item in group)
            {
                item.Revoke(reason, revision, user.Actor, NowUtc);
            }

            return (entry, CalendarRevisionAction.OverrideRevoked, $"{entry.Date:yyyy-MM-dd} {entry.Kind}: {entry.Name} ({reason})");
        }, cancellationToken);
    }

    public Task<OfficeHoursEntry> SetOfficeHoursAsync(string? unitCode, DateOnly validFrom, string sessions, CancellationToken cancellationToken = default) =>
        InRevisionAsync(unitCode, (unitId, revision) =>
        {
            var entry = OfficeHoursEntry.Create(unitId, validFrom, sessions, revision, user.Actor, NowUtc);
            db.OfficeHours.Add(entry);
            return Task.FromResult((entry, CalendarRevisionAction.OfficeHoursSet, $"{validFrom:yyyy-MM-dd}: {entry.Sessions}"));
        }, cancellationToken);

    public async Task<IReadOnlyList<(string? UnitCode, DateOnly ValidFrom, string Sessions, string CreatedBy, DateTime CreatedAtUtc)>> ListOfficeHoursAsync(CancellationToken cancellationToken = default)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        var all = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id);
        var entries = await db.OfficeHours.AsNoTracking().OrderBy(h => h.ValidFrom).ToListAsync(cancellationToken);
        return [.. entries
            .Where(h => h.UnitId is null || scope.Contains(h.UnitId.Value))
            .Select(h => (h.UnitId is { } u && all.TryGetValue(u, out var unit) ? unit.Code : null, h.ValidFrom, h.Sessions, h.CreatedBy, h.CreatedAtUtc))];
    }

    /// <summary>Runs a change as the next revision, after checking the caller may change that unit's calendar.</summary>
    internal async Task<T> InRevisionAsync<T>(string? unitCode, Func<Guid?, long, Task<(T Result, string Action, string Details)>> change, CancellationToken cancellationToken)
    {
        var unitId = await AuthoriseAsync(unitCode, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var revision = (await db.Revisions.MaxAsync(r => (long?)r.Number, cancellationToken) ?? 0) + 1;
            var (result, action, details) = await change(unitId, revision);
            db.Revisions.Add(CalendarRevision.Record(revision, user.Actor, action, unitId, details, NowUtc));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone else took this revision number at the same moment: start again from the database's state.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Guid?> AuthoriseAsync(string? unitCode, CancellationToken cancellationToken)
    {
        var scope = await user.GetScopeAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(unitCode))
        {
            return scope.IsAll ? null : throw new ForbiddenException();
        }

        var unit = await units.FindByCodeAsync(unitCode, cancellationToken);
        return unit is not null && scope.Contains(unit.Id)
            ? unit.Id
            : throw new DomainException("unitCode", "There is no unit with code {0} that you may use.", unitCode);
    }

    private async Task RejectDuplicateAsync(Guid? unitId, DateOnly date, CancellationToken cancellationToken)
    {
        if (await db.Overrides.AnyAsync(o => o.UnitId == unitId && o.Date == date && o.RevokedInRevision == null, cancellationToken))
        {
            throw new DomainException("date", "There is already an override on {0} for this scope; revoke it first.", date.ToString(Cultures.DateFormat, CultureInfo.InvariantCulture));
        }
    }

    private DateTime NowUtc => clock.GetUtcNow().UtcDateTime;
}
