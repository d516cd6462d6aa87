using Motcua.Common;

namespace Motcua.Dossiers;

internal enum DutyConflict
{
    /// <summary>The examiner would approve.</summary>
    ExaminerApproves,

    /// <summary>The examiner would refuse.</summary>
    ExaminerRefuses,

    /// <summary>The one who received and decided would also return.</summary>
    DeciderReturns,
}

/// <summary>
/// <c>Motcua:Dossiers:SeparationOfDuties</c>: on by default; a deployment (one province) may switch the
/// whole rule or one part of it off, e.g. for a commune with too few officers for the duties to be split.
/// </summary>
internal sealed class SeparationOfDutiesOptions
{
    public const string SectionName = "Motcua:Dossiers:SeparationOfDuties";

    public bool Enabled { get; set; } = true;

    /// <summary>Whoever examined the dossier (submitted it for approval) does not approve or refuse it.</summary>
    public bool ExaminerDoesNotDecide { get; set; } = true;

    /// <summary>Whoever received the dossier and decided on it does not also return the result.</summary>
    public bool ReceiverAndDeciderDoesNotReturn { get; set; } = true;
}

/// <summary>Who took one step of a dossier: read from its events (<see cref="DossierEvent.Actor"/>).</summary>
internal sealed record DutyStep(string Action, string Actor);

/// <summary>
/// Separation of duties at the one-stop desk, as a pure function of the dossier's history of actors.
/// Decree 61/2018/ND-CP (amended by Decree 107/2021/ND-CP) divides the work of a dossier between the
/// officer of the one-stop desk who receives it and returns the result, the specialist of the competent
/// body who examines it and proposes the outcome, and the head of that body who decides; the desk's
/// officers are not to process the dossiers themselves. A user may hold several of these roles (a small
/// commune has few officers), so the rule is not on roles but on people: on every dossier, the person who
/// examined it does not decide on it, and the person who received and decided on it does not return it
/// alone. Together no single person takes a dossier through every step.
/// </summary>
internal static class SeparationOfDuties
{
    public const string Field = "separationOfDuties";

    /// <summary>The steps this rule looks at: receipt, examination, decision and return.</summary>
    public static readonly IReadOnlySet<string> Steps = new HashSet<string>(StringComparer.Ordinal) { "receive", "submit", "approve", "refuse", "return" };

    /// <summary>Which duty <paramref name="actor"/> would join by taking <paramref name="action"/> now; null when they may.</summary>
    public static DutyConflict? Refusal(SeparationOfDutiesOptions rules, string action, string actor, IEnumerable<DutyStep> history)
    {
        if (!rules.Enabled || !Steps.Contains(action))
        {
            return null;
        }

        var steps = history.ToList();
        bool Did(params string[] actions) => steps.Any(s => actions.Contains(s.Action, StringComparer.Ordinal) && SamePerson(s.Actor, actor));

        return action switch
        {
            "approve" when rules.ExaminerDoesNotDecide && Did("submit") => DutyConflict.ExaminerApproves,
            "refuse" when rules.ExaminerDoesNotDecide && Did("submit") => DutyConflict.ExaminerRefuses,
            "return" when rules.ReceiverAndDeciderDoesNotReturn && Did("receive") && Did("approve", "refuse") => DutyConflict.DeciderReturns,
            _ => null,
        };
    }

    /// <summary>The refusal, saying why (400, keyed <c>separationOfDuties</c>).</summary>
    public static DomainException Refuse(DutyConflict conflict) => conflict switch
    {
        DutyConflict.ExaminerApproves => new DomainException(Field, "You examined this dossier; another leader must approve it (separation of duties)."),
        DutyConflict.ExaminerRefuses => new DomainException(Field, "You examined this dossier; another leader must refuse it (separation of duties)."),
        _ => new DomainException(Field, "You received this dossier and approved or refused it; another officer must return it (separation of duties)."),
    };

    /// <summary>User names are compared as Identity does, without regard to letter case.</summary>
    public static bool SamePerson(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
