using System.Text;

namespace LinkService.Outputs.Persons;

/// <summary>
/// Reads and writes the run folder's own small CSV files (links.csv, persons.csv): RFC 4180 quoting, one record a
/// line. Never used on a delivery: those are read by LinkService.Deliveries alone.
/// </summary>
internal static class RunCsv
{
    public static async IAsyncEnumerable<string[]> ReadAsync(string path, int columns, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, 1 << 16);
        var number = 0L;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (number++ == 0)
            {
                continue;
            }

            var cells = Split(line);
            if (cells.Count != columns)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: line {number} has {cells.Count} fields, not {columns}");
            }

            yield return [.. cells];
        }
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch != '"')
                {
                    cell.Append(ch);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
