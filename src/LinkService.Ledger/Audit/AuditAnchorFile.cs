using System.Globalization;
using System.Text;

namespace LinkService.Ledger.Audit;

/// <summary>
/// The audit chain's heads, one line <c>sequence mac</c> after every write, appended to a file outside the
/// database. A MAC cannot be forged without the key, so the highest head recorded says how long the chain
/// was and what its row was: a ledger cut short, replaced by an older copy, or deleted disagrees with it.
/// Lines are only ever appended; two processes writing the ledger may append in either order, so the
/// highest sequence counts, not the last line.
/// </summary>
public sealed class AuditAnchorFile
{
    private readonly string _path;

    public AuditAnchorFile(string path) => _path = path;

    public void Append(long sequence, string mac)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(_path, options);
        stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sequence} {mac}\n")));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The highest head recorded (null when the file is missing or empty), or why the file cannot be trusted.</summary>
    public AnchorReading Read()
    {
        if (!File.Exists(_path))
        {
            return new AnchorReading(null, null);
        }

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var text = reader.ReadToEnd();
        AnchoredHead? highest = null;
        var lines = text.Split('\n');

        // The last piece has no newline after it: a line a crash cut off while it was written, or nothing.
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var parts = lines[i].Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || parts[1].Length != 64)
            {
                return new AnchorReading(null, string.Create(CultureInfo.InvariantCulture, $"line {i + 1} of the anchor file {_path} is not a sequence and a MAC"));
            }

            if (highest is null || sequence > highest.Value.Sequence)
            {
                highest = new AnchoredHead(sequence, parts[1]);
            }
        }

        return new AnchorReading(highest, null);
    }
}

/// <summary>A head of the audit chain as the anchor file recorded it.</summary>
public readonly record struct AnchoredHead(long Sequence, string Mac);

/// <summary>What the anchor file holds: its highest head, or a problem with the file itself.</summary>
public sealed record AnchorReading(AnchoredHead? Highest, string? Problem);
