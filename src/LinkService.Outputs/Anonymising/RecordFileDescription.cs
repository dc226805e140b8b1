using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>How the package describes a de-identified file: its columns, what a row is, and what k-anonymity did.</summary>
internal static class RecordFileDescription
{
    public static OutputTable Of(OutputFileSpec spec, IReadOnlyList<ColumnPlan> plans, KAnonymityFigures? figures, string runId, long rows)
    {
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
            rows,
            figures);
    }
}
