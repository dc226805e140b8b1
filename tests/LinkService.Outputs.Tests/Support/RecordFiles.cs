using System.Text;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Tests.Support;

/// <summary>De-identified record files as the anonymiser leaves them in an output folder, with their descriptions.</summary>
internal static class RecordFiles
{
    /// <summary>
    /// Writes <paramref name="name"/> into <paramref name="folder"/>: the pseudonym columns, then <paramref name="columns"/>;
    /// each row a person pseudonym and the column values (RFC 4180, CRLF, UTF-8 without a byte order mark).
    /// </summary>
    public static OutputTable Write(string folder, string name, string[] columns, IEnumerable<(string Person, string[] Cells)> rows, KAnonymityFigures? k = null)
    {
        var text = new StringBuilder();
        text.Append(OutputFileSpec.PersonColumn).Append(',').Append(OutputFileSpec.RecordColumn);
        foreach (var column in columns)
        {
            text.Append(',').Append(column);
        }

        text.Append("\r\n");
        var n = 0;
        foreach (var (person, cells) in rows)
        {
            text.Append(person).Append(",R").Append(n++);
            foreach (var cell in cells)
            {
                text.Append(',').Append(cell.Contains(',', StringComparison.Ordinal) ? $"\"{cell}\"" : cell);
            }

            text.Append("\r\n");
        }

        File.WriteAllText(Path.Combine(folder, name), text.ToString(), new UTF8Encoding(false));
        OutputColumn[] described =
        [
            new(OutputFileSpec.PersonColumn, "string", "person"),
            new(OutputFileSpec.RecordColumn, "string", "record"),
            .. columns.Select(c => new OutputColumn(c, c == "amount" ? "number" : "string", $"the {c}")),
        ];
        return new OutputTable(name, "Records", "One row per record", described, n, k);
    }

    /// <summary><paramref name="count"/> rows of distinct persons (P-prefix-1, ...) with the same cells.</summary>
    public static IEnumerable<(string Person, string[] Cells)> Persons(string prefix, int count, params string[] cells) =>
        Enumerable.Range(1, count).Select(i => ($"P-{prefix}-{i}", cells));
}
