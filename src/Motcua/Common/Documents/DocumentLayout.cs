namespace Motcua.Common.Documents;

/// <summary>Proportions both renderers share, so the .docx and the PDF of a document look alike.</summary>
internal static class DocumentLayout
{
    /// <summary>
    /// Share of the text width for the left column of the closing row: recipients take a little less than
    /// the signature (as in the Decree 30 samples), two signatures share it equally.
    /// </summary>
    public static double SignatureLeftFraction(OfficialDocument document) => document.LeftSignature is null ? 0.45 : 0.5;

    /// <summary>
    /// The table's column widths as fractions of the text width. Checked here, once for both formats: a
    /// row with a missing or extra cell is a mistake in the form, not something to guess around.
    /// </summary>
    public static IReadOnlyList<double> ColumnFractions(Table table)
    {
        if (table.Columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(table));
        }

        for (var i = 0; i < table.Rows.Count; i++)
        {
            if (table.Rows[i].Count != table.Columns.Count)
            {
                throw new ArgumentException($"Row {i + 1} has {table.Rows[i].Count} cells but the table has {table.Columns.Count} columns.", nameof(table));
            }
        }

        var weights = table.ColumnWidths ?? [.. Enumerable.Repeat(1.0, table.Columns.Count)];
        if (weights.Count != table.Columns.Count || weights.Any(weight => !(weight > 0) || double.IsInfinity(weight)))
        {
            throw new ArgumentException($"A table with {table.Columns.Count} columns needs as many positive column widths.", nameof(table));
        }

        var total = weights.Sum();
        return [.. weights.Select(weight => weight / total)];
    }
}
