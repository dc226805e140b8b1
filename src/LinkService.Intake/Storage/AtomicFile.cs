using System.IO.Abstractions;
using System.Text;

namespace LinkService.Intake.Storage;

/// <summary>
/// Writes a small file whole or not at all: a hidden temporary beside it, flushed to disk unless it is
/// <paramref name="transient"/> (about to be replaced anyway), then renamed over it.
/// </summary>
internal static class AtomicFile
{
    public static async Task WriteAllTextAsync(IFileSystem fileSystem, string path, string text, CancellationToken cancellationToken, bool transient = false)
    {
        var directory = fileSystem.Path.GetDirectoryName(path)!;
        fileSystem.Directory.CreateDirectory(directory);
        var temporary = fileSystem.Path.Combine(directory, "." + fileSystem.Path.GetFileName(path) + ".tmp");
        await using (var stream = fileSystem.FileStream.New(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk: !transient);
        }

        fileSystem.File.Move(temporary, path, overwrite: true);
    }
}
