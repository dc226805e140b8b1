namespace LinkService.Configuration.Folders;

/// <summary>
/// The one way the service creates a file of its own (a run's files, its outputs, validation's lists): whatever has the
/// name is removed first, so a symbolic link put there is removed, not written through, and the file is then created new.
/// </summary>
public static class OwnFile
{
    public static FileStream Create(string path, int bufferSize = 4096)
    {
        File.Delete(path);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize);
    }
}
