using Motcua.Plans.Deadlines;

namespace Motcua.Plans.DraftFromText;

/// <summary>
/// What <see cref="PlanTextParser"/> read from a plan's text: a draft for an officer to review and
/// confirm. Nothing here is stored until confirmed; unit names are the plan's words, matched to real
/// units on the review page. IssuingPlace is the place on the dated line ("Thọ Xương").
/// </summary>
internal sealed record DraftPlan(
    string? NumberAndSymbol,
    string? IssuingUnit,
    DateOnly? IssuedOn,
    string? Title,
    int? Year,
    string? Purpose,
    IReadOnlyList<DraftTask> Tasks,
    string? IssuingPlace = null);

/// <param name="Number">The item's number as written ("1", "2.3", "a").</param>
/// <param name="Section">The heading it sits under ("III. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN").</param>
/// <param name="LeadUnits">Units named after "chủ trì" (or in bold), in the plan's words.</param>
/// <param name="CoordinatingUnits">Units named after "phối hợp".</param>
/// <param name="Deadline">Null when the item states no time.</param>
/// <param name="Details">The item's other paragraphs (explanation, targets), one a line; null when none.</param>
internal sealed record DraftTask(
    string Number,
    string? Section,
    string Content,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CoordinatingUnits,
    TaskDeadline? Deadline,
    string? Details = null);
