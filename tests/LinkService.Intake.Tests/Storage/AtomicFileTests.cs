using System.IO.Abstractions;
using LinkService.Intake.Storage;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Storage;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WriteAllTextAsync_TemporaryAKilledProcessLeft_IsGoneOnceTheFileIsWhole()
    {
        // A process killed between writing the reason file's temporary and renaming it (the crash test's kill in
        // validation) left it in quarantine, where the folder is listed as it is.
        var path = Path.Combine(_folder.Path, "20261129T171238Z-21af7ba3.reason.txt");
        var leftover = Path.Combine(_folder.Path, ".20261129T171238Z-21af7ba3.reason.txt.4242.tmp");
        var otherFiles = Path.Combine(_folder.Path, ".20261129T171238Z-21af7ba3.errors.csv.4242.tmp");
        await File.WriteAllTextAsync(leftover, "half", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(otherFiles, "half", TestContext.Current.CancellationToken);

        await AtomicFile.WriteAllTextAsync(new FileSystem(), path, "rejected", TestContext.Current.CancellationToken);

        Assert.Equal("rejected", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([otherFiles, path], Directory.GetFiles(_folder.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteAllTextAsync_AFolderWhereTheFileGoes_FailsAndLeavesNoTemporary()
    {
        // A folder made where the outbox's CONTRACT.md goes: the rename fails, and the temporary was left beside it.
        var path = _folder.Combine("CONTRACT.md");
        Directory.CreateDirectory(path);

        await Assert.ThrowsAnyAsync<IOException>(() => AtomicFile.WriteAllTextAsync(new FileSystem(), path, "contract", TestContext.Current.CancellationToken));

        Assert.Empty(Directory.GetFiles(_folder.Path));
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public async Task WriteAllTextAsync_SymbolicLinkWhereItsTemporaryGoes_ReplacedNotWrittenThrough()
    {
        var elsewhere = _folder.Combine("ledger.db");
        await File.WriteAllTextAsync(elsewhere, "not the service's reason", TestContext.Current.CancellationToken);
        var path = Path.Combine(_folder.Path, "quarantine", "d1.reason.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(path)!, $".d1.reason.txt.{Environment.ProcessId}.tmp"), elsewhere);

        await AtomicFile.WriteAllTextAsync(new FileSystem(), path, "rejected", TestContext.Current.CancellationToken);

        Assert.Equal("not the service's reason", await File.ReadAllTextAsync(elsewhere, TestContext.Current.CancellationToken));
        Assert.Equal("rejected", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Null(new FileInfo(path).LinkTarget);
    }
}
