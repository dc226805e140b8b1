using LinkService.Ledger.Deliveries;
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
    public async Task KeysInit_FirstTime_ExplainsWhatLosingTheKeyLosesAndHowToBackItUp()
    {
        using var folder = new ServiceFolder();

        var result = await Support.Cli.RunAsync("keys", "init", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        var key = await File.ReadAllTextAsync(folder.Combine("var", "work", "keys", "master.key"), TestContext.Current.CancellationToken);
        Assert.Contains("Losing it loses pseudonym continuity", result.Output, StringComparison.Ordinal);
        Assert.Contains("cp --preserve=mode", result.Output, StringComparison.Ordinal);
        Assert.Contains("Never put the key in the configuration, a log, a receipt, an output", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Trim(), result.Output, StringComparison.Ordinal);
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

    [Fact]
    public async Task KeysInit_WorkFolderLinkedIntoADropFolder_RefusesWithExitTwoAndWritesNoKey()
    {
        using var folder = new ServiceFolder();
        Directory.CreateDirectory(folder.DropFolder("justice"));
        Directory.CreateSymbolicLink(folder.Combine("linked-work"), folder.DropFolder("justice"));
        folder.EditAppSettings(s => s["LinkService"]!["Folders"]!["Work"] = folder.Combine("linked-work"));

        var result = await Support.Cli.RunAsync("keys", "init", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("$.LinkService.Folders.Work: must not be inside the Drop folder", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.DropFolder("justice")));
    }

    [Fact]
    public async Task KeysInit_KeysFolderLinkedIntoADropFolder_RefusesAndWritesNoKey()
    {
        using var folder = new ServiceFolder();
        Directory.CreateDirectory(folder.DropFolder("justice"));
        Directory.CreateDirectory(folder.WorkFolder);
        Directory.CreateSymbolicLink(folder.Combine("var", "work", "keys"), folder.DropFolder("justice"));

        var result = await Support.Cli.RunAsync("keys", "init", "--config", folder.ConfigDirectory);

        result.AssertExitCode(1);
        Assert.Contains("leads outside the work folder", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.DropFolder("justice")));
    }

    [Fact]
    public async Task KeysInit_SiteWithALedgerButNoKey_RefusesAndCreatesNone()
    {
        using var folder = new ServiceFolder();
        using (var opened = new OpenedLedger(folder))
        {
            await opened.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_1.csv", 10, DateTimeOffset.UnixEpoch), CancellationToken.None);
        }

        File.Delete(folder.Paths.MasterKeyFile);

        var result = await Support.Cli.RunAsync("keys", "init", "--config", folder.ConfigDirectory);

        result.AssertExitCode(1);
        Assert.Contains("but the ledger has 1 audit rows: restore the key from its backup", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Paths.MasterKeyFile));
    }
}
