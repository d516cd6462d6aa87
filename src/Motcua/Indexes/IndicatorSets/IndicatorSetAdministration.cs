using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Indexes.Data;

namespace Motcua.Indexes.IndicatorSets;

internal sealed record IndicatorSetVersion(Guid Id, string Code, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool InForce, string CreatedBy, DateTime CreatedAt);

internal sealed record IndicatorSetVersionDetail(IndicatorSetVersion Version, IndicatorSetDefinition Definition);

/// <summary>A new version of an indicator set: its code, the day it takes effect and its definition (JSON).</summary>
internal sealed record NewIndicatorSetVersion([MaxLength(40)] string? Code, DateOnly? EffectiveFrom, JsonElement? Definition);

/// <summary>
/// The versioned indicator sets. A version is never edited: a correction is a new version with its own
/// effective date, so every past period keeps being scored by the rules in force at its end. Only a
/// system administrator adds versions (the sets are national or province-wide).
/// </summary>
internal sealed class IndicatorSetAdministration(IndexesDbContext db, ICurrentUser user, TimeProvider time)
{
    public async Task<IReadOnlyList<IndicatorSetVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.IndicatorSets.AsNoTracking().OrderBy(s => s.Code).ThenBy(s => s.EffectiveFrom).ToListAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        var list = new List<IndicatorSetVersion>(rows.Count);
        foreach (var code in rows.GroupBy(r => r.Code))
        {
            var versions = code.ToList();
            var current = versions.LastOrDefault(v => v.EffectiveFrom <= today)?.Id;
            for (var i = 0; i < versions.Count; i++)
            {
                var row = versions[i];
                DateOnly? until = i + 1 < versions.Count ? versions[i + 1].EffectiveFrom.AddDays(-1) : null;
                list.Add(new IndicatorSetVersion(row.Id, row.Code, Name(row), row.EffectiveFrom, until, row.Id == current, row.CreatedBy, row.CreatedAt));
            }
        }

        return list;
    }

    public async Task<IndicatorSetVersionDetail> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var versions = await ListAsync(cancellationToken);
        var version = versions.FirstOrDefault(v => v.Id == id) ?? throw new NotFoundException();
        var row = await db.IndicatorSets.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken);
        return new IndicatorSetVersionDetail(version, IndicatorSetDefinition.FromJson(row.Definition));
    }

    /// <summary>Adds a version after checking the definition; the code in the request wins over the one in the JSON.</summary>
    public async Task<IndicatorSetVersion> AddAsync(string? code, DateOnly? effectiveFrom, string? definitionJson, CancellationToken cancellationToken = default)
    {
        if (!user.IsSystemAdmin)
        {
            throw new ForbiddenException();
        }

        var setCode = code?.Trim();
        if (string.IsNullOrEmpty(setCode) || setCode.Length > 40)
        {
            throw new DomainException("code", "The indicator set needs a code of at most 40 characters.");
        }

        var from = effectiveFrom ?? throw new DomainException("effectiveFrom", "The date {0} is required.", "effectiveFrom");
        var definition = Parse(definitionJson) with { Code = setCode };
        definition = definition with { DefaultTargets = definition.DefaultTargets ?? new Dictionary<string, double>(), Bands = definition.Bands ?? [] };
        if (definition.Problems().FirstOrDefault() is { } problem)
        {
            throw problem;
        }

        var latest = await db.IndicatorSets.AsNoTracking().Where(s => s.Code == setCode).OrderByDescending(s => s.EffectiveFrom).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && from <= latest.EffectiveFrom)
        {
            // Inserting before the latest version would rescore periods already scored under it.
            throw new DomainException("effectiveFrom", "A new version must take effect after the latest one ({0}).", latest.EffectiveFrom.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }

        var row = new IndicatorSetRow
        {
            Id = Guid.NewGuid(),
            Code = setCode,
            EffectiveFrom = from,
            Definition = definition.ToJson(),
            CreatedBy = user.Actor,
            CreatedAt = VietnamTime.Now(time),
        };
        db.IndicatorSets.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException("effectiveFrom", "A new version must take effect after the latest one ({0}).", from.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }

        return (await ListAsync(cancellationToken)).First(v => v.Id == row.Id);
    }

    /// <summary>Every problem of a definition at once, for a form to show them all.</summary>
    public static IReadOnlyList<DomainException> Check(string? code, string? definitionJson)
    {
        try
        {
            var definition = Parse(definitionJson);
            definition = definition with { Code = code?.Trim() ?? definition.Code, DefaultTargets = definition.DefaultTargets ?? new Dictionary<string, double>(), Bands = definition.Bands ?? [] };
            return [.. definition.Problems()];
        }
        catch (DomainException exception)
        {
            return [exception];
        }
    }

    private static IndicatorSetDefinition Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new DomainException("definition", "Give the definition of the indicator set as JSON.");
        }

        try
        {
            return IndicatorSetDefinition.FromJson(json);
        }
        catch (JsonException exception)
        {
            throw new DomainException("definition", "The definition is not valid JSON: {0}", exception.Message.Split(" Path:", 2)[0]);
        }
        catch (NotSupportedException exception)
        {
            throw new DomainException("definition", "The definition is not valid JSON: {0}", exception.Message);
        }
    }

    private static string Name(IndicatorSetRow row)
    {
        try
        {
            return IndicatorSetDefinition.FromJson(row.Definition).Name;
        }
        catch (JsonException)
        {
            return row.Code;
        }
    }
}
