using Microsoft.EntityFrameworkCore;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Dossiers.Data;
using Motcua.Organisation.Contracts;

namespace Motcua.Dossiers.Kiosk;

/// <summary>
/// The dossier an officer invited the applicant to rate on the counter's tablet: one per officer (a new
/// invitation replaces the last), for the unit whose counter it is. The tablet is signed in as that officer.
/// </summary>
internal sealed class KioskInvitation
{
    public string Officer { get; set; } = string.Empty;

    public Guid UnitId { get; set; }

    public Guid DossierId { get; set; }

    public string DossierCode { get; set; } = string.Empty;

    public DateTime InvitedAt { get; set; }
}

/// <summary>Why a citizen at the counter was not satisfied (the kiosk's choices; harassment is "nhũng nhiễu").</summary>
internal enum KioskReason
{
    Slow,
    Attitude,
    Guidance,
    Harassment,
}

/// <summary>What the tablet shows the citizen: no secret, nothing about other dossiers.</summary>
internal sealed record KioskDossier(string Code, string ProcedureName, string ApplicantName, DateTime InvitedAt);

/// <summary>
/// Rating at the counter (kiosk mode): after returning a result the receiving officer invites the applicant,
/// the tablet of the counter (signed in as the same officer) shows that dossier, the applicant rates once,
/// and the tablet goes back to waiting. The rules are the dossier's: once, after the end of processing.
/// </summary>
internal sealed class KioskRatings(DossiersDbContext db, DossierService dossiers, ICurrentUser user, IUnitDirectory units, TimeProvider time)
{
    /// <summary>An invitation not answered within this time is forgotten, so the tablet does not show a dossier whose applicant left.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromMinutes(15);

    public async Task<KioskInvitation> InviteAsync(string code, CancellationToken cancellationToken)
    {
        var dossier = await dossiers.FindAsync(code.Trim().ToUpperInvariant(), cancellationToken);
        if (!user.IsInRole(Roles.ReceivingOfficer) || user.UnitId is not { } unitId)
        {
            throw new ForbiddenException();
        }

        if (dossier.ReturnedAt is null || !dossier.AwaitsRating)
        {
            throw new DossierConflictException("The applicant can be invited to rate once the result or the refusal notice has been handed over, and only if the dossier has not been rated.");
        }

        var invitation = await db.Set<KioskInvitation>().FirstOrDefaultAsync(i => i.Officer == user.Actor, cancellationToken);
        if (invitation is null)
        {
            invitation = new KioskInvitation { Officer = user.Actor };
            db.Add(invitation);
        }

        invitation.UnitId = unitId;
        invitation.DossierId = dossier.Id;
        invitation.DossierCode = dossier.Code;
        invitation.InvitedAt = VietnamTime.Now(time);
        await db.SaveChangesAsync(cancellationToken);
        return invitation;
    }

    /// <summary>The dossier waiting for a rating on this officer's tablet at the unit's counter, or null (the waiting screen).</summary>
    public async Task<KioskDossier?> CurrentAsync(string unitCode, CancellationToken cancellationToken)
    {
        var (invitation, dossier) = await FindAsync(unitCode, cancellationToken);
        return invitation is null || dossier is null ? null : new KioskDossier(dossier.Code, dossier.ProcedureName, dossier.Applicant.Name, invitation.InvitedAt);
    }

    /// <summary>The citizen's rating at the counter, for the dossier the tablet shows (no other).</summary>
    public async Task<Dossier> RateAsync(string unitCode, string code, Rating? rating, IReadOnlyCollection<KioskReason> reasons, string? comment, CancellationToken cancellationToken)
    {
        var (invitation, dossier) = await FindAsync(unitCode, cancellationToken);
        if (invitation is null || dossier is null || !string.Equals(dossier.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new DossierConflictException("This dossier is no longer waiting for a rating at this counter.");
        }

        var chosen = rating ?? throw new DomainException("rating", "Choose very satisfied, satisfied or not satisfied.");
        if (reasons.Count > 0 && chosen != Rating.NotSatisfied)
        {
            throw new DomainException("reasons", "Reasons are given only with a 'not satisfied' rating.");
        }

        if (comment?.Length > 1000)
        {
            throw new DomainException("comment", "The comment must be at most 1000 characters.");
        }

        var note = string.Join("; ", new[] { reasons.Count > 0 ? "reasons: " + string.Join(", ", reasons.Order().Select(r => r.ToString().ToLowerInvariant())) : null, comment?.Trim() }
            .Where(x => !string.IsNullOrEmpty(x)));
        dossier.Rate(VietnamTime.Now(time), chosen, reasons.Contains(KioskReason.Harassment), note, $"applicant (kiosk of {user.Actor})");
        db.Remove(invitation);
        await dossiers.SaveRatingAsync(dossier, cancellationToken);
        return dossier;
    }

    private async Task<(KioskInvitation? Invitation, Dossier? Dossier)> FindAsync(string unitCode, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.ReceivingOfficer))
        {
            throw new ForbiddenException();
        }

        var unit = await units.FindByCodeAsync(unitCode.Trim().ToUpperInvariant(), cancellationToken);
        var scope = await user.GetScopeAsync(cancellationToken);
        if (unit is null || !scope.Contains(unit.Id))
        {
            throw new NotFoundException();
        }

        var invitation = await db.Set<KioskInvitation>().FirstOrDefaultAsync(i => i.Officer == user.Actor && i.UnitId == unit.Id, cancellationToken);
        if (invitation is null)
        {
            return (null, null);
        }

        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Id == invitation.DossierId, cancellationToken);
        if (dossier is null || !dossier.AwaitsRating || VietnamTime.Now(time) - invitation.InvitedAt > InvitationLifetime)
        {
            // Rated meanwhile (from the lookup page) or left unanswered: back to waiting.
            db.Remove(invitation);
            await db.SaveChangesAsync(cancellationToken);
            return (null, null);
        }

        return (invitation, dossier);
    }
}
