using System.Globalization;
using System.Text;
using LinkService.Configuration.Folders;

namespace LinkService.Validation.Checking;

/// <summary>
/// Writes set-aside rows to the rejects file in quarantine: a UTF-8 CSV of row number, line number, the
/// row's error types, and the row's original text (quoted, so it comes back exactly).
/// </summary>
internal sealed class RejectsWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public RejectsWriter(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = new StreamWriter(OwnFile.Create(path, 1 << 16), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        _writer.Write("row_number,line_number,errors,raw\n");

        FilePath = path;
    }

    public string FilePath { get; }

    public void Write(long row, long line, string errorTypes, string raw)
    {
        _writer.Write(row.ToString(CultureInfo.InvariantCulture));
        _writer.Write(',');
        _writer.Write(line.ToString(CultureInfo.InvariantCulture));
        _writer.Write(',');
        _writer.Write(errorTypes);
        _writer.Write(",\"");
        _writer.Write(raw.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write("\"\n");
    }

    public void Dispose() => _writer.Dispose();
}
