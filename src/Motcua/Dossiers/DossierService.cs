using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Motcua.Access.Contracts;
using Motcua.Calendar.Contracts;
using Motcua.Common;
using Motcua.Dossiers.Data;
using Motcua.Dossiers.Indexing;
using Motcua.Indexes.Contracts;
using Motcua.Organisation.Contracts;
using Motcua.Procedures.Contracts;

namespace Motcua.Dossiers;

internal sealed record NewDossier(
    string? UnitCode, string ProcedureCode, string? VariantCode, Channel Channel, Applicant Applicant, IReadOnlyList<ProvidedDocument>? Documents, bool Receive);

/// <summary>What an action needs besides its name; each action reads the fields it uses.</summary>
internal sealed record ActionInput(
    string? Reason = null,
    string? Note = null,
    string? DepartmentCode = null,
    string? Specialist = null,
    string? Agency = null,
    DateTime? NewDueAt = null,
    bool ElectronicResult = false,
    bool DigitisedResult = false,
    Channel? Channel = null,
    long? Amount = null,
    bool Online = false,
    IReadOnlyList<ProvidedDocument>? Documents = null,
    int? ExpectedVersion = null);

/// <summary>When the legal clock starts and the appointment given at receipt, with the calendar revision used.</summary>
internal sealed record Appointment(DateTime Start, DateTime Due, long CalendarRevision);

