namespace Motcua.Plans.DraftFromText;

/// <summary>Reads a plan or directive's text into a draft task list (pure).</summary>
internal static class PlanTextParser
{
    public static DraftPlan Parse(string text) => throw new NotImplementedException("Being written (issue 5).");
}

/// <summary>The text of a .docx plan, paragraphs on their own lines, bold runs marked **like this**.</summary>
internal static class PlanDocumentText
{
    public static string FromDocx(Stream docx) => throw new NotImplementedException("Being written (issue 5).");
}
