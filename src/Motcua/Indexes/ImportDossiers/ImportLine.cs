namespace Motcua.Indexes.ImportDossiers;

/// <summary>One line of the JSON Lines import, exactly as other one-stop systems export it (extra fields are ignored).</summary>
internal sealed record ImportLine(
    string? Code,
    string? ProcedureCode,
    string? UnitCode,
    string? Channel,
    string? OnlineLevel,
    string? ReceivedAt,
    string? DueAt,
    string? CompletedAt,
    string? ReturnedAt,
    string? ReturnChannel,
    IReadOnlyList<ImportApology>? Apologies,
    IReadOnlyList<ImportSupplement>? SupplementRequests,
    ImportDocuments? Documents,
    ImportResult? Result,
    ImportFee? Fee,
    string? Rating,
    bool? Harassment,
    bool? SyncedToNationalPortal);

internal sealed record ImportApology(string? At, string? NewDueAt);

internal sealed record ImportSupplement(string? At, string? SupplementedAt);

internal sealed record ImportDocuments(int Total, int Digitised, int Reused);

internal sealed record ImportResult(bool Electronic, bool Digitised);

internal sealed record ImportFee(long Amount, bool PaidOnline);

/// <summary>A line that was rejected: its number, and the English message (the key of its translation) with arguments.</summary>
internal sealed record ImportProblem(long Line, string Message, object[] Arguments);

internal sealed record ImportReport(
    long Lines, long Valid, long Created, long Updated, long Skipped, bool DryRun, bool Imported, IReadOnlyList<ImportProblem> Problems);
