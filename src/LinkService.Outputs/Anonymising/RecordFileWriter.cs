using LinkService.Linkage.Running;
using System.Text;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Persons;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// Writes one de-identified file: person pseudonym, record pseudonym and the chosen columns, k-anonymity applied,
/// formula-like text neutralised, rows in record-pseudonym order. That order is deterministic, and it is random to
/// anyone without the project key: a department cannot match rows back to its own extract by position.
/// </summary>
internal static class RecordFileWriter
{
    public static async Task<OutputTable> WriteAsync(OutputFileSpec spec, IReadOnlyList<ColumnPlan> plans, List<OutputRow> rows, string runId, string outputFolder, CancellationToken cancellationToken)
    {
        var figures = spec.KAnonymity is { } k
            ? KAnonymity.Apply(rows, k, [.. k.QuasiIdentifiers.Select(q => plans.ToList().FindIndex(p => p.Column.Name == q))])
            : null;
        rows.Sort((a, b) => string.CompareOrdinal(a.Record, b.Record));

        var path = Path.Combine(outputFolder, spec.OutputFileName);
        await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\r\n";
            var line = new StringBuilder(256);
            line.Append(OutputFileSpec.PersonColumn).Append(',').Append(OutputFileSpec.RecordColumn);
            foreach (var plan in plans)
            {
                line.Append(',').Append(CsvText.Field(FormulaGuard.Neutralise(plan.Column.Name)));
            }

            await writer.WriteLineAsync(line, cancellationToken);
            foreach (var row in rows)
            {
                line.Clear().Append(row.Person).Append(',').Append(row.Record);
                for (var c = 0; c < plans.Count; c++)
                {
                    var cell = row.Cells[c] ?? "";
                    line.Append(',').Append(CsvText.Field(plans[c].IsText ? FormulaGuard.Neutralise(cell) : cell));
                }

                await writer.WriteLineAsync(line, cancellationToken);
            }
        }

        var suppressed = figures is null ? ""
            : spec.KAnonymity!.Action == SmallClassAction.Drop
                ? $" Rows whose combination of {string.Join(", ", figures.QuasiIdentifiers)} was shared by fewer than {figures.K} rows are left out (k-anonymity)."
                : $" {string.Join(", ", figures.QuasiIdentifiers)} are blank in rows whose combination of them was shared by fewer than {figures.K} rows (k-anonymity).";
        OutputColumn[] columns =
        [
            new(OutputFileSpec.PersonColumn, "string", "The person's pseudonym in this project: the same person has the same one in every file of this output, and keeps it in later outputs. Not an identifier; no other project shares it."),
            new(OutputFileSpec.RecordColumn, "string", $"The record's pseudonym in this project: one per record of source '{spec.Source}', the same in later outputs."),
            .. plans.Select(p => figures?.QuasiIdentifiers.Contains(p.Column.Name) == true ? p.Column with { Description = p.Column.Description + suppressed } : p.Column),
        ];
        return new OutputTable(
            spec.OutputFileName,
            $"Records of source '{spec.Source}'",
            $"One row per accepted record of source '{spec.Source}' in run {runId}, keyed by pseudonyms, in an order that reveals nothing (by record pseudonym). Text starting with =, +, -, @, tab or carriage return has a leading apostrophe so that spreadsheets do not run it as a formula.{suppressed}",
            columns,
            rows.Count,
            figures);
    }
}
