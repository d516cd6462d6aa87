using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Tabular;
using Motcua.Common.Web;
using Motcua.Procedures.Contracts;
using Motcua.Procedures.Data;

namespace Motcua.Procedures.ImportProcedures;

internal sealed record ProcedureImportResult(int Created, int Updated, int Variants, int Documents);

/// <summary>
/// The catalogue file: one row per required document, procedure and variant columns repeated (the
/// shape provincial catalogues are kept in). The whole file is checked first; one bad row rejects it.
/// Procedures are matched by code: importing again updates, never duplicates.
/// </summary>
internal sealed class ProcedureImporter(ProceduresDbContext db, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// Optional (older files have none): the variant's own split of its time between the internal steps, in
    /// working days. All blank: the default split; any given: blanks count as 0 and they must add up to the time.
    /// </summary>
    public static readonly string[] StepColumns =
        ["stepReceipt", "stepAssignment", "stepExamination", "stepReview", "stepSignature", "stepIssue", "stepReturn"];

    public static readonly string[] Columns =
    [
        "code", "name", "field", "level", "legalBasis", "onlineLevel", "postalIntake", "postalReturn", "publishedOn",
        "variantCode", "variantName", "processingTime", "timeUnit", "fee", "feeNote",
        "documentName", "originals", "copies", "formTemplate",
        .. StepColumns,
    ];

    public async Task<ProcedureImportResult> ImportAsync(IReadOnlyList<TabularRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            throw new ImportRejectedException([localizer["The file has no data rows."]]);
        }

        var (definitions, errors) = Parse(rows);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var codes = definitions.Select(d => d.Code).ToList();
        var existing = await db.Procedures.AsSplitQuery().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, cancellationToken);
        int created = 0, updated = 0;
        foreach (var definition in definitions)
        {
            if (existing.TryGetValue(definition.Code, out var procedure))
            {
                procedure.Apply(definition);
                updated++;
            }
            else
            {
                db.Procedures.Add(Procedure.Create(definition));
                created++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ProcedureImportResult(created, updated, definitions.Sum(d => d.Variants.Count), definitions.Sum(d => d.Variants.Sum(v => v.Documents.Count)));
    }

    /// <summary>Groups the rows into procedures; every problem is reported with its row number.</summary>
    internal (List<ProcedureDefinition> Definitions, List<string> Errors) Parse(IReadOnlyList<TabularRow> rows)
    {
        var errors = new List<string>();
        var definitions = new List<ProcedureDefinition>();
        foreach (var procedureRows in rows.GroupBy(r => r.Get("code") ?? string.Empty))
        {
            try
            {
                definitions.Add(ParseProcedure(procedureRows.ToList()));
            }
            catch (RowException exception)
            {
                errors.Add(localizer["Row {0}: {1}", exception.Row, exception.Inner.Localize(localizer)]);
            }
        }

        return (definitions, errors);
    }

    private static ProcedureDefinition ParseProcedure(List<TabularRow> rows)
    {
        var first = rows[0];
        var code = At(first, () => first.Get("code") ?? throw new DomainException("code", "The procedure code is required and must be at most 30 characters."));
        string[] procedureColumns = ["name", "field", "level", "legalBasis", "onlineLevel", "postalIntake", "postalReturn", "publishedOn"];
        foreach (var row in rows.Skip(1))
        {
            if (procedureColumns.FirstOrDefault(c => row.Get(c) is { } value && value != first.Get(c)) is { } differs)
            {
                throw new RowException(row.Number, new DomainException(differs, "Column {0} differs from the first row of procedure {1}.", differs, code));
            }
        }

        var variants = new List<VariantDefinition>();
        foreach (var variantRows in rows.GroupBy(r => r.Get("variantCode") ?? "01"))
        {
            var head = variantRows.First();
            var documents = variantRows
                .Where(r => r.Get("documentName") is not null)
                .Select(r => At(r, () => new RequiredDocument(r.Get("documentName")!, Whole(r, "originals"), Whole(r, "copies"), r.Get("formTemplate"))))
                .ToList();
            variants.Add(At(head, () => new VariantDefinition(
                variantRows.Key,
                head.Get("variantName") ?? first.Get("name") ?? string.Empty,
                Number(head, "processingTime"),
                Names.TryParse(head.Get("timeUnit"), out TimeUnit unit) ? unit : throw new DomainException("timeUnit", "The time unit must be workingDays or calendarDays."),
                (long)Number(head, "fee"),
                head.Get("feeNote"),
                documents,
                StepColumns.Any(c => head.Get(c) is not null) ? StepBudget.Of([.. StepColumns.Select(c => Number(head, c))]) : null)));
        }

        var definition = At(first, () => new ProcedureDefinition(
            code,
            first.Get("name") ?? string.Empty,
            first.Get("field") ?? string.Empty,
            Names.TryParse(first.Get("level"), out ProcedureLevel level) ? level : throw new DomainException("level", "The level must be commune or province."),
            first.Get("legalBasis") ?? string.Empty,
            Names.TryParse(first.Get("onlineLevel"), out OnlineLevel online) ? online : throw new DomainException("onlineLevel", "The online level must be none, partial or full."),
            YesNo(first, "postalIntake"),
            YesNo(first, "postalReturn"),
            first.Get("publishedOn") is { } published
                ? TabularFile.TryParseDate(published, out var date) ? date : throw new DomainException("publishedOn", "{0} is not a date (use yyyy-MM-dd or dd/MM/yyyy).", published)
                : null,
            variants));
        At(first, () =>
        {
            Procedure.Validate(definition);
            return definition;
        });
        return definition;
    }

    private static T At<T>(TabularRow row, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (DomainException exception)
        {
            throw new RowException(row.Number, exception);
        }
    }

    private static decimal Number(TabularRow row, string column) =>
        row.Get(column) is not { } text ? 0
        : decimal.TryParse(text.Replace(" ", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
        : throw new DomainException(column, "{0} must be a non-negative number.", column);

    private static int Whole(TabularRow row, string column)
    {
        var value = Number(row, column);
        return value == decimal.Truncate(value) && value <= 100 ? (int)value : throw new DomainException(column, "{0} must be a whole number from 0 to 100.", column);
    }

    private static bool YesNo(TabularRow row, string column) => row.Get(column)?.ToUpperInvariant() switch
    {
        null or "NO" or "FALSE" or "0" or "KHÔNG" => false,
        "YES" or "TRUE" or "1" or "CÓ" => true,
        _ => throw new DomainException(column, "{0} must be yes or no.", column),
    };

    /// <summary>Carries the row number of a rule's refusal up to the report.</summary>
    private sealed class RowException(int row, DomainException inner) : Exception(inner.Message, inner)
    {
        public int Row { get; } = row;

        public DomainException Inner { get; } = inner;
    }
}

/// <summary>The catalogue as a file, in the import format, so it can be edited and imported back.</summary>
internal static class ProcedureExporter
{
    /// <summary>A variant's own split, or blanks when it uses the default (so the default keeps following its time).</summary>
    private static IEnumerable<string?> StepCells(ProcedureVariant variant) =>
        StepBudget.Parse(variant.StepBudgets) is { } own
            ? StepBudget.Steps.Select(s => own.For(s).ToString("0.#", CultureInfo.InvariantCulture))
            : StepBudget.Steps.Select(_ => (string?)null);

    public static IEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<Procedure> procedures)
    {
        foreach (var p in procedures)
        {
            foreach (var v in p.Variants)
            {
                IReadOnlyList<RequiredDocument?> documents = v.Documents.Count > 0 ? [.. v.Documents] : [null];
                foreach (var d in documents)
                {
                    yield return
                    [
                        p.Code, p.Name, p.Field, Names.Of(p.Level), p.LegalBasis, Names.Of(p.OnlineLevel),
                        p.PostalIntake ? "yes" : "no", p.PostalReturn ? "yes" : "no", p.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        v.Code, v.Name, v.ProcessingTime.ToString("0.#", CultureInfo.InvariantCulture), Names.Of(v.TimeUnit),
                        v.Fee.ToString(CultureInfo.InvariantCulture), v.FeeNote,
                        d?.Name, d?.Originals.ToString(CultureInfo.InvariantCulture), d?.Copies.ToString(CultureInfo.InvariantCulture), d?.FormTemplate,
                        .. StepCells(v),
                    ];
                }
            }
        }
    }
}
