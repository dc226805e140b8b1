using System.IO.Abstractions;
using LinkService.Intake.Storage;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Storage;

public sealed class DropFileOpenerTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly FileSystem _fileSystem = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Open_PlainFileReachedThroughALinkedFolder_IsRead()
    {
        var real = Directory.CreateDirectory(Path.Combine(_root.Path, "real", "justice")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_root.Path, "drop"), "real");
        await File.WriteAllTextAsync(Path.Combine(real, "offenders_1.csv"), "id\n1\n", TestContext.Current.CancellationToken);

        using var reader = new StreamReader(DropFileOpener.Open(_fileSystem, Path.Combine(_root.Path, "drop", "justice", "offenders_1.csv"), 4096));

        Assert.Equal("id\n1\n", await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Open_LinkPutInTheFilesPlace_IsNotRead()
    {
        var secret = Path.Combine(_root.Path, "secret");
        await File.WriteAllTextAsync(secret, "root:x:0:0", TestContext.Current.CancellationToken);
        var drop = Directory.CreateDirectory(Path.Combine(_root.Path, "drop")).FullName;
        File.CreateSymbolicLink(Path.Combine(drop, "offenders_1.csv"), secret);

        Assert.Throws<IOException>(() => DropFileOpener.Open(_fileSystem, Path.Combine(drop, "offenders_1.csv"), 4096));
    }

    [Fact]
    public async Task Open_FileWithAnotherName_RefusedNotRead()
    {
        var elsewhere = Path.Combine(_root.Path, "elsewhere.csv");
        await File.WriteAllTextAsync(elsewhere, "id\n1\n", TestContext.Current.CancellationToken);
        var drop = Directory.CreateDirectory(Path.Combine(_root.Path, "drop")).FullName;
        HardLink.Create(elsewhere, Path.Combine(drop, "offenders_1.csv"));

        Assert.Throws<HardLinkException>(() => DropFileOpener.Open(_fileSystem, Path.Combine(drop, "offenders_1.csv"), 4096));
    }

    [Fact]
    public void RealPath_RelativeLinksInTheMiddle_ResolvesEachLikeTheKernel()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "a", "b"));
        Directory.CreateSymbolicLink(Path.Combine(_root.Path, "x"), Path.Combine("a", "b"));
        Directory.CreateSymbolicLink(Path.Combine(_root.Path, "a", "b", "y"), "..");

        var real = DropFileOpener.RealPath(_fileSystem, Path.Combine(_root.Path, "x", "y", "file.csv"), 0);

        Assert.Equal(Path.Combine(_root.Path, "a", "file.csv"), real);
    }
}
