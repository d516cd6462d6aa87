using Microsoft.EntityFrameworkCore;
using Motcua.Organisation.Contracts;
using Motcua.Organisation.Data;

namespace Motcua.Organisation;

/// <summary>Reads a unit's departments for the other areas (they never read Organisation's tables).</summary>
internal sealed class DepartmentDirectory(OrganisationDbContext db) : IDepartmentDirectory
{
    public async Task<DepartmentSummary?> FindAsync(Guid unitId, string code, CancellationToken cancellationToken = default)
    {
        // Not NormaliseCode: a malformed code is simply not a department here (the caller names its own field).
        var normalised = code.Trim().ToUpperInvariant();
        return await db.Departments.AsNoTracking().Where(d => d.UnitId == unitId && d.Code == normalised)
            .Select(d => new DepartmentSummary(d.UnitId, d.Code, d.Name, d.IsActive)).FirstOrDefaultAsync(cancellationToken);
    }
}
