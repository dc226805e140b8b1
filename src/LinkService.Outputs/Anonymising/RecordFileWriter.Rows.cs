using LinkService.Configuration.Projects.Outputs;
using LinkService.Linkage.Data;
using LinkService.Outputs.Persons;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

internal static partial class RecordFileWriter
{
    /// <summary>Writes rows given one by one as text, ordered by their record pseudonyms' text.</summary>
    public static WrittenRecords Write(OutputFileSpec spec, IReadOnlyList<ColumnPlan> plans, List<OutputRow> rows, string runId, string outputFolder, CancellationToken cancellationToken)
    {
        var texts = rows.Select(r => r.Record).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var rank = texts.Index().ToDictionary(t => t.Item, t => t.Index, StringComparer.Ordinal);
        var persons = new SpanInterner();
        int[] personOf = [.. rows.Select(r => persons.Intern(r.Person))];
        var table = new RecordColumns(plans.Count, rows.Count) { Persons = PersonPseudonyms.OfTexts(persons) };
        foreach (var (i, row) in rows.Index())
        {
            var at = table.Add(personOf[i], rank[row.Record]);
            for (var c = 0; c < plans.Count; c++)
            {
                table.Cell(at, c) = row.Cells[c] is { } value ? table.Values[c].Intern(value) : 0;
            }
        }

        var records = new RecordPseudonyms([.. Enumerable.Range(0, texts.Length).Select(i => (UInt128)i)], texts);
        return Write(spec, plans, table, records, runId, outputFolder, cancellationToken);
    }
}
