using Microsoft.EntityFrameworkCore;
using Motcua.Indexes.Data;

namespace Motcua.Indexes.IndicatorSets;

/// <summary>Puts the Decision 766 set in place on a new installation (its first version).</summary>
internal static class IndicatorSetSeed
{
    /// <summary>Decision 766/QĐ-TTg was signed on 23 June 2022.</summary>
    public static readonly DateOnly Decision766EffectiveFrom = new(2022, 6, 23);

    public static async Task EnsureAsync(IndexesDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.IndicatorSets.AnyAsync(cancellationToken))
        {
            return;
        }

        db.IndicatorSets.Add(new IndicatorSetRow
        {
            Id = Guid.NewGuid(),
            Code = IndicatorSetDefinition.Decision766.Code,
            EffectiveFrom = Decision766EffectiveFrom,
            Definition = IndicatorSetDefinition.Decision766.ToJson(),
            CreatedBy = "system",
            CreatedAt = Common.VietnamTime.Now(TimeProvider.System),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
