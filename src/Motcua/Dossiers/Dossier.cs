using System.Security.Cryptography;
using Motcua.Common;

namespace Motcua.Dossiers;

internal enum DossierStatus
{
    /// <summary>Submitted (online, by post or at the counter) and waiting for the completeness check.</summary>
    Submitted,

    /// <summary>Incomplete at intake: written guidance issued, not yet received (the clock has not started).</summary>
    IntakeSupplementRequested,

    /// <summary>Not accepted at intake, with a refusal notice (form 03).</summary>
    IntakeRefused,

    /// <summary>Complete and received: code, receipt and appointment issued; the legal clock runs.</summary>
    Received,

    InProcessing,

    /// <summary>Sent to another agency or level (liên thông); the clock keeps running.</summary>
    AtOtherAgency,

    /// <summary>Supplement requested during processing (at most once); the clock is paused.</summary>
    SupplementRequested,

    AwaitingApproval,

    Approved,

    /// <summary>Refused by the leader, with reasons; the refusal is returned to the applicant.</summary>
    Refused,

    /// <summary>The result is ready for return: processing is complete.</summary>
    ResultReady,

    Returned,

    Withdrawn,

    Cancelled,

    /// <summary>Processing stopped at the applicant's request or by law, with a stop notice (form 05).</summary>
    Stopped,
}

internal enum Channel
{
    Counter,
    Online,
    Postal,
}

internal enum Rating
{
    VerySatisfied,
    Satisfied,
    NotSatisfied,
}

/// <summary>The person or organisation that submits the dossier.</summary>
internal sealed record Applicant(string Name, string? IdentityNumber, string? Phone, string? Email, string? Address);

/// <summary>
/// A dossier (hồ sơ) of an administrative procedure, from submission to return. Every rule of the
/// one-stop lifecycle lives here: which action is allowed in which state, the supplement at most once,
/// the new appointment at most once, the clock's pauses. Each change appends an immutable
/// <see cref="DossierEvent"/>; <see cref="Version"/> detects concurrent edits.
/// </summary>
internal sealed class Dossier
{
    // Only the events of this unit of work: history is appended, never loaded to change a dossier.
    private readonly List<DossierEvent> _newEvents = [];
    private readonly List<DossierDocument> _documents = [];

    private Dossier()
    {
        Code = Secret = ProcedureCode = ProcedureName = VariantCode = string.Empty;
        Applicant = new Applicant(string.Empty, null, null, null, null);
    }

    public Guid Id { get; private set; }

    /// <summary>Unique nationally in form: the competent unit's code, the date and a daily sequence.</summary>
    public string Code { get; private set; }

    /// <summary>The applicant's lookup secret, printed on the receipt and in the QR code.</summary>
    public string Secret { get; private set; }

    /// <summary>The competent unit, which processes the dossier.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The unit whose desk received it (any service centre of the province may).</summary>
    public Guid ReceivingUnitId { get; private set; }

    public string ProcedureCode { get; private set; }

    public string ProcedureName { get; private set; }

    public string VariantCode { get; private set; }

    public decimal ProcessingTime { get; private set; }

    public bool CountsWorkingDays { get; private set; }

    public long Fee { get; private set; }

    public string OnlineLevel { get; private set; } = "none";

    /// <summary>
    /// The split of the time between the internal steps in force at submission (stored form of
    /// <see cref="Procedures.Contracts.StepBudget"/>); null for dossiers from before step budgets existed,
    /// whose steps are judged against the appointment.
    /// </summary>
    public string? StepBudgets { get; private set; }

    public Applicant Applicant { get; private set; }

    public Channel Channel { get; private set; }

    /// <summary>The National Public Service Portal's reference when the citizen submitted there; null otherwise.</summary>
    public string? PortalReference { get; private set; }

    public bool FromNationalPortal => PortalReference is not null;

