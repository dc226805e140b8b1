using System.IO.Abstractions;

namespace LinkService.Intake.Scanning;

/// <summary>Lists the files at the top of a department's inbox; sub-folders are not deliveries.</summary>
internal sealed class DropFolderScanner
{
    private readonly IFileSystem _fileSystem;

    public DropFolderScanner(IFileSystem fileSystem) => _fileSystem = fileSystem;

    /// <summary>The folder's files and links; a missing folder is created (a department's first delivery may find it gone).</summary>
    public IReadOnlyList<DropEntry> List(string folder)
    {
        var entries = new List<DropEntry>();
        if (!_fileSystem.Directory.Exists(folder))
        {
            _fileSystem.Directory.CreateDirectory(folder);
            return entries;
        }

        foreach (var info in _fileSystem.DirectoryInfo.New(folder).EnumerateFileSystemInfos())
        {
            try
            {
                // A link is reported, never followed: not even to ask what it points at.
                var isLink = info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint);
                if (isLink)
                {
                    entries.Add(new DropEntry(info.FullName, info.Name, 0, info.LastWriteTimeUtc, IsLink: true));
                }
                else if (info is IFileInfo file)
                {
                    entries.Add(new DropEntry(file.FullName, file.Name, file.Length, file.LastWriteTimeUtc, IsLink: false));
                }
            }
            catch (FileNotFoundException)
            {
                // Gone between listing and looking: the next scan will not see it either.
            }
        }

        return entries;
    }
}
