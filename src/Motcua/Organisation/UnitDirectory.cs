using Microsoft.EntityFrameworkCore;
using Motcua.Organisation.Contracts;
using Motcua.Organisation.Data;

namespace Motcua.Organisation;

/// <summary>
/// An in-memory snapshot of the unit tree (a few thousand rows nationally), rebuilt after any change
/// to units and at most a minute old otherwise, so that the scope check on every request costs no query.
/// </summary>
internal sealed class UnitDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IUnitDirectory, IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile UnitTree? _tree;

    // Bumped by every change: a tree read from the database before a change committed must not be kept after
    // it, or a unit just created stays unknown for up to a minute (seen as a flaky import test).
    private int _generation;

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _tree = null;
    }

    public void Dispose() => _gate.Dispose();

    public async Task<IReadOnlyList<UnitSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await TreeAsync(cancellationToken)).All;

    public async Task<UnitSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await TreeAsync(cancellationToken)).ById.GetValueOrDefault(id);

    public async Task<UnitSummary?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        (await TreeAsync(cancellationToken)).ByCode.GetValueOrDefault(code.Trim().ToUpperInvariant());

    public async Task<IReadOnlySet<Guid>> GetScopeAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        (await TreeAsync(cancellationToken)).Scope(unitId);

    public async Task<UnitContact?> GetContactAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        // Contacts change rarely and are read on public pages and forms only: a direct query is enough.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganisationDbContext>();
        return await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new UnitContact(u.Address, u.Phone, u.Email)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> GetAncestorsAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        var tree = await TreeAsync(cancellationToken);
        var result = new List<Guid>();
        var current = tree.ById.GetValueOrDefault(unitId);
        while (current?.ParentId is { } parentId && !result.Contains(parentId))
        {
            result.Add(parentId);
            current = tree.ById.GetValueOrDefault(parentId);
        }

        return result;
    }

    private async Task<UnitTree> TreeAsync(CancellationToken cancellationToken)
    {
        var tree = _tree;
        if (tree is not null && clock.GetUtcNow() - tree.LoadedAt < MaxAge)
        {
            return tree;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            tree = _tree;
            if (tree is not null && clock.GetUtcNow() - tree.LoadedAt < MaxAge)
            {
                return tree;
            }

            var generation = Volatile.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrganisationDbContext>();
            var units = await db.Units.AsNoTracking()
                .OrderBy(u => u.Code)
                .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.ValidFrom, u.ValidTo))
                .ToListAsync(cancellationToken);
            var successions = await db.Successions.AsNoTracking()
                .Select(s => new { s.PredecessorId, s.SuccessorId })
                .ToListAsync(cancellationToken);
            tree = new UnitTree(units, successions.Select(s => (s.PredecessorId, s.SuccessorId)), clock.GetUtcNow());
            if (Volatile.Read(ref _generation) == generation)
            {
                _tree = tree;
            }

            return tree;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>An immutable view of units and succession links with the scope computation.</summary>
internal sealed class UnitTree
{
    private readonly ILookup<Guid, Guid> _children;
    private readonly ILookup<Guid, Guid> _predecessors;

    public UnitTree(IReadOnlyList<UnitSummary> units, IEnumerable<(Guid Predecessor, Guid Successor)> successions, DateTimeOffset loadedAt)
    {
        All = units;
        ById = units.ToDictionary(u => u.Id);
        ByCode = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        _children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        _predecessors = successions.ToLookup(s => s.Successor, s => s.Predecessor);
        LoadedAt = loadedAt;
    }

    public IReadOnlyList<UnitSummary> All { get; }

    public IReadOnlyDictionary<Guid, UnitSummary> ById { get; }

    public IReadOnlyDictionary<string, UnitSummary> ByCode { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The unit, its descendants, and the predecessors of any of these (to a fixed point).</summary>
    public IReadOnlySet<Guid> Scope(Guid unitId)
    {
        var scope = new HashSet<Guid>();
        if (!ById.ContainsKey(unitId))
        {
            return scope;
        }

        var pending = new Stack<Guid>();
        pending.Push(unitId);
        while (pending.TryPop(out var id))
        {
            if (!scope.Add(id))
            {
                continue;
            }

            foreach (var child in _children[id])
            {
                pending.Push(child);
            }

            foreach (var predecessor in _predecessors[id])
            {
                pending.Push(predecessor);
            }
        }

        return scope;
    }
}
