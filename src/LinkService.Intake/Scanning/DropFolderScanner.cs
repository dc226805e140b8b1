using System.IO.Abstractions;
using System.Text;
using LinkService.Intake.Native;

namespace LinkService.Intake.Scanning;

/// <summary>
/// Lists the files of a department's inbox, and those in its sub-folders (to be refused, not ignored), every name
/// escaped. A link, to a file or a folder, is an entry of its own and never followed; a file with more than one name
/// (a hard link) is marked so.
/// </summary>
internal sealed class DropFolderScanner
{
    /// <summary>How deep sub-folders are searched; a department has no reason to nest even one. A folder deeper still is listed as a folder.</summary>
    public const int MaxDepth = 8;

    private readonly IFileSystem _fileSystem;

    public DropFolderScanner(IFileSystem fileSystem) => _fileSystem = fileSystem;

    /// <summary>The folder's files and links; a missing folder is created (a department's first delivery may find it gone).</summary>
    /// <exception cref="IOException">The inbox, or the department's folder holding it, is a link: read nothing through it.</exception>
    public IReadOnlyList<DropEntry> List(string folder)
    {
        // Through a link the inbox would be whatever folder it names (the store, say), and every file there would be
        // refused and moved to quarantine. The scan fails for this source alone, and is tried again at each sweep.
        foreach (var level in new[] { folder, Path.GetDirectoryName(folder)! })
        {
            var info = _fileSystem.DirectoryInfo.New(level);
            if (info.LinkTarget is not null || (info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint)))
            {
                throw new IOException($"'{level}' is a link, not a folder: nothing is read through it until it is a folder again");
            }
        }

        var entries = new List<DropEntry>();
        if (!_fileSystem.Directory.Exists(folder))
        {
            _fileSystem.Directory.CreateDirectory(folder);
            return entries;
        }

        Add(entries, folder, "", 0);
        return entries;
    }

    /// <summary>
    /// Whether <paramref name="entry"/> is still in <paramref name="folder"/> as it was listed (same kind, size and time):
    /// a file listed by one node may have been taken by another since.
    /// </summary>
    public bool StillAsListed(string folder, DropEntry entry) =>
        List(folder).Contains(entry);

    private void Add(List<DropEntry> entries, string folder, string prefix, int depth)
    {
        var lossy = false;
        foreach (var info in _fileSystem.DirectoryInfo.New(folder).EnumerateFileSystemInfos())
        {
            try
            {
                if (info.Name.Contains('\uFFFD', StringComparison.Ordinal) && OperatingSystem.IsLinux()
                    && RawNames.Look(folder, Encoding.UTF8.GetBytes(info.Name)) is null)
                {
                    // .NET replaced bytes that are not UTF-8: this name addresses nothing; the raw listing below finds the file.
                    lossy = true;
                    continue;
                }

                var name = prefix + DropNames.Escape(info.Name);

                // A link is reported, never followed: not even to ask what it points at.
                if (info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    entries.Add(new DropEntry(info.FullName, name, 0, info.LastWriteTimeUtc, IsLink: true, HasOtherNames: false));
                }
                else if (info is IFileInfo file)
                {
                    var hardLink = LinkCount.HasOtherNames(file.FullName);
                    entries.Add(new DropEntry(file.FullName, name, hardLink ? 0 : file.Length, file.LastWriteTimeUtc, IsLink: false, hardLink));
                }
                else if (depth < MaxDepth)
                {
                    Add(entries, info.FullName, name + "/", depth + 1);
                }
                else
                {
                    // Not searched, but not passed over in silence either: status shows it, so the department can be told.
                    entries.Add(new DropEntry(info.FullName, name + "/", 0, info.LastWriteTimeUtc, IsLink: false, HasOtherNames: false) { IsFolder = true });
                }
            }
            catch (FileNotFoundException)
            {
                // Gone between listing and looking: the next scan will not see it either.
            }
            catch (DirectoryNotFoundException)
            {
            }
        }

        if (lossy && OperatingSystem.IsLinux())
        {
            foreach (var raw in RawNames.NonUtf8Names(folder))
            {
                if (RawNames.Look(folder, raw) is { } look && (look.IsFile || look.IsLink))
                {
                    // Its path names no file: only RawNames reaches it, to move it aside when it is refused.
                    var name = prefix + DropNames.Escape(raw);
                    entries.Add(new DropEntry(_fileSystem.Path.Combine(folder, DropNames.Escape(raw)), name, look.IsLink || look.HasOtherNames ? 0 : look.Length, look.LastWriteUtc, look.IsLink, look.HasOtherNames));
                }
            }
        }
    }
}
