using System.IO.Abstractions;
using System.Security.Cryptography;
using LinkService.Intake.Storage;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Storage;

public sealed class HashingCopierTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly HashingCopier _copier = new(new FileSystem(), 4096);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CopyAsync_FileOfManyBuffers_CopiesEveryByteAndHashesWhatItCopied()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_003);
        var from = Path.Combine(_folder.Path, "from");
        var to = Path.Combine(_folder.Path, "to");
        await File.WriteAllBytesAsync(from, bytes, TestContext.Current.CancellationToken);

        var result = await _copier.CopyAsync(from, to, long.MaxValue, null, CancellationToken.None);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(to, TestContext.Current.CancellationToken));
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(bytes)), 100_003L, false), (result.Sha256, result.Bytes, result.TooLarge));
        Assert.Equal(result, await _copier.HashAsync(to, CancellationToken.None));
    }

    [Fact]
    public async Task CopyAsync_FileLargerThanTheLimit_StopsAndSaysSo()
    {
        var from = Path.Combine(_folder.Path, "from");
        await File.WriteAllBytesAsync(from, new byte[10_000], TestContext.Current.CancellationToken);

        var result = await _copier.CopyAsync(from, Path.Combine(_folder.Path, "to"), 5_000, null, CancellationToken.None);

        Assert.True(result.TooLarge);
        Assert.True(result.Bytes <= 5_000 + 4096);
    }
}
