using System.IO.Abstractions;
using LinkService.Intake.Scanning;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Scanning;

public sealed class DropFolderScannerTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void List_FilesFoldersAndLinks_ReportsTopLevelFilesAndLinksWithoutFollowingThem()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "offenders_1.csv"), "id\n1\n");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "receipts"));
        File.WriteAllText(Path.Combine(_folder.Path, "receipts", "r.json"), "{}");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "offenders_2.csv"), "/etc/hostname");
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "offenders_3.csv"), "/etc");

        var entries = new DropFolderScanner(new FileSystem()).List(_folder.Path).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(["offenders_1.csv", "offenders_2.csv", "offenders_3.csv"], entries.Select(e => e.Name));
        Assert.Equal([false, true, true], entries.Select(e => e.IsLink));
        Assert.Equal(5, entries[0].Length);
        Assert.Equal(0, entries[1].Length);
    }

    [Fact]
    public void List_FolderMissing_CreatesItAndFindsNothing()
    {
        var missing = Path.Combine(_folder.Path, "justice");

        var entries = new DropFolderScanner(new FileSystem()).List(missing);

        Assert.Empty(entries);
        Assert.True(Directory.Exists(missing));
    }
}
