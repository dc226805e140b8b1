using System.IO.Abstractions;

namespace LinkService.Intake.Storage;

/// <summary>
/// Creates a file of intake's own, through its file system, as <see cref="Configuration.Folders.OwnFile"/> does for the
/// rest of the service: whatever has the name (a copy a crash left, or a link put there) is removed first, and the file
/// created new, never written through a link.
/// </summary>
internal static class NewFile
{
    public static FileSystemStream Create(IFileSystem fileSystem, string path, int bufferSize = 4096)
    {
        fileSystem.File.Delete(path);
        return fileSystem.FileStream.New(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize);
    }
}