/// <summary>
/// Intake and every action on a dossier: checks the caller's role and unit scope, lets the dossier apply
/// its rules, computes appointments with the legal clock, and saves the change with its event atomically.
/// </summary>
internal sealed class DossierService(
    DossiersDbContext db, ICurrentUser user, IUnitDirectory units, IProcedureCatalogue catalogue, IWorkingTime clock, TimeProvider time, ApplicantNotices notices, IIndexFeed indexes,
    IUserDirectory people, IDepartmentDirectory departments, Microsoft.Extensions.Options.IOptions<SeparationOfDutiesOptions> duties)
{
    public async Task<Dossier> SubmitAsync(NewDossier request, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.ReceivingOfficer))
        {
            throw new ForbiddenException();
        }

        var receiving = user.UnitId is { } own ? await units.FindAsync(own, cancellationToken) : null;
        if (receiving is null)
        {
            throw new DomainException("unitCode", "Only an officer of a unit's one-stop desk can receive dossiers.");
        }

        var competent = request.UnitCode is null ? receiving : await units.FindByCodeAsync(request.UnitCode.Trim().ToUpperInvariant(), cancellationToken);
        if (competent is null || !await SameProvinceAsync(receiving, competent, cancellationToken))
        {
            throw new DomainException("unitCode", "There is no unit with code {0} in your province.", request.UnitCode ?? string.Empty);
        }

        return await CreateAsync(competent, receiving.Id, request, user.Actor, cancellationToken);
    }

    /// <summary>An online submission by a citizen without an account (public endpoint).</summary>
    public async Task<Dossier> SubmitOnlineAsync(NewDossier request, CancellationToken cancellationToken = default)
    {
        var unit = request.UnitCode is null ? null : await units.FindByCodeAsync(request.UnitCode.Trim().ToUpperInvariant(), cancellationToken);
        if (unit is null || !unit.IsValidOn(VietnamTime.Today(time)))
        {
            throw new DomainException("unitCode", "There is no unit with code {0}.", request.UnitCode ?? string.Empty);
        }

        return await CreateAsync(unit, unit.Id, request with { Channel = Channel.Online, Receive = false }, "applicant", cancellationToken);
    }

    public async Task<Dossier> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        var scope = await user.GetScopeAsync(cancellationToken);
        return dossier is not null && (scope.Contains(dossier.UnitId) || scope.Contains(dossier.ReceivingUnitId)) ? dossier : throw new NotFoundException();
    }

    public async Task<IReadOnlyList<DossierEvent>> HistoryAsync(Guid dossierId, CancellationToken cancellationToken = default) =>
        await db.Events.AsNoTracking().Where(e => e.DossierId == dossierId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    /// <summary>Public lookup: an unknown code and a wrong secret give the same answer (null).</summary>
    public async Task<Dossier?> LookupAsync(string code, string? secret, CancellationToken cancellationToken = default)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == normalised, cancellationToken);
        return dossier is not null && dossier.SecretMatches(secret) ? dossier : null;
    }

    public async Task<Dossier> RateAsync(string code, string? secret, Rating rating, bool harassment, string? comment, CancellationToken cancellationToken = default)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == normalised, cancellationToken);
        if (dossier is null || !dossier.SecretMatches(secret))
        {
            throw new NotFoundException();
        }

        var before = DossierFacts.Of(dossier);
        dossier.Rate(VietnamTime.Now(time), rating, harassment, comment);
        await SaveAsync(dossier, before, cancellationToken);
        return dossier;
    }

    /// <summary>Saves a rating given at the counter's kiosk (with whatever else the unit of work changed), like any dossier change.</summary>
    /// The rating is the only change, so the fact before it is the fact without the rating.
    public Task SaveRatingAsync(Dossier dossier, CancellationToken cancellationToken) =>
        SaveAsync(dossier, DossierFacts.Of(dossier) is { } fact ? fact with { Rating = null, RatedHarassment = false } : null, cancellationToken);

    /// <summary>An officer who may see the dossier attaches a scan or the result.</summary>
    public async Task<Files.DossierFile> AttachAsync(string code, Files.FileUpload upload, Files.DossierFileStore store, CancellationToken cancellationToken = default)
    {
        var dossier = await FindAsync(code, cancellationToken);
        if (!(user.IsInRole(Roles.ReceivingOfficer) || user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.Leader)))
        {
            throw new ForbiddenException();
        }

        return await AttachAsync(dossier, upload, store, user.Actor, cancellationToken);
    }

    /// <summary>The applicant uploads a component while the dossier waits for documents (code and secret).</summary>
    public async Task<Files.DossierFile> AttachAsApplicantAsync(string code, string? secret, Files.FileUpload upload, Files.DossierFileStore store, CancellationToken cancellationToken = default)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == normalised, cancellationToken);
        if (dossier is null || !dossier.SecretMatches(secret))
        {
            throw new NotFoundException();
        }

        if (!dossier.AcceptsApplicantFiles || upload.IsResult)
        {
            throw new DossierConflictException("Files can be added by the applicant only while the dossier waits for documents.");
        }

        return await AttachAsync(dossier, upload, store, "applicant", cancellationToken);
    }

    private async Task<Files.DossierFile> AttachAsync(Dossier dossier, Files.FileUpload upload, Files.DossierFileStore store, string actor, CancellationToken cancellationToken)
    {
        var file = await store.SaveAsync(dossier, upload, actor, cancellationToken);
        try
        {
            var before = DossierFacts.Of(dossier);
            dossier.AttachFile(VietnamTime.Now(time), actor, upload.DocumentName, file.FileName, upload.IsResult);
            await SaveAsync(dossier, before, cancellationToken);
        }
        catch when (!store.IsSaved(file))
        {
            // The record was not saved: the file written for it goes too (a refused upload leaves nothing on disk).
            store.Delete(file);
            throw;
        }

        return file;
    }

    /// <summary>The fee still due, for the applicant: null when the code and the secret do not match.</summary>
    public async Task<long?> FeeDueAsync(string code, string? secret, CancellationToken cancellationToken = default) =>
        await LookupAsync(code, secret, cancellationToken) is { } dossier ? dossier.FeeDue : null;

    /// <summary>
    /// A fee paid online (the Payments area calls this after the provider confirmed it), recorded once per
    /// payment reference: the reference is the pay event's actor, so a repeated callback finds it and
    /// changes nothing, and a concurrent one collides on the dossier's version, reads again and finds it.
    /// </summary>
    /// <returns>False when the reference was already recorded.</returns>
    public async Task<bool> RecordOnlinePaymentAsync(string code, long amount, string paymentReference, CancellationToken cancellationToken = default)
    {
        var actor = OnlinePaymentActor(paymentReference);
        var normalised = code.Trim().ToUpperInvariant();
        for (var attempt = 1; ; attempt++)
        {
            var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == normalised, cancellationToken) ?? throw new NotFoundException();
            if (await db.Events.AnyAsync(e => e.DossierId == dossier.Id && e.Action == "pay" && e.Actor == actor, cancellationToken))
            {
                return false;
            }

            var before = DossierFacts.Of(dossier);
            dossier.Pay(VietnamTime.Now(time), amount, online: true, actor);
            try
            {
                await SaveAsync(dossier, before, cancellationToken);
                return true;
            }
            catch (DossierConflictException) when (attempt < 5)
            {
                // Someone changed the dossier at the same moment (the desk, or this payment's duplicate
                // callback). The money is collected already, so try again rather than give up; SaveAsync
                // has forgotten the stale copy.
            }
        }
    }

    /// <summary>Who an online payment's pay event names: the payment, not a person.</summary>
    public static string OnlinePaymentActor(string paymentReference) => "payment:" + paymentReference;

    public async Task<Dossier> ActAsync(string code, string action, ActionInput input, CancellationToken cancellationToken = default)
    {
        if (!DossierPermissions.IsKnown(action))
        {
            throw new NotFoundException();
        }

        var dossier = await FindAsync(code, cancellationToken);
        if (!DossierPermissions.Allows(action, user.IsInRole))
        {
            throw new DossierActionForbiddenException(action);
        }

        if (input.ExpectedVersion is { } expected && expected != dossier.Version)
        {
            throw new DossierConflictException("The dossier was changed by someone else (version {0}, you had {1}); reload it and try again.", dossier.Version, expected);
        }

        var actor = user.Actor;
        if (ActsAsSpecialist(action) && !await MayActAsSpecialistAsync(dossier, cancellationToken))
        {
            throw new ForbiddenException("Only the holder of the dossier or a leader of its unit can do this.");
        }

        await CheckSeparationOfDutiesAsync(dossier, action, actor, cancellationToken);
        var now = VietnamTime.Now(time);
        var before = DossierFacts.Of(dossier);
        switch (action)
        {
            case "receive":
                await ReceiveAsync(dossier, now, actor, cancellationToken);
                break;
            case "request-intake-supplement":
                dossier.RequestIntakeSupplement(now, input.Reason ?? string.Empty, actor);
                break;
            case "refuse-intake":
                dossier.RefuseAtIntake(now, input.Reason ?? string.Empty, actor);
                break;
            case "resubmit":
                dossier.Resubmit(now, input.Documents ?? [], actor);
                break;
            case "assign":
                var department = await DepartmentAsync(dossier, string.IsNullOrWhiteSpace(input.DepartmentCode) ? dossier.DepartmentCode : input.DepartmentCode, cancellationToken);
                dossier.Assign(now, department ?? string.Empty, await SpecialistAsync(dossier, input.Specialist, cancellationToken), actor);
                break;
            case "forward":
                var next = await DepartmentAsync(dossier, input.DepartmentCode, cancellationToken);
                dossier.Forward(now, next, await SpecialistAsync(dossier, input.Specialist, cancellationToken) ?? string.Empty, input.Note, actor);
                break;
            case "return-to-previous":
                dossier.ReturnToPrevious(now, input.Reason ?? string.Empty, actor);
                break;
            case "send-to-agency":
                dossier.SendToAgency(now, input.Agency ?? string.Empty, input.Note, actor);
                break;
            case "receive-from-agency":
                dossier.ReceiveFromAgency(now, input.Note, actor);
                break;
            case "request-supplement":
                dossier.RequestSupplement(now, input.Reason ?? string.Empty, actor);
                break;
            case "supplement":
                var resumed = await clock.ResumeAsync(dossier.UnitId, dossier.PausedAt ?? now, dossier.DueAt ?? now, now, dossier.CountsWorkingDays, cancellationToken);
                dossier.Supplement(now, resumed.DueAt, resumed.CalendarRevision, input.Documents ?? [], actor);
                break;
            case "submit":
                dossier.SubmitForApproval(now, input.Note, actor);
                break;
            case "approve":
                dossier.Approve(now, input.Note, actor);
                break;
            case "refuse":
                dossier.Refuse(now, input.Reason ?? string.Empty, actor);
                break;
            case "complete":
                dossier.Complete(now, input.ElectronicResult, input.DigitisedResult, actor);
                break;
            case "return":
                dossier.Return(now, input.Channel ?? Channel.Counter, actor);
                break;
            case "withdraw":
                dossier.Withdraw(now, input.Reason ?? string.Empty, actor);
                break;
            case "cancel":
                dossier.Cancel(now, input.Reason ?? string.Empty, actor);
                break;
            case "stop":
                dossier.Stop(now, input.Reason ?? string.Empty, actor);
                break;
            case "apologize":
                dossier.Apologize(now, input.Reason ?? string.Empty, input.NewDueAt ?? throw new DomainException("newDueAt", "Give the new appointment."), actor);
                break;
            case "pay":
                dossier.Pay(now, input.Amount ?? dossier.Fee - dossier.FeePaid, input.Online, actor);
                break;
            default:
                throw new NotFoundException();
        }

        await SaveAsync(dossier, before, cancellationToken);
        return dossier;
    }

    /// <summary>
    /// The department named for an assignment, as the competent unit spells it: it must be an active
    /// department of the dossier's competent unit (blank: none given, the dossier decides).
    /// </summary>
    private async Task<string?> DepartmentAsync(Dossier dossier, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var found = code.Length <= 20 ? await departments.FindAsync(dossier.UnitId, code, cancellationToken) : null;
        if (found is not { IsActive: true })
        {
            var unit = await units.FindAsync(dossier.UnitId, cancellationToken);
            throw new DomainException("departmentCode", "{0} is not an active department of unit {1}.", code.Trim(), unit?.Code ?? string.Empty);
        }

        return found.Code;
    }

    /// <summary>
    /// The person named to hold the dossier, by user name: an active user of the dossier's competent unit
    /// who holds the Specialist role (blank: nobody named). Returns the user name as it is stored.
    /// </summary>
    private async Task<string?> SpecialistAsync(Dossier dossier, string? userName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return null;
        }

        var found = userName.Length <= 256 ? await people.FindInUnitAsync(dossier.UnitId, userName, Roles.Specialist, cancellationToken) : null;
        if (found is null)
        {
            var unit = await units.FindAsync(dossier.UnitId, cancellationToken);
            throw new DomainException("specialist", "{0} is not an active specialist of unit {1}.", userName.Trim(), unit?.Code ?? string.Empty);
        }

        return found.UserName;
    }

    /// <summary>
    /// The caller takes <paramref name="action"/> as a specialist: the Specialist role is what allows it,
    /// not another role of theirs (a leader returning a dossier, the desk completing one).
    /// </summary>
    private bool ActsAsSpecialist(string action) =>
        DossierPermissions.RolesFor(action).Contains(Roles.Specialist) && user.IsInRole(Roles.Specialist)
        && !DossierPermissions.RolesFor(action).Any(role => role != Roles.Specialist && user.IsInRole(role));

    /// <summary>
    /// Only the holder works on a dossier as its specialist; a leader of the competent unit (or above) may
    /// act in the holder's place. A dossier with no holder yet is the leader's to hand out.
    /// </summary>
    private async Task<bool> MayActAsSpecialistAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        if (dossier.Specialist is { } holder && SeparationOfDuties.SamePerson(holder, user.Actor))
        {
            return true;
        }

        return user.IsInRole(Roles.Leader) && (await user.GetScopeAsync(cancellationToken)).Contains(dossier.UnitId);
    }

    /// <summary>Refuses a step that would leave one person with duties the one-stop rules keep apart (see <see cref="SeparationOfDuties"/>).</summary>
    private async Task CheckSeparationOfDutiesAsync(Dossier dossier, string action, string actor, CancellationToken cancellationToken)
    {
        var rules = duties.Value;
        if (!rules.Enabled || !SeparationOfDuties.Steps.Contains(action))
        {
            return;
        }

        string[] steps = [.. SeparationOfDuties.Steps];
        var history = await db.Events.AsNoTracking()
            .Where(e => e.DossierId == dossier.Id && steps.Contains(e.Action))
            .Select(e => new DutyStep(e.Action, e.Actor))
            .ToListAsync(cancellationToken);
        if (SeparationOfDuties.Refusal(rules, action, actor, history) is { } refusal)
        {
            throw SeparationOfDuties.Refuse(refusal);
        }
    }

    private async Task<Dossier> CreateAsync(UnitSummary competent, Guid receivingUnitId, NewDossier request, string actor, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.FindForUnitAsync(competent.Id, request.ProcedureCode.Trim(), request.VariantCode, cancellationToken)
            ?? throw new DomainException("procedureCode", "Unit {0} does not handle procedure {1} (or the variant is missing).", competent.Code, request.ProcedureCode);
        var now = VietnamTime.Now(time);
        // The appointment is computed before the number is taken, so that the day's counter stays locked only
        // while the dossier is inserted.
        var appointment = request.Receive ? await AppointmentAsync(competent.Id, snapshot.ProcessingTime, snapshot.CountsWorkingDays, now, cancellationToken) : null;

        // The number and the dossier are one transaction: each number is used once, and a dossier that is
        // not saved (a rule says no, the database fails) gives its number back.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var code = await DossierCodes.NextAsync(db, competent, DateOnly.FromDateTime(now), cancellationToken);
        var dossier = Dossier.Submit(new DossierSubmission(competent.Id, receivingUnitId, snapshot, request.Applicant, request.Channel, request.Documents), code, now, actor);
        if (appointment is { } due)
        {
            dossier.Receive(now, due.Start, due.Due, due.CalendarRevision, actor);
        }

        db.Dossiers.Add(dossier);
        db.Events.AddRange(dossier.NewEvents);
        await db.SaveChangesAsync(cancellationToken);
        if (DossierFacts.Of(dossier) is { } fact)
        {
            // A new dossier has no fact yet; one not received yet (an online submission) counts for nothing.
            await FeedIndexesAsync(dossier, fact, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await notices.AfterAsync(dossier, dossier.TakeNewEvents(), cancellationToken);
        return dossier;
    }

    private async Task ReceiveAsync(Dossier dossier, DateTime now, string actor, CancellationToken cancellationToken)
    {
        var appointment = await AppointmentAsync(dossier.UnitId, dossier.ProcessingTime, dossier.CountsWorkingDays, now, cancellationToken);
        dossier.Receive(now, appointment.Start, appointment.Due, appointment.CalendarRevision, actor);
    }

    /// <summary>When the clock starts for a dossier received now, and the appointment for its processing time.</summary>
    private async Task<Appointment> AppointmentAsync(Guid unitId, decimal processingTime, bool countsWorkingDays, DateTime now, CancellationToken cancellationToken)
    {
        // Online submissions outside office hours are received at the next opening: adding zero time normalises.
        var start = await clock.AddWorkingDaysAsync(unitId, now, 0, cancellationToken);
        var due = countsWorkingDays
            ? await clock.AddWorkingDaysAsync(unitId, start.DueAt, processingTime, cancellationToken)
            : await clock.AddCalendarDaysAsync(unitId, start.DueAt, (int)processingTime, cancellationToken);
        return new Appointment(start.DueAt, due.DueAt, due.CalendarRevision);
    }

    /// <param name="before">The dossier's index fact before the change, to skip the indexes when it did not change.</param>
    private async Task SaveAsync(Dossier dossier, DossierFact? before, CancellationToken cancellationToken)
    {
        db.Events.AddRange(dossier.NewEvents);
        try
        {
            await CommitAsync(dossier, before, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || IsDuplicateKey(exception))
        {
            db.ChangeTracker.Clear();
            throw new DossierConflictException("The dossier was changed by someone else at the same moment; reload it and try again.");
        }

        await notices.AfterAsync(dossier, dossier.TakeNewEvents(), cancellationToken);
    }

    /// <summary>
    /// Saves the dossier and its events; when what the indexes count changed, their counters change in the
    /// same transaction, so a published figure never lags behind or runs ahead of the dossiers.
    /// </summary>
    private async Task CommitAsync(Dossier dossier, DossierFact? before, CancellationToken cancellationToken)
    {
        var after = DossierFacts.Of(dossier);
        if (after == before)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await FeedIndexesAsync(dossier, after, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The index counters change in the dossier's own transaction, with who did it and why.</summary>
    private async Task FeedIndexesAsync(Dossier dossier, DossierFact? after, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var last = dossier.NewEvents.Count > 0 ? dossier.NewEvents[^1] : null;
        await indexes.RecordAsync(dossier.Code, after, transaction.GetDbTransaction(), new IndexChange(last?.Actor ?? user.Actor, last is null ? null : "action:" + last.Action), cancellationToken);
    }

    private async Task<bool> SameProvinceAsync(UnitSummary a, UnitSummary b, CancellationToken cancellationToken)
    {
        if (a.Id == b.Id)
        {
            return true;
        }

        var provinceA = await ProvinceOfAsync(a, cancellationToken);
        var provinceB = await ProvinceOfAsync(b, cancellationToken);
        return provinceA == provinceB;
    }

    private async Task<Guid> ProvinceOfAsync(UnitSummary unit, CancellationToken cancellationToken)
    {
        if (unit.Kind == UnitKind.Province)
        {
            return unit.Id;
        }

        var ancestors = await units.GetAncestorsAsync(unit.Id, cancellationToken);
        return ancestors.Count > 0 ? ancestors[^1] : unit.Id;
    }

    private static bool IsDuplicateKey(DbUpdateException exception) =>
        exception.InnerException?.Message is { } message
        && (message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The dossier codes of a unit.</summary>
internal static class DossierCodes
{
    private static readonly ConcurrentDictionary<string, string> CounterStatements = new();

    /// <summary>
    /// Unit code, date and a daily sequence: e.g. 21550-260303-0007. One statement creates or increments the
    /// day's counter and returns it. Called inside the caller's transaction, the counter's row stays locked
    /// until the dossier is committed, so desks receiving at the same moment queue on it instead of colliding
    /// and retrying, and a dossier that is not saved gives its number back.
    /// </summary>
    public static async Task<string> NextAsync(DossiersDbContext db, UnitSummary unit, DateOnly day, CancellationToken cancellationToken)
    {
        var last = (await db.Database.SqlQueryRaw<int>(CounterSql(db), unit.Id, day).ToListAsync(cancellationToken))[0];
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unit.Code}-{day:yyMMdd}-{last:D4}");
    }

    /// <summary>The upsert of the day's counter, with the table and column names of the context's model (PostgreSQL and SQLite alike).</summary>
    private static string CounterSql(DossiersDbContext db) => CounterStatements.GetOrAdd(db.Database.ProviderName ?? string.Empty, _ =>
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var counter = db.Model.FindEntityType(typeof(DossierCounter))!;
        var table = StoreObjectIdentifier.Table(counter.GetTableName()!, counter.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(counter.FindProperty(property)!.GetColumnName(table)!);
        var (unitId, dayColumn, last) = (Column(nameof(DossierCounter.UnitId)), Column(nameof(DossierCounter.Day)), Column(nameof(DossierCounter.Last)));
        return $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} AS c ({unitId}, {dayColumn}, {last}) VALUES ({{0}}, {{1}}, 1) "
            + $"ON CONFLICT ({unitId}, {dayColumn}) DO UPDATE SET {last} = c.{last} + 1 RETURNING {last} AS \"Value\"";
    });
}
