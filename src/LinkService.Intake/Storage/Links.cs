using System.IO.Abstractions;
using LinkService.Intake.Native;

namespace LinkService.Intake.Storage;

/// <summary>
/// Whether a name is a link of either kind: a symbolic link, or one of several names of a file (a hard link,
/// <see cref="LinkCount"/>). Intake reads, follows and keeps neither: deleting one removes that name alone, never the
/// file another name reaches.
/// </summary>
internal static class Links
{
    public static bool IsAt(IFileSystem fileSystem, string path) =>
        fileSystem.FileInfo.New(path).LinkTarget is not null || LinkCount.HasOtherNames(path);
}
