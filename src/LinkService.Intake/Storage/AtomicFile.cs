using System.Globalization;
using System.IO.Abstractions;
using System.Text;

namespace LinkService.Intake.Storage;

/// <summary>
/// Writes a small file whole or not at all: a hidden temporary beside it, flushed to disk unless it is
/// <paramref name="transient"/> (about to be replaced anyway), then renamed over it; a temporary of the same file that
/// a killed process left is removed once the file is whole.
/// </summary>
internal static class AtomicFile
{
    public static async Task WriteAllTextAsync(IFileSystem fileSystem, string path, string text, CancellationToken cancellationToken, bool transient = false)
    {
        var directory = fileSystem.Path.GetDirectoryName(path)!;
        fileSystem.Directory.CreateDirectory(directory);
        // The process in the name: nodes of a cluster share the work folder, and two writing one temporary collide.
        var temporary = fileSystem.Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $".{fileSystem.Path.GetFileName(path)}.{Environment.ProcessId}.tmp"));
        await using (var stream = NewFile.Create(fileSystem, temporary))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk: !transient);
        }

        try
        {
            fileSystem.File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The name cannot be taken (a folder made there, no right to replace it): the failure is reported, and no
            // temporary is left as litter.
            fileSystem.File.Delete(temporary);
            throw;
        }

        // A temporary of this file that a process killed between writing and renaming it left behind: the file is whole
        // now, so the leftover is litter in folders listed as they are (quarantine, the store). Whoever writes a
        // delivery's file holds that delivery, so no other writer's temporary is in flight here.
        var name = fileSystem.Path.GetFileName(path);
        foreach (var stale in fileSystem.Directory.EnumerateFiles(directory, "." + name + ".*.tmp"))
        {
            if (!string.Equals(stale, temporary, StringComparison.Ordinal))
            {
                fileSystem.File.Delete(stale);
            }
        }
    }
}
