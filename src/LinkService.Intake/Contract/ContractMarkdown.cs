using System.Globalization;
using System.Text;
using System.Text.Json;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;
using LinkService.Intake.Receipts;
using LinkService.Intake.Scanning;

namespace LinkService.Intake.Contract;

/// <summary>
/// A source's contract for the department's people, written into its outbox as <c>CONTRACT.md</c>: what to send,
/// how it must be written, when it is taken, and what becomes of it. Made from the configuration alone.
/// </summary>
internal static class ContractMarkdown
{
    public static string Write(SourceDefinition source, TimeSpan fallbackQuietPeriod)
    {
        var c = CultureInfo.InvariantCulture;
        var schema = source.SchemaOrThrow;
        var md = new StringBuilder();
        md.AppendLine(c, $"# Delivery contract: {source.Name}").AppendLine();
        if (!string.IsNullOrWhiteSpace(source.Description))
        {
            md.AppendLine(source.Description).AppendLine();
        }

        md.AppendLine(c, $"LinkService writes this file from its configuration and rewrites it when that changes. `{ContractNames.DataPackage}` beside it says the same for Frictionless tools: copy an extract next to it as `{ContractNames.ExampleFile(source.FilePattern)}` and run `frictionless validate {ContractNames.DataPackage}` to check it before sending.").AppendLine();

        md.AppendLine("## The file").AppendLine();
        md.AppendLine(c, $"- Upload it into `inbox/`, named to match `{source.FilePattern}` (`*` stands for any characters, `?` for one; letter case is ignored). Other names, files in sub-folders, links (symbolic, or hard: a file that also has another name), and names with control characters or that are not UTF-8 are refused.");
        md.AppendLine(c, $"- At most {source.MaxBytes:N0} bytes as uploaded; no field longer than {source.MaxFieldLength:N0} characters.");
        if (source.Compression == Compression.Gzip)
        {
            md.AppendLine(c, $"- Compressed with gzip (`.csv.gz`), at most {source.MaxDecompressedBytes:N0} bytes once decompressed.");
        }

        md.AppendLine(c, $"- Encoding `{source.Dialect.Encoding}`{(source.Dialect.Encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ? " (with or without a byte-order mark)" : "")}; fields separated by `{Shown(source.Dialect.Delimiter)}`, quoted with `{source.Dialect.Quote}` (a quote inside a quoted field is doubled); every record, the last included, ends with a line end.");
        md.AppendLine(source.Dialect.Header
            ? $"- The first row names the columns: {Matching(schema.FieldsMatch)}."
            : "- No header row: the columns come in the order of the table below.");
        md.AppendLine();

        md.AppendLine("## When it is taken").AppendLine();
        md.AppendLine(c, $"- Once the upload is closed and the file's size and time have not changed for {source.Completion.QuietPeriod:c} (a file already there when the service started waits {fallbackQuietPeriod:c}), and its last record is whole. A file whose last record is cut off (no line end after it, or a quoted field left open) waits {fallbackQuietPeriod:c} more for the rest, then is refused.");
        if (source.Completion.Signal == CompletionSignal.Marker)
        {
            md.AppendLine(c, $"- And only once a marker `<file>{source.Completion.MarkerSuffix}` exists, written after the file's last change: upload the file, then the marker (it may be empty).");
        }
        else if (source.Completion.Signal == CompletionSignal.Checksum)
        {
            md.AppendLine(c, $"- And only once a sidecar `<file>{CompanionFiles.ChecksumSuffix}` exists, holding the file's SHA-256 as `sha256sum` writes it; a file whose digest differs is refused.");
        }

        md.AppendLine("- Then it is moved out of `inbox/`: to send a corrected file, upload it again.").AppendLine();

        md.AppendLine("## Columns").AppendLine();
        md.AppendLine("| column | type | format | required | constraints | description |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var field in schema.Fields)
        {
            md.AppendLine(c, $"| `{field.Name}` | {field.Type.ToString().ToLowerInvariant()} | {Format(field)} | {(field.Constraints?.Required == true ? "yes" : "no")} | {Cell(Constraints(field, schema))} | {Cell(field.Description ?? field.Title ?? "")} |");
        }

        md.AppendLine();
        md.AppendLine(c, $"Empty cells{(schema.MissingValues.Any(v => v.Length > 0) ? " and " + string.Join(", ", schema.MissingValues.Where(v => v.Length > 0).Select(v => $"`{v}`")) : "")} count as missing.");
        if (schema.PrimaryKey.Count > 0)
        {
            md.AppendLine(c, $"No two rows may share the primary key ({string.Join(", ", schema.PrimaryKey.Select(k => $"`{k}`"))}).");
        }

        md.AppendLine();
        md.AppendLine("## What becomes of it").AppendLine();
        md.AppendLine(source.ErrorTolerance.Mode == ToleranceMode.Reject
            ? "Any row that breaks the contract rejects the whole file."
            : $"Rows that break the contract are set aside and the rest accepted{Limits(source.ErrorTolerance)}; past that the whole file is rejected. A problem with the file itself (its header, encoding or format) rejects it whatever the tolerance.");
        if (source.SizeChange is { } sizeChange)
        {
            md.AppendLine(c, $"A valid file whose accepted rows number under 1/{sizeChange.MaxRatio} or over {sizeChange.MaxRatio} times those of the previous accepted file is held for the data custodian, who accepts or rejects it; its receipt says so.");
        }
        md.AppendLine();
        md.AppendLine("A receipt for each file appears in `outbox/`: `<file>.<delivery id>.receipt.txt` to read and `.receipt.json` for programs (the delivery id starts with the UTC time it was received). When the receipt cannot name every failing row, `<file>.<delivery id>.errors.csv` lists them (only the first ones if there are very many: the receipt then says so). Receipts name rows and columns, never a value from the file. The outcome is one of:").AppendLine();
        foreach (var outcome in Enum.GetValues<ReceiptOutcome>())
        {
            md.AppendLine(c, $"- **{ReceiptMeanings.Name(outcome)}**: {ReceiptMeanings.Of(outcome)}");
        }

        return md.ToString();
    }

    private static string Matching(FieldsMatch match) => match switch
    {
        FieldsMatch.Exact => "exactly the columns below, in this order",
        FieldsMatch.Equal => "exactly the columns below, in any order",
        FieldsMatch.Subset => "every column below, in any order; other columns are ignored",
        FieldsMatch.Superset => "only columns below, in any order; columns may be left out",
        _ => "at least one column below",
    };

    private static string Format(SchemaField field) => field.Type switch
    {
        FieldType.Date => field.Format is null or "default" ? "yyyy-mm-dd" : field.Format == "any" ? "any date" : $"`{field.Format}`",
        FieldType.Datetime => field.Format is null or "default" ? "yyyy-mm-ddThh:mm:ss" : field.Format == "any" ? "any date and time" : $"`{field.Format}`",
        FieldType.Year => "yyyy",
        FieldType.Boolean => string.Join(", ", (field.TrueValues ?? ["true", "True", "TRUE", "1"]).Concat(field.FalseValues ?? ["false", "False", "FALSE", "0"])),
        FieldType.Number or FieldType.Integer => field.DecimalChar is { } d ? $"decimal `{d}`" : "",
        _ => field.Format is null or "default" ? "" : field.Format,
    };

    private static string Constraints(SchemaField field, TableSchema schema)
    {
        var c = field.Constraints;
        var parts = new List<string>();
        if (c?.Unique == true)
        {
            parts.Add("unique");
        }

        if (c?.MinLength is { } min)
        {
            parts.Add($"at least {min} characters");
        }

        if (c?.MaxLength is { } max)
        {
            parts.Add($"at most {max} characters");
        }

        if (c?.Minimum is { } minimum)
        {
            parts.Add($"minimum {Bound(minimum)}");
        }

        if (c?.Maximum is { } maximum)
        {
            parts.Add($"maximum {Bound(maximum)}");
        }

        if (c?.Pattern is { } pattern)
        {
            parts.Add($"matches `{pattern}`");
        }

        if (c?.Enum is { } values)
        {
            parts.Add("one of " + string.Join(", ", values.Select(v => $"`{Bound(v)}`")));
        }

        if (field.MissingValues is { } missing && !missing.SequenceEqual(schema.MissingValues))
        {
            parts.Add("missing values " + string.Join(", ", missing.Select(v => $"`{v}`")));
        }

        return string.Join("; ", parts);
    }

    private static string Bound(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string Limits(ErrorTolerance tolerance)
    {
        var limits = new List<string>();
        if (tolerance.MaxRows is { } rows)
        {
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows"));
        }

        if (tolerance.MaxShare is { } share)
        {
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"{share:P1} of the rows"));
        }

        return limits.Count == 0 ? "" : ", up to " + string.Join(" and ", limits);
    }

    private static string Shown(string delimiter) => delimiter == "\t" ? "tab" : delimiter == "|" ? "\\|" : delimiter;

    /// <summary>Text safe in a table cell: a pipe would end the cell, a line end the row.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
