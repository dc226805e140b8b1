using System.IO.Abstractions;
using LinkService.Intake.Scanning;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Scanning;

public sealed class DropFolderScannerTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        RawFile.Clear(_folder.Path);
        _folder.Dispose();
    }

    [Fact]
    public void List_FilesFoldersAndLinks_ReportsTopLevelFilesAndLinksWithoutFollowingThem()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "offenders_1.csv"), "id\n1\n");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "offenders_2.csv"), "/etc/hostname");
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "offenders_3.csv"), "/etc");

        var entries = List().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(["offenders_1.csv", "offenders_2.csv", "offenders_3.csv"], entries.Select(e => e.Name));
        Assert.Equal([false, true, true], entries.Select(e => e.IsLink));
        Assert.Equal(5, entries[0].Length);
        Assert.Equal(0, entries[1].Length);
    }

    [Fact]
    public void List_FileWithAnotherName_MarkedSoWithoutItsSizeAndNoOtherFileIs()
    {
        var elsewhere = Path.Combine(_folder.Path, "sub", "elsewhere.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        File.WriteAllText(elsewhere, "id\n1\n");
        HardLink.Create(elsewhere, Path.Combine(_folder.Path, "offenders_1.csv"));
        File.WriteAllText(Path.Combine(_folder.Path, "offenders_2.csv"), "id\n2\n");

        var entries = List().Where(e => !e.InSubFolder).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(["offenders_1.csv", "offenders_2.csv"], entries.Select(e => e.Name));
        Assert.Equal([true, false], entries.Select(e => e.HasOtherNames));
        Assert.Equal([0L, 5L], entries.Select(e => e.Length));
        Assert.All(entries, e => Assert.False(e.IsLink));
    }

    [Fact]
    public void List_FilesInSubFolders_ReportedWithTheirFolderInTheName()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "march", "late"));
        File.WriteAllText(Path.Combine(_folder.Path, "march", "offenders_1.csv"), "id\n1\n");
        File.WriteAllText(Path.Combine(_folder.Path, "march", "late", "offenders_2.csv"), "id\n2\n");

        var entries = List().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(["march/late/offenders_2.csv", "march/offenders_1.csv"], entries.Select(e => e.Name));
        Assert.All(entries, e => Assert.True(e.InSubFolder));
        Assert.Equal("offenders_1.csv", entries[1].LeafName);
    }

    [Fact]
    public void List_FolderNestedDeeperThanTheScanLooks_ListedAsAFolderWithNothingInItTaken()
    {
        // Folders 1 to 9 deep: the files of the first 8 levels are found, the ninth level is the folder itself.
        var path = _folder.Path;
        for (var level = 1; level <= 9; level++)
        {
            path = Path.Combine(path, $"d{level}");
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, $"offenders_{level}.csv"), "id\n1\n");
        }

        var entries = List().OrderBy(e => e.IsFolder).ThenBy(e => e.Name.Length).ToList();

        Assert.Equal(9, entries.Count);
        Assert.All(entries.Take(8), e => Assert.False(e.IsFolder));
        Assert.Equal("d1/d2/d3/d4/d5/d6/d7/d8/offenders_8.csv", entries[7].Name);
        Assert.Equal(("d1/d2/d3/d4/d5/d6/d7/d8/d9/", true), (entries[8].Name, entries[8].IsFolder));
    }

    [Fact]
    public void List_NameWithControlCharacters_IsEscapedAndStillAddressesTheFile()
    {
        var path = Path.Combine(_folder.Path, "offenders_1.csv\n\tFile:\u001b[2J");
        File.WriteAllText(path, "id\n1\n");

        var entry = Assert.Single(List());

        Assert.Equal("offenders_1.csv\\n\\tFile:\\u001B[2J", entry.Name);
        Assert.Equal(path, entry.Path);
    }

    [Fact]
    public void List_NameThatIsNotUtf8_FoundOnceWithItsBytesEscapedAndItsRealSize()
    {
        RawFile.Create(_folder.Path, "offenders_\\xff.csv", "id\n1\n");

        var entry = Assert.Single(List());

        Assert.Equal(("offenders_\\xFF.csv", 5L, false), (entry.Name, entry.Length, entry.IsLink));
    }

    private IReadOnlyList<DropEntry> List() => new DropFolderScanner(new FileSystem()).List(_folder.Path);

    [Fact]
    public void List_FolderMissing_CreatesItAndFindsNothing()
    {
        var missing = Path.Combine(_folder.Path, "justice");

        var entries = new DropFolderScanner(new FileSystem()).List(missing);

        Assert.Empty(entries);
        Assert.True(Directory.Exists(missing));
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("justice")]
    public void List_InboxOrItsDepartmentFolderIsALink_FailsAndTouchesNothingBehindIt(string linked)
    {
        var store = Directory.CreateDirectory(Path.Combine(_folder.Path, "store")).FullName;
        File.WriteAllText(Path.Combine(store, "offenders_1.csv"), "id\n1\n");
        var department = Path.Combine(_folder.Path, "drop", "justice");
        if (linked == "inbox")
        {
            Directory.CreateDirectory(department);
            Directory.CreateSymbolicLink(Path.Combine(department, "inbox"), store);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(department)!);
            Directory.CreateSymbolicLink(department, Path.Combine(_folder.Path, "elsewhere"));
            Directory.CreateDirectory(Path.Combine(_folder.Path, "elsewhere", "inbox"));
        }

        var failure = Assert.Throws<IOException>(() => new DropFolderScanner(new FileSystem()).List(Path.Combine(department, "inbox")));

        Assert.Contains("is a link", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["offenders_1.csv"], Directory.GetFiles(store).Select(Path.GetFileName));
    }
}
