using LinkService.Validation.Uniqueness;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LinkService.Validation.Tests.Uniqueness;

public sealed class SpillCleanupTests
{
    [Fact]
    public async Task StartAsync_SpillFoldersLeftByAKilledCheck_RemovesThemAndNothingElse()
    {
        using var staging = new TempDirectory();
        var left = SpillFolders.Create(staging.Path);
        await File.WriteAllBytesAsync(Path.Combine(left, "partition-000.bin"), new byte[64], TestContext.Current.CancellationToken);
        var copy = staging.Write("d-20261101-0001.csv", "intake's copy");
        var cleanup = new SpillCleanup(Options.Create(new ValidationOptions { TempDirectory = staging.Path }), NullLogger<SpillCleanup>.Instance);

        await cleanup.StartAsync(TestContext.Current.CancellationToken);

        Assert.False(Directory.Exists(left));
        Assert.True(File.Exists(copy));
    }
}
