namespace LinkService.Retention;

/// <summary>Deletes what retention found due; the seam a test uses to stop a deletion half-way.</summary>
internal interface IFileEraser
{
    /// <summary>Deletes each file, and each folder with all it holds; a link is removed, never followed. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    void Erase(IReadOnlyList<string> paths);
}

internal sealed class FileEraser : IFileEraser
{
    public void Erase(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var entry = new FileInfo(path);
            if (entry.LinkTarget is null && Directory.Exists(path))
            {
                // Recursive deletion removes links inside the folder without following them.
                Directory.Delete(path, recursive: true);
            }
            else if (entry.Exists || entry.LinkTarget is not null)
            {
                File.Delete(path);
            }
        }
    }
}
