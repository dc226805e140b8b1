using System.Text;

namespace LinkService.Linkage.Evaluation;

/// <summary>
/// RFC 4180 rows of a small comma-separated file (a run's links.csv, a truth file): quoted fields, doubled quotes,
/// line ends inside quotes. Each row comes with the line it started on, so a problem names the line, never a value.
/// </summary>
internal static class CsvRows
{
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            var quoted = false;
            fields.Clear();
            field.Clear();
            while (true)
            {
                for (var i = 0; i < text.Length; i++)
                {
                    var c = text[i];
                    if (quoted)
                    {
                        if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else if (c == '"')
                        {
                            quoted = false;
                        }
                        else
                        {
                            field.Append(c);
                        }
                    }
                    else if (c == '"')
                    {
                        quoted = true;
                    }
                    else if (c == ',')
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                    }
                    else
                    {
                        field.Append(c);
                    }
                }

                if (!quoted || reader.ReadLine() is not { } next)
                {
                    break;
                }

                line++;
                field.Append('\n');
                text = next;
            }

            fields.Add(field.ToString());
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            yield return (start, [.. fields]);
        }
    }
}
