using LinkService.Tests.Support;

namespace LinkService.Tests.Keys;

public sealed class KeysCommandTests
{
    [Fact]
    public async Task KeysInit_FirstTime_CreatesAnOwnerOnlyKeyOf32Bytes()
    {
        using var folder = new ServiceFolder();

        var result = await Support.Cli.RunAsync("keys", "init", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        var keyFile = folder.Combine("var", "work", "keys", "master.key");
        Assert.Equal(32, Convert.FromBase64String(await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken)).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public async Task KeysInit_SecondTime_RefusesAndKeepsTheFirstKey()
    {
        using var folder = new ServiceFolder();
        await Support.Cli.RunAsync("keys", "init", "--config", folder.ConfigDirectory);
        var keyFile = folder.Combine("var", "work", "keys", "master.key");
        var first = await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("keys", "init", "--config", folder.ConfigDirectory);

        result.AssertExitCode(1);
        Assert.Contains("never replaced", result.Error, StringComparison.Ordinal);
        Assert.Equal(first, await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken));
    }
}
