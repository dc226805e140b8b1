using LinkService.Configuration.Folders;

namespace LinkService.Configuration.Tests.Folders;

public sealed class PhysicalPathTests
{
    [Fact]
    public void Resolve_PathThroughALinkedFolder_LeadsWhereTheLinkPoints()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("drop", "justice"));
        Directory.CreateSymbolicLink(dir.Combine("work"), dir.Combine("drop", "justice"));

        Assert.Equal(dir.Combine("drop", "justice", "keys", "master.key"), PhysicalPath.Resolve(dir.Combine("work", "keys", "master.key")));
    }

    [Fact]
    public void Resolve_RelativeLinkAndDotDot_FollowTheLinkFirst()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("a", "b"));
        Directory.CreateDirectory(dir.Combine("c"));
        Directory.CreateSymbolicLink(dir.Combine("c", "up"), Path.Combine("..", "a", "b"));

        Assert.Equal(dir.Combine("a", "b", "x"), PhysicalPath.Resolve(dir.Combine("c", "up", "x")));
    }

    [Fact]
    public void Resolve_NoLinks_IsTheFullPath()
    {
        using var dir = new TempDirectory();

        Assert.Equal(dir.Combine("not", "yet"), PhysicalPath.Resolve(dir.Combine("not", "yet")));
    }

    [Fact]
    public void Resolve_LoopOfLinks_IsAnIOException()
    {
        using var dir = new TempDirectory();
        File.CreateSymbolicLink(dir.Combine("a"), dir.Combine("b"));
        File.CreateSymbolicLink(dir.Combine("b"), dir.Combine("a"));

        Assert.Throws<IOException>(() => PhysicalPath.Resolve(dir.Combine("a", "x")));
    }

    [Theory]
    [InlineData("/srv/drop/work", "/srv/drop", true)]
    [InlineData("/srv/drop", "/srv/drop", true)]
    [InlineData("/srv/dropbox", "/srv/drop", false)]
    public void IsWithin_ComparesWholeFolderNames(string inner, string outer, bool expected) =>
        Assert.Equal(expected, PhysicalPath.IsWithin(inner, outer));
}