    public DossierStatus Status { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    /// <summary>When the complete dossier was received (the clock's start); null before.</summary>
    public DateTime? ReceivedAt { get; private set; }

    /// <summary>The appointment given at receipt, before any pause or extension.</summary>
    public DateTime? OriginalDueAt { get; private set; }

    /// <summary>The current appointment, after a supplement pause or the one permitted extension.</summary>
    public DateTime? DueAt { get; private set; }

    /// <summary>The calendar version the current appointment was computed with.</summary>
    public long CalendarRevision { get; private set; }

    public DateTime? PausedAt { get; private set; }

    public int SupplementRequests { get; private set; }

    public DateTime? SupplementRequestedAt { get; private set; }

    public DateTime? SupplementedAt { get; private set; }

    public DateTime? ApologyAt { get; private set; }

    public string? DepartmentCode { get; private set; }

    public string? Specialist { get; private set; }

    public string? OtherAgency { get; private set; }

    /// <summary>End of processing: result ready, refused, or stopped.</summary>
    public DateTime? CompletedAt { get; private set; }

    public DateTime? ReturnedAt { get; private set; }

    public Channel? ReturnChannel { get; private set; }

    public bool ElectronicResult { get; private set; }

    public bool DigitisedResult { get; private set; }

    public long FeePaid { get; private set; }

    public bool PaidOnline { get; private set; }

    public Rating? Rating { get; private set; }

    public bool RatedHarassment { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// The hash of the dossier's last event: the head of its hash chain (ADR 0016), kept on the row that every
    /// action loads and version-locks anyway, so chaining the next event costs no query.
    /// </summary>
    public string? LastEventHash { get; private set; }

    /// <summary>The events recorded since the dossier was loaded, to be appended by the caller.</summary>
    public IReadOnlyList<DossierEvent> NewEvents => _newEvents;

    /// <summary>Hands over the events recorded since the last save and forgets them (they are stored now).</summary>
    public IReadOnlyList<DossierEvent> TakeNewEvents()
    {
        var events = _newEvents.ToList();
        _newEvents.Clear();
        return events;
    }

    /// <summary>Who held the dossier before the current holder (for "return to the previous step").</summary>
    public string? PreviousSpecialist { get; private set; }

    public IReadOnlyList<DossierDocument> Documents => _documents;

    public bool IsOpen => Status is not (DossierStatus.IntakeRefused or DossierStatus.Refused or DossierStatus.ResultReady or DossierStatus.Returned
        or DossierStatus.Withdrawn or DossierStatus.Cancelled or DossierStatus.Stopped);

    /// <summary>Received and not yet at the end of processing: the legal clock applies.</summary>
    public bool IsUnderClock => ReceivedAt is not null && CompletedAt is null && IsOpen;

    public bool HasApology => ApologyAt is not null;

    /// <summary>What the applicant still has to pay; nothing is collected once refused at intake, withdrawn or cancelled.</summary>
    public long FeeDue => Status is DossierStatus.IntakeRefused or DossierStatus.Withdrawn or DossierStatus.Cancelled ? 0 : Math.Max(0, Fee - FeePaid);

    public bool IsOverdue(DateTime now) => IsUnderClock && Status != DossierStatus.SupplementRequested && DueAt < now;

    /// <summary>Completed after its appointment (after subtracting supplement time, which moved the appointment).</summary>
    public bool CompletedLate => CompletedAt is { } completed && DueAt is { } due && (completed > due || SupplementRequests > 1);

    public static Dossier Submit(DossierSubmission submission, string code, DateTime now, string actor)
    {
        if (string.IsNullOrWhiteSpace(submission.Applicant.Name) || submission.Applicant.Name.Length > 200)
        {
            throw new DomainException("applicant.name", "The applicant's name is required and must be at most 200 characters.");
        }

        if (submission.Channel == Channel.Online && submission.Snapshot.OnlineLevel == "none")
        {
            throw new DomainException("channel", "Procedure {0} is not offered online.", submission.Snapshot.ProcedureCode);
        }

        if (submission.Channel == Channel.Postal && !submission.Snapshot.PostalIntake)
        {
            throw new DomainException("channel", "Procedure {0} cannot be submitted by post.", submission.Snapshot.ProcedureCode);
        }

        var snapshot = submission.Snapshot;
        var dossier = new Dossier
        {
            Id = Guid.NewGuid(),
            Code = code,
            Secret = NewSecret(),
            UnitId = submission.UnitId,
            ReceivingUnitId = submission.ReceivingUnitId,
            ProcedureCode = snapshot.ProcedureCode,
            ProcedureName = snapshot.ProcedureName,
            VariantCode = snapshot.VariantCode,
            ProcessingTime = snapshot.ProcessingTime,
            CountsWorkingDays = snapshot.CountsWorkingDays,
            Fee = snapshot.Fee,
            OnlineLevel = submission.OnlineLevel ?? snapshot.OnlineLevel,
            PortalReference = submission.PortalReference,
            StepBudgets = snapshot.Steps?.Format(),
            Applicant = submission.Applicant with { Name = submission.Applicant.Name.Trim() },
            Channel = submission.Channel,
            Status = DossierStatus.Submitted,
            SubmittedAt = now,
            DepartmentCode = snapshot.DepartmentCode,
        };
        foreach (var item in snapshot.Checklist)
        {
            var provided = submission.Provided?.FirstOrDefault(p => string.Equals(p.Name, item.Name, StringComparison.Ordinal));
            dossier._documents.Add(DossierDocument.For(item.Name, item.Originals, item.Copies, provided?.Provided ?? false, provided?.Digitised ?? false, provided?.Reused ?? false));
        }

        var origin = submission.PortalReference is { } reference ? $"; National Public Service Portal {reference}" : string.Empty;
        dossier.Record(now, actor, "create", null, DossierStatus.Submitted, $"{snapshot.ProcedureCode} {snapshot.VariantCode}; {submission.Channel}{origin}");
        return dossier;
    }

    /// <summary>The completeness check passed: the dossier is received and the clock starts at <paramref name="receivedAt"/>.</summary>
    public void Receive(DateTime now, DateTime receivedAt, DateTime dueAt, long calendarRevision, string actor)
    {
        Require("receive");
        if (_documents.FirstOrDefault(d => !d.Provided) is { } missing)
        {
            throw new DomainException("documents", "The dossier is not complete: {0} is missing.", missing.Name);
        }

        var from = Status;
        ReceivedAt = receivedAt;
        OriginalDueAt = DueAt = dueAt;
        CalendarRevision = calendarRevision;
        Status = DossierStatus.Received;
        Record(now, actor, "receive", from, Status, $"due {dueAt:yyyy-MM-dd HH:mm}");
    }

    /// <summary>Incomplete at intake: written guidance listing everything missing, given once (form 02).</summary>
    public void RequestIntakeSupplement(DateTime now, string reason, string actor)
    {
        Require("request-intake-supplement");
        Status = DossierStatus.IntakeSupplementRequested;
        Record(now, actor, "request-intake-supplement", DossierStatus.Submitted, Status, Reason(reason));
    }

    /// <summary>The applicant brought (or uploaded) the missing documents before receipt.</summary>
    public void Resubmit(DateTime now, IReadOnlyList<ProvidedDocument> provided, string actor)
    {
        Require("resubmit");
        Provide(provided);
        Status = DossierStatus.Submitted;
        Record(now, actor, "resubmit", DossierStatus.IntakeSupplementRequested, Status, null);
    }

    public void RefuseAtIntake(DateTime now, string reason, string actor)
    {
        Require("refuse-intake");
        var from = Status;
        Status = DossierStatus.IntakeRefused;
        Record(now, actor, "refuse-intake", from, Status, Reason(reason));
    }

    public void Provide(IReadOnlyList<ProvidedDocument> provided)
    {
        foreach (var item in provided)
        {
            var document = _documents.FirstOrDefault(d => string.Equals(d.Name, item.Name, StringComparison.Ordinal))
                ?? throw new DomainException("documents", "{0} is not on this procedure's checklist.", item.Name);
            document.Update(item.Provided, item.Digitised, item.Reused);
        }
    }

    public void Assign(DateTime now, string departmentCode, string? specialist, string actor)
    {
        Require("assign");
        if (string.IsNullOrWhiteSpace(departmentCode))
        {
            throw new DomainException("departmentCode", "Choose the department that examines the dossier.");
        }

        var from = Status;
        DepartmentCode = departmentCode.Trim();
        PreviousSpecialist = Specialist;
        Specialist = string.IsNullOrWhiteSpace(specialist) ? null : specialist.Trim();
        Status = DossierStatus.InProcessing;
        Record(now, actor, "assign", from, Status, null);
    }

    /// <summary>Hands the dossier to another specialist (or department) for the next step.</summary>
    public void Forward(DateTime now, string? departmentCode, string specialist, string? note, string actor)
    {
        Require("forward");
        if (string.IsNullOrWhiteSpace(specialist))
        {
            throw new DomainException("specialist", "Choose who receives the dossier.");
        }

        DepartmentCode = string.IsNullOrWhiteSpace(departmentCode) ? DepartmentCode : departmentCode.Trim();
        PreviousSpecialist = Specialist;
        Specialist = specialist.Trim();
        Record(now, actor, "forward", Status, Status, note);
    }

    /// <summary>Back to the previous holder (e.g. the leader returns it to the specialist), with a reason.</summary>
    public void ReturnToPrevious(DateTime now, string reason, string actor)
    {
        Require("return-to-previous");
        var from = Status;
        (Specialist, PreviousSpecialist) = (PreviousSpecialist ?? Specialist, Specialist);
        Status = DossierStatus.InProcessing;
        Record(now, actor, "return-to-previous", from, Status, Reason(reason));
    }

    public void SendToAgency(DateTime now, string agency, string? note, string actor)
    {
        Require("send-to-agency");
        if (string.IsNullOrWhiteSpace(agency) || agency.Length > 300)
        {
            throw new DomainException("agency", "Name the agency the dossier is sent to.");
        }

        OtherAgency = agency.Trim();
        Status = DossierStatus.AtOtherAgency;
        Record(now, actor, "send-to-agency", DossierStatus.InProcessing, Status, note is null ? OtherAgency : $"{OtherAgency}: {note}");
    }

    public void ReceiveFromAgency(DateTime now, string? note, string actor)
    {
        Require("receive-from-agency");
        Status = DossierStatus.InProcessing;
        Record(now, actor, "receive-from-agency", DossierStatus.AtOtherAgency, Status, note is null ? OtherAgency : $"{OtherAgency}: {note}");
        OtherAgency = null;
    }

    /// <summary>Asks the applicant for a supplement; allowed at most once, and pauses the clock.</summary>
    public void RequestSupplement(DateTime now, string reason, string actor)
    {
        Require("request-supplement");
        if (SupplementRequests > 0)
        {
            throw new DossierConflictException("A supplement was already requested for this dossier on {0}; the law allows only one request.", SupplementRequestedAt!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }

        var from = Status;
        SupplementRequests++;
        SupplementRequestedAt = PausedAt = now;
        Status = DossierStatus.SupplementRequested;
        Record(now, actor, "request-supplement", from, Status, Reason(reason));
    }

    /// <summary>The supplement arrived: the clock restarts with the time that was left, giving a new appointment.</summary>
    public void Supplement(DateTime now, DateTime newDueAt, long calendarRevision, IReadOnlyList<ProvidedDocument> provided, string actor)
    {
        Require("supplement");
        Provide(provided);
        SupplementedAt = now;
        PausedAt = null;
        DueAt = newDueAt;
        CalendarRevision = calendarRevision;
        Status = DossierStatus.InProcessing;
        Record(now, actor, "supplement", DossierStatus.SupplementRequested, Status, $"due {newDueAt:yyyy-MM-dd HH:mm}");
    }

    public void SubmitForApproval(DateTime now, string? note, string actor)
    {
        Require("submit");
        Status = DossierStatus.AwaitingApproval;
        Record(now, actor, "submit", DossierStatus.InProcessing, Status, note);
    }

    public void Approve(DateTime now, string? note, string actor)
    {
        Require("approve");
        Status = DossierStatus.Approved;
        Record(now, actor, "approve", DossierStatus.AwaitingApproval, Status, note);
    }

    public void Refuse(DateTime now, string reason, string actor)
    {
        Require("refuse");
        Status = DossierStatus.Refused;
        CompletedAt = now;
        Record(now, actor, "refuse", DossierStatus.AwaitingApproval, Status, Reason(reason));
    }

    /// <summary>The result is ready for return: the end of processing counted by the indicators.</summary>
    public void Complete(DateTime now, bool electronicResult, bool digitisedResult, string actor)
    {
        Require("complete");
        Status = DossierStatus.ResultReady;
        CompletedAt = now;
        ElectronicResult = electronicResult;
        DigitisedResult = digitisedResult || electronicResult;
        Record(now, actor, "complete", DossierStatus.Approved, Status, electronicResult ? "electronic result" : null);
    }

    public void Return(DateTime now, Channel channel, string actor)
    {
        Require("return");
        if (Fee > FeePaid && Status == DossierStatus.ResultReady)
        {
            throw new DossierConflictException("The fee of {0} VND has not been paid; the result cannot be returned yet.", (Fee - FeePaid).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
        }

        var from = Status;
        if (from == DossierStatus.Refused && ReturnedAt is not null)
        {
            throw new DossierConflictException("The refusal notice was already handed over on {0}.", ReturnedAt.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (from == DossierStatus.Refused)
        {
            // The refusal notice is handed over; the dossier keeps its Refused outcome for the indicators.
            ReturnedAt = now;
            ReturnChannel = channel;
            Record(now, actor, "return", from, from, channel.ToString());
            return;
        }

        ReturnedAt = now;
        ReturnChannel = channel;
        Status = DossierStatus.Returned;
        Record(now, actor, "return", from, Status, channel.ToString());
    }

    public void Withdraw(DateTime now, string reason, string actor)
    {
        RequireOpen("withdraw");
        var from = Status;
        Status = DossierStatus.Withdrawn;
        Record(now, actor, "withdraw", from, Status, Reason(reason));
    }

    public void Cancel(DateTime now, string reason, string actor)
    {
        RequireOpen("cancel");
        var from = Status;
        Status = DossierStatus.Cancelled;
        Record(now, actor, "cancel", from, Status, Reason(reason));
    }

    /// <summary>Stops processing at the applicant's request or by law (form 05).</summary>
    public void Stop(DateTime now, string reason, string actor)
    {
        Require("stop");
        var from = Status;
        Status = DossierStatus.Stopped;
        CompletedAt = now;
        Record(now, actor, "stop", from, Status, Reason(reason));
    }

    /// <summary>
    /// The apology and request to extend (form 04), signed by the head of the body, with the one new
    /// appointment the law allows. Due no later than one working day before the appointment; a late
    /// dossier without it is flagged.
    /// </summary>
    public void Apologize(DateTime now, string reason, DateTime newDueAt, string actor)
    {
        if (!IsUnderClock || Status == DossierStatus.Submitted)
        {
            throw new DossierConflictException("An apology is given only for a received dossier that is still being processed.");
        }

        if (ApologyAt is not null)
        {
            throw new DossierConflictException("This dossier already has an apology and a new appointment; the law allows only one.");
        }

        if (newDueAt <= DueAt || newDueAt <= now)
        {
            throw new DomainException("newDueAt", "The new appointment must be later than the current one and than now.");
        }

        ApologyAt = now;
        var previous = DueAt;
        DueAt = newDueAt;
        Record(now, actor, "apologize", Status, Status, $"{Reason(reason)} (due {previous:yyyy-MM-dd HH:mm} → {newDueAt:yyyy-MM-dd HH:mm})");
    }

    public void Pay(DateTime now, long amount, bool online, string actor)
    {
        if (amount <= 0 || FeePaid + amount > Fee)
        {
            throw new DomainException("amount", "The amount must be positive and at most the {0} VND still due.", (Fee - FeePaid).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Status is DossierStatus.IntakeRefused or DossierStatus.Withdrawn or DossierStatus.Cancelled)
        {
            throw new DossierConflictException("No fee is collected for a dossier that was refused at intake, withdrawn or cancelled.");
        }

        FeePaid += amount;
        PaidOnline = online;
        Record(now, actor, "pay", Status, Status, $"{amount} VND{(online ? " online" : string.Empty)}");
    }

    /// <summary>A file was attached: a scanned component (while the dossier is open) or the result (once approved).</summary>
    public void AttachFile(DateTime now, string actor, string? documentName, string fileName, bool isResult)
    {
        var allowed = isResult
            ? Status is DossierStatus.Approved or DossierStatus.ResultReady or DossierStatus.Refused
            : IsOpen;
        if (!allowed)
        {
            throw new DossierConflictException("The action {0} is not allowed while the dossier is {1}.", "attach", Status);
        }

        Record(now, actor, "attach", Status, Status, isResult ? $"result: {fileName}" : $"{documentName}: {fileName}");
    }

    /// <summary>The applicant may add files only while the dossier waits for them.</summary>
    public bool AcceptsApplicantFiles => Status is DossierStatus.Submitted or DossierStatus.IntakeSupplementRequested or DossierStatus.SupplementRequested;

    /// <summary>Processing has ended (not by a stop) and the applicant has not rated yet.</summary>
    public bool AwaitsRating => CompletedAt is not null && Status is not DossierStatus.Stopped && Rating is null;

    /// <summary>The applicant rates the service once, after the end of processing (from the lookup page, or at the counter's kiosk: <paramref name="actor"/> says which).</summary>
    public void Rate(DateTime now, Rating rating, bool harassment, string? comment, string actor = "applicant")
    {
        if (CompletedAt is null || Status is DossierStatus.Stopped)
        {
            throw new DossierConflictException("The service can be rated once the result is ready.");
        }

        if (Rating is not null)
        {
            throw new DossierConflictException("This dossier has already been rated.");
        }

        if (harassment && rating != Dossiers.Rating.NotSatisfied)
        {
            throw new DomainException("harassment", "Harassment can be reported only with a 'not satisfied' rating.");
        }

        Rating = rating;
        RatedHarassment = harassment;
        Record(now, actor, "rate", Status, Status, string.IsNullOrWhiteSpace(comment) ? rating.ToString() : $"{rating}: {comment.Trim()}");
    }

    public bool SecretMatches(string? secret) =>
        secret is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(secret.Trim().ToUpperInvariant()), System.Text.Encoding.UTF8.GetBytes(Secret));

    private static string Reason(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainException("reason", "Give the reason.")
        : reason.Length > 2000 ? throw new DomainException("reason", "The reason must be at most 2000 characters.")
        : reason.Trim();

    /// <summary>The states in which each state-driven action is allowed (withdraw, cancel, apologize, pay and rate have their own rules).</summary>
    private static readonly Dictionary<string, DossierStatus[]> StatesFor = new(StringComparer.Ordinal)
    {
        ["receive"] = [DossierStatus.Submitted, DossierStatus.IntakeSupplementRequested],
        ["request-intake-supplement"] = [DossierStatus.Submitted],
        ["resubmit"] = [DossierStatus.IntakeSupplementRequested],
        ["refuse-intake"] = [DossierStatus.Submitted, DossierStatus.IntakeSupplementRequested],
        ["assign"] = [DossierStatus.Received, DossierStatus.InProcessing],
        ["forward"] = [DossierStatus.InProcessing],
        ["return-to-previous"] = [DossierStatus.InProcessing, DossierStatus.AwaitingApproval],
        ["send-to-agency"] = [DossierStatus.InProcessing],
        ["receive-from-agency"] = [DossierStatus.AtOtherAgency],
        ["request-supplement"] = [DossierStatus.InProcessing, DossierStatus.AtOtherAgency, DossierStatus.AwaitingApproval],
        ["supplement"] = [DossierStatus.SupplementRequested],
        ["submit"] = [DossierStatus.InProcessing],
        ["approve"] = [DossierStatus.AwaitingApproval],
        ["refuse"] = [DossierStatus.AwaitingApproval],
        ["complete"] = [DossierStatus.Approved],
        ["return"] = [DossierStatus.ResultReady, DossierStatus.Refused],
        ["stop"] = [DossierStatus.Received, DossierStatus.InProcessing, DossierStatus.AtOtherAgency, DossierStatus.SupplementRequested, DossierStatus.AwaitingApproval, DossierStatus.Approved],
    };

    /// <summary>The actions the dossier's state allows now (whoever asks): what the details page offers.</summary>
    public IReadOnlyList<string> AvailableActions()
    {
        var actions = StatesFor.Where(p => p.Value.Contains(Status)).Select(p => p.Key).ToList();
        if (SupplementRequests > 0)
        {
            // Allowed by the state, refused by the law: do not offer it.
            actions.Remove("request-supplement");
        }

        if (Status == DossierStatus.Refused && ReturnedAt is not null)
        {
            actions.Remove("return");
        }

        if (IsOpen && CompletedAt is null)
        {
            actions.AddRange(["withdraw", "cancel"]);
        }

        if (IsUnderClock && Status != DossierStatus.Submitted && ApologyAt is null)
        {
            actions.Add("apologize");
        }

        if (FeeDue > 0)
        {
            actions.Add("pay");
        }

        return actions;
    }

    private void Require(string action)
    {
        if (!StatesFor[action].Contains(Status))
        {
            throw new DossierConflictException("The action {0} is not allowed while the dossier is {1}.", action, Status);
        }
    }

    private void RequireOpen(string action)
    {
        if (!IsOpen || CompletedAt is not null)
        {
            throw new DossierConflictException("The action {0} is not allowed while the dossier is {1}.", action, Status);
        }
    }

    private void Record(DateTime now, string actor, string action, DossierStatus? from, DossierStatus to, string? note)
    {
        // The version is also the event's sequence: two concurrent changes collide on (dossier, sequence).
        Version++;
        var recorded = new DossierEvent(Id, Version, now, actor, action, from, to, DepartmentCode, Specialist, DueAt, note).Chained(LastEventHash ?? HashChain.Genesis);
        LastEventHash = recorded.Hash;
        _newEvents.Add(recorded);
    }

    /// <summary>Eight characters without look-alikes (0/O, 1/I/L), easy to read out at the counter.</summary>
    private static string NewSecret()
    {
        const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alphabet, 8);
    }
}

/// <summary>One immutable line of a dossier's history: the audit trail and the process control sheet are read from these.</summary>
internal sealed record DossierEvent(
    Guid DossierId, int Sequence, DateTime At, string Actor, string Action, DossierStatus? FromStatus, DossierStatus ToStatus,
    string? Department, string? Holder, DateTime? DueAt, string? Note)
{
    /// <summary>The hash of the dossier's event before this one (<see cref="HashChain.Genesis"/> for the first).</summary>
    public string? PreviousHash { get; init; }

    /// <summary>SHA-256 over <see cref="PreviousHash"/> and <see cref="Canonical"/>: editing, removing or moving an event breaks the chain.</summary>
    public string? Hash { get; init; }

    /// <summary>The fields the hash covers; the sequence is protected by the links instead.</summary>
    public string Canonical() => HashChain.Canonical(DossierId, At, Actor, Action, FromStatus, ToStatus, Department, Holder, DueAt, Note);

    /// <summary>This event linked after the event whose hash is <paramref name="previousHash"/>.</summary>
    public DossierEvent Chained(string previousHash) => this with { PreviousHash = previousHash, Hash = HashChain.Hash(previousHash, Canonical()) };
}

/// <summary>A line of the checklist as received: provided or not, digitised, reused from existing digital data.</summary>
internal sealed class DossierDocument
{
    private DossierDocument()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public int Originals { get; private set; }

    public int Copies { get; private set; }

    public bool Provided { get; private set; }

    public bool Digitised { get; private set; }

    public bool Reused { get; private set; }

    public static DossierDocument For(string name, int originals, int copies, bool provided, bool digitised, bool reused) =>
        new() { Name = name, Originals = originals, Copies = copies, Provided = provided || reused, Digitised = digitised || reused, Reused = reused };

    public void Update(bool provided, bool digitised, bool reused)
    {
        Provided = provided || reused;
        Digitised = digitised || reused;
        Reused = reused;
    }
}

internal sealed record ProvidedDocument(string Name, bool Provided, bool Digitised, bool Reused);

/// <param name="PortalReference">Set when the dossier arrives from the National Public Service Portal.</param>
/// <param name="OnlineLevel">The online level the portal gives the submission; null: the procedure's.</param>
internal sealed record DossierSubmission(
    Guid UnitId, Guid ReceivingUnitId, Procedures.Contracts.ProcedureSnapshot Snapshot, Applicant Applicant, Channel Channel, IReadOnlyList<ProvidedDocument>? Provided,
    string? PortalReference = null, string? OnlineLevel = null);

/// <summary>An action that the dossier's state does not allow (HTTP 409); nothing changes.</summary>
internal sealed class DossierConflictException(string message, params object[] arguments) : Exception(message)
{
    public IReadOnlyList<object> Arguments { get; } = arguments;
}
