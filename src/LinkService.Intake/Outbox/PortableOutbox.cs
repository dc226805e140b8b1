namespace LinkService.Intake.Outbox;

/// <summary>
/// <see cref="OutboxFile"/> where .NET offers no handle-relative calls (Windows, macOS): checks by path, so a department
/// able to swap a folder between the check and the write could still race it. Windows drop folders reached over SFTP
/// are expected to give departments no right to create links or junctions.
/// </summary>
internal static class PortableOutbox
{
    public static async Task WriteAsync(string root, IReadOnlyList<string> below, string name, Func<Stream, CancellationToken, Task> write, bool durable, CancellationToken cancellationToken)
    {
        var folder = Path.Combine([root, .. below]);
        Directory.CreateDirectory(folder);
        for (var i = below.Count; i > 0; i--)
        {
            var part = Path.Combine([root, .. below.Take(i)]);
            if (new DirectoryInfo(part) is { } info && (info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint)))
            {
                throw new IOException($"Nothing was written to {folder}: {part} is a link; links are never followed.");
            }
        }

        var temporary = Path.Combine(folder, OutboxFile.Temporary(name));

        // Deleting a link removes the link, never what it points at; CreateNew then fails on anything put there since.
        File.Delete(temporary);
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await write(stream, cancellationToken);
            stream.Flush(flushToDisk: durable);
        }

        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }
}
