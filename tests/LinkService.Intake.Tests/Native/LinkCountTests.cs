using LinkService.Intake.Native;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Native;

public sealed class LinkCountTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void HasOtherNames_FileGivenASecondName_TrueOfBothNamesAndOfAHandle()
    {
        var first = Write("first.csv");
        HardLink.Create(first, Path.Combine(_root.Path, "second.csv"));
        using var handle = File.OpenHandle(first);

        Assert.True(LinkCount.HasOtherNames(first));
        Assert.True(LinkCount.HasOtherNames(Path.Combine(_root.Path, "second.csv")));
        Assert.True(LinkCount.HasOtherNames(handle));
    }

    [Fact]
    public void HasOtherNames_SecondNameRemoved_False()
    {
        var first = Write("first.csv");
        HardLink.Create(first, Path.Combine(_root.Path, "second.csv"));
        File.Delete(Path.Combine(_root.Path, "second.csv"));
        using var handle = File.OpenHandle(first);

        Assert.False(LinkCount.HasOtherNames(first));
        Assert.False(LinkCount.HasOtherNames(handle));
    }

    [Fact]
    public void HasOtherNames_SymbolicLinkToAFileWithTwoNames_FalseAsTheLinkIsNotFollowed()
    {
        var first = Write("first.csv");
        HardLink.Create(first, Path.Combine(_root.Path, "second.csv"));
        File.CreateSymbolicLink(Path.Combine(_root.Path, "link.csv"), first);

        Assert.False(LinkCount.HasOtherNames(Path.Combine(_root.Path, "link.csv")));
    }

    [Fact]
    public void HasOtherNames_FolderWithSubFoldersOrNothingThere_False()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "folder", "sub"));

        Assert.False(LinkCount.HasOtherNames(Path.Combine(_root.Path, "folder")));
        Assert.False(LinkCount.HasOtherNames(Path.Combine(_root.Path, "missing.csv")));
        Assert.False(LinkCount.HasOtherNames(Path.Combine(_root.Path, "missing", "file.csv")));
    }

    private string Write(string name)
    {
        var path = Path.Combine(_root.Path, name);
        File.WriteAllText(path, "id\n1\n");
        return path;
    }
}
