using LinkService.Intake.Native;
namespace LinkService.Intake.Outbox;

/// <summary>
/// Writes a file into a folder a department can reach (its outbox): receipts now, the source's contract later. The one
/// way the service writes there, so that no link or folder a department managed to place can redirect the write.
/// <para>
/// On Linux every folder below the trusted root is opened without following links, relative to its parent's open
/// handle; the last must be a real folder owned by the service's account and writable by no one else. The content goes
/// into a new file created exclusively (no-follow, O_EXCL) relative to that handle, then is renamed over the name
/// within the same handle: whatever the department does to paths meanwhile, the write lands in the folder verified.
/// </para>
/// <para>
/// Elsewhere (Windows, macOS: .NET has no handle-relative calls there) it is a documented best effort: the folder and
/// its parents below the root must not be reparse points or links, the temporary is created new (a link at its name
/// makes the create fail, never followed), and the rename replaces a link at the final name rather than following it.
/// </para>
/// </summary>
public static class OutboxFile
{
    /// <summary>
    /// Replaces <paramref name="name"/> in <paramref name="folder"/> (below <paramref name="root"/>, the operator-configured
    /// folder above every department's) with <paramref name="content"/>, whole or not at all; flushed to disk if
    /// <paramref name="durable"/>. Folders missing below the root are created. Throws <see cref="IOException"/> naming
    /// the folder when it is not the service's own.
    /// </summary>
    public static Task WriteAsync(string root, string folder, string name, ReadOnlyMemory<byte> content, bool durable, CancellationToken cancellationToken) =>
        WriteAsync(root, folder, name, (stream, token) => stream.WriteAsync(content, token).AsTask(), durable, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync(string, string, string, ReadOnlyMemory{byte}, bool, CancellationToken)"/>, with the content
    /// copied from the file at <paramref name="contentPath"/> (the service's own, in its work area) however large it is.
    /// </summary>
    public static async Task CopyAsync(string root, string folder, string name, string contentPath, bool durable, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(contentPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        await WriteAsync(root, folder, name, (stream, token) => source.CopyToAsync(stream, token), durable, cancellationToken);
    }

    private static Task WriteAsync(string root, string folder, string name, Func<Stream, CancellationToken, Task> write, bool durable, CancellationToken cancellationToken)
    {
        var below = Path.GetRelativePath(root, folder);
        if (below == ".." || below.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(below))
        {
            throw new ArgumentException($"The folder {folder} is not inside {root}.", nameof(folder));
        }

        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || name is "." or "..")
        {
            throw new ArgumentException("A plain file name is required.", nameof(name));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            throw new ArgumentException($"A name of at most {MaxNameBytes} bytes is required (its temporary must fit in one name).", nameof(name));
        }

        var parts = below == "." ? [] : below.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);

        // The root is the operator's (configured, above every department): made by path like every other service folder.
        Directory.CreateDirectory(root);
        return Libc.Supported
            ? LinuxOutbox.WriteAsync(root, parts, name, write, durable, cancellationToken)
            : PortableOutbox.WriteAsync(root, parts, name, write, durable, cancellationToken);
    }

    /// <summary>
    /// The longest name, in UTF-8 bytes, this can write: most file systems hold at most 255 bytes in one name, and the
    /// temporary it is first written under must fit too.
    /// </summary>
    public static int MaxNameBytes { get; } = 255 - System.Text.Encoding.UTF8.GetByteCount(Temporary(""));

    private const string TemporaryPrefix = ".";
    private const string TemporarySuffix = ".tmp";

    /// <summary>The hidden name the content is written under before it is renamed into place.</summary>
    internal static string Temporary(string name) => TemporaryPrefix + name + TemporarySuffix;
}
