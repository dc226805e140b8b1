using System.Text;

namespace LinkService.Outputs.Packaging;

/// <summary>RFC 4180 for the package's own needs: one field quoted for writing, a file's header read back to check it.</summary>
internal static class CsvHeader
{
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The column names of a CSV file's first record (UTF-8, a byte-order mark skipped).</summary>
    public static IReadOnlyList<string> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var names = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var c = reader.Read(); c >= 0; c = reader.Read())
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append((char)reader.Read());
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
                names.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\r' or '\n')
            {
                break;
            }
            else
            {
                field.Append(ch);
            }
        }

        names.Add(field.ToString());
        return names;
    }
}
