using System.Text;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Linkage.Running;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// Writes one de-identified file: person pseudonym, record pseudonym and the chosen columns, k-anonymity applied,
/// formula-like text neutralised, rows in record-pseudonym order. That order is deterministic, and it is random to
/// anyone without the project key: a department cannot match rows back to its own extract by position. Each distinct
/// value is neutralised and quoted once, and written as often as rows hold it.
/// </summary>
internal static partial class RecordFileWriter
{
    public static async Task<OutputTable> WriteAsync(
        OutputFileSpec spec, IReadOnlyList<ColumnPlan> plans, RecordColumns rows, RecordPseudonyms records, string runId, string outputFolder, CancellationToken cancellationToken)
    {
        var (figures, kept) = spec.KAnonymity is { } k
            ? KAnonymity.Apply(rows, k, [.. k.QuasiIdentifiers.Select(q => plans.ToList().FindIndex(p => p.Column.Name == q))])
            : (null, Enumerable.Range(0, rows.Count).ToArray());
        var order = kept.Select(r => records.ValueOf(rows.Record(r))).ToArray();
        Array.Sort(order, kept);

        var cells = plans.Select((p, c) => Texts(p, rows.Values[c])).ToArray();
        await using (var writer = new StreamWriter(Path.Combine(outputFolder, spec.OutputFileName), append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write(OutputFileSpec.PersonColumn + "," + OutputFileSpec.RecordColumn);
            foreach (var plan in plans)
            {
                writer.Write(',');
                writer.Write(CsvText.Field(FormulaGuard.Neutralise(plan.Column.Name)));
            }

            writer.Write("\r\n");
            for (var i = 0; i < kept.Length; i++)
            {
                if ((i & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var row = kept[i];
                rows.Persons.Write(rows.Person(row), writer);
                writer.Write(',');
                records.Write(order[i], writer);
                for (var c = 0; c < cells.Length; c++)
                {
                    writer.Write(',');
                    writer.Write(cells[c][rows.Cell(row, c)]);
                }

                writer.Write("\r\n");
            }
        }

        return RecordFileDescription.Of(spec, plans, figures, runId, kept.Length);
    }

    /// <summary>Each value of a column as the file spells it (id 0, blank, as nothing).</summary>
    private static string[] Texts(ColumnPlan plan, Linkage.Data.SpanInterner values)
    {
        var texts = new string[values.Count];
        texts[0] = "";
        for (var id = 1; id < values.Count; id++)
        {
            var value = values[id].ToString();
            texts[id] = CsvText.Field(plan.IsText ? FormulaGuard.Neutralise(value) : value);
        }

        return texts;
    }
}
