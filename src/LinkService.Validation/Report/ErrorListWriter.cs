using System.Globalization;

namespace LinkService.Validation.Report;

/// <summary>
/// Writes every row error as it is found, one CSV record each: row, line, field, column, error type and problem, up
/// to <c>maxErrors</c> (then only the first are listed). The list a receipt cannot hold; like the receipt it names rows
/// and fields, never a value.
/// </summary>
internal sealed class ErrorListWriter(TextWriter writer, long maxErrors)
{
    public const string Header = "row,line,field,column,error_type,problem";

    private bool _started;

    public long Written { get; private set; }

    /// <summary>True once an error was left out because the list holds <c>maxErrors</c> already.</summary>
    public bool Truncated { get; private set; }

    public void Write(long row, long? line, string? field, int? column, string type, string problem)
    {
        if (Written >= maxErrors)
        {
            Truncated = true;
            return;
        }

        if (!_started)
        {
            writer.WriteLine(Header);
            _started = true;
        }

        var c = CultureInfo.InvariantCulture;
        writer.Write(row.ToString(c));
        writer.Write(',');
        writer.Write(line?.ToString(c));
        writer.Write(',');
        writer.Write(Quoted(field));
        writer.Write(',');
        writer.Write(column?.ToString(c));
        writer.Write(',');
        writer.Write(type);
        writer.Write(',');
        writer.WriteLine(Quoted(problem));
        Written++;
    }

    private static string Quoted(string? text) =>
        text is null ? "" : text.AsSpan().ContainsAny(",\"\r\n") ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
