using System.Globalization;
using Motcua.Common;

namespace Motcua.Procedures.Contracts;

/// <summary>The internal steps of processing a dossier, in the order of the process control sheet (form 06).</summary>
internal enum ProcessStep
{
    Receipt,
    Assignment,
    Examination,
    Review,
    Signature,
    Issue,
    Return,
}

/// <summary>
/// How the processing time of a procedure variant is split between its internal steps, in working days
/// (halves allowed): e.g. a 10-day procedure: receipt 0.5, assignment 0.5, examination 7, review 0.5,
/// signature 1, issue 0.5, return 0. A variant may set its own split; otherwise <see cref="DefaultFor"/>
/// applies. A dossier copies the split in force at submission, so a later change never alters it.
/// </summary>
internal sealed record StepBudget(decimal Receipt, decimal Assignment, decimal Examination, decimal Review, decimal Signature, decimal Issue, decimal Return)
{
    public static readonly IReadOnlyList<ProcessStep> Steps = Enum.GetValues<ProcessStep>();

    public decimal Total => Receipt + Assignment + Examination + Review + Signature + Issue + Return;

    public decimal For(ProcessStep step) => step switch
    {
        ProcessStep.Receipt => Receipt,
        ProcessStep.Assignment => Assignment,
        ProcessStep.Examination => Examination,
        ProcessStep.Review => Review,
        ProcessStep.Signature => Signature,
        ProcessStep.Issue => Issue,
        _ => Return,
    };

    public static StepBudget Of(IReadOnlyList<decimal> days) =>
        days.Count == 7 ? new(days[0], days[1], days[2], days[3], days[4], days[5], days[6]) : throw new ArgumentException("Seven steps are needed.", nameof(days));

    /// <summary>
    /// The working days the internal steps share: the processing time itself, or for a procedure counted in
    /// calendar days the working days in that many days (five in seven, down to a half day), because internal
    /// steps are always budgeted in working days.
    /// </summary>
    public static decimal WorkingDaysIn(decimal processingTime, bool countsWorkingDays) =>
        countsWorkingDays ? processingTime : decimal.Floor(processingTime * 5 / 7 * 2) / 2;

    /// <summary>
    /// The default split of <paramref name="workingDays"/> (a multiple of 0.5). From 6 days on, the desk
    /// and leadership steps keep the budgets of the 10-day model (receipt, assignment, review and issue half a
    /// day each, signature one day) and examination gets the rest. Below 6 days examination gets at least
    /// half of the time, and each remaining half day goes, one each, to signature, receipt, assignment,
    /// review and issue, in that order. Return is never budgeted: the time ends with the issue.
    /// </summary>
    public static StepBudget DefaultFor(decimal workingDays)
    {
        var halves = (int)decimal.Floor(Math.Max(0, workingDays) * 2);
        if (halves >= 12)
        {
            return new(0.5m, 0.5m, (halves - 6) / 2m, 0.5m, 1m, 0.5m, 0m);
        }

        var examination = (halves + 1) / 2;
        var left = halves - examination;
        decimal Next() => left-- > 0 ? 0.5m : 0m;
        var signature = Next();
        var receipt = Next();
        var assignment = Next();
        var review = Next();
        var issue = Next();
        return new(receipt, assignment, examination / 2m, review, signature, issue, 0m);
    }

    /// <summary>Checks an explicit split: steps of half a day, adding up to the working days of the variant.</summary>
    public void Validate(decimal workingDays)
    {
        foreach (var step in Steps)
        {
            var days = For(step);
            if (days < 0 || days * 2 != decimal.Truncate(days * 2))
            {
                throw new DomainException("stepBudgets", "Each step's time must be zero or more, in steps of 0.5 working days.");
            }
        }

        if (Total != workingDays)
        {
            throw new DomainException(
                "stepBudgets", "The steps' times add up to {0} working days, but the procedure has {1}.",
                Total.ToString("0.#", CultureInfo.InvariantCulture), workingDays.ToString("0.#", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The stored form: seven numbers separated by semicolons, in the order of <see cref="ProcessStep"/>.</summary>
    public string Format() => string.Join(';', Steps.Select(s => For(s).ToString("0.#", CultureInfo.InvariantCulture)));

    /// <summary>The stored form back; null for null or anything that is not seven numbers.</summary>
    public static StepBudget? Parse(string? text)
    {
        var parts = text?.Split(';');
        if (parts is not { Length: 7 })
        {
            return null;
        }

        var days = new decimal[7];
        for (var i = 0; i < 7; i++)
        {
            if (!decimal.TryParse(parts[i], NumberStyles.Number, CultureInfo.InvariantCulture, out days[i]))
            {
                return null;
            }
        }

        return Of(days);
    }
}
