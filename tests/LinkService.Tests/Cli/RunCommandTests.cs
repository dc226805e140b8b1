using LinkService.Tests.Support;

namespace LinkService.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_FreshInstall_CreatesTheFolderTreeAndStopsCleanlyWhenCancelled()
    {
        using var folder = new ServiceFolder();
        using var stop = new CancellationTokenSource();
        var paths = new[]
        {
            folder.InboxFolder("justice"),
            folder.OutboxFolder("justice"),
            folder.InboxFolder("welfare"),
            folder.OutboxFolder("welfare"),
            folder.Combine("var", "work", "store"),
            folder.Combine("var", "work", "quarantine"),
            folder.Combine("var", "work", "keys"),
            folder.Combine("var", "export"),
        };

        var run = Support.Cli.RunAsync(stop.Token, "run", "--config", folder.ConfigDirectory);
        await Eventually.TrueAsync(() => paths.All(Directory.Exists), TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        result.AssertExitCode(0);
        var log = Assert.Single(Directory.GetFiles(folder.Combine("var", "work", "logs"), "linkservice-*.log"));
        var logText = File.ReadAllText(log);
        Assert.Contains("Audit chain intact: 0 rows", logText, StringComparison.Ordinal);
        Assert.Contains("Created the master key at", logText, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(folder.Paths.MasterKeyFile)).Length);
        Assert.Contains("LinkService stopped", logText, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(ownerOnly, File.GetUnixFileMode(folder.Combine("var", "work", "keys")));
            Assert.Equal(ownerOnly, File.GetUnixFileMode(folder.Combine("var", "work")));
        }
    }

    [Fact]
    public async Task Run_StopRequestedWhileStarting_StopsCleanlyWithExitZero()
    {
        using var folder = new ServiceFolder();
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var result = await Support.Cli.RunAsync(stop.Token, "run", "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
    }

    [Theory]
    [MemberData(nameof(BrokenConfigurations.Names), MemberType = typeof(BrokenConfigurations))]
    public async Task Run_OneMistake_RefusesToStartWithExitTwoAndWhatCheckConfigSays(string mistake)
    {
        using var folder = new ServiceFolder();
        BrokenConfigurations.Apply(mistake, folder);

        var check = await Support.Cli.RunAsync("check-config", "--config", folder.ConfigDirectory);
        var run = await Support.Cli.RunAsync("run", "--config", folder.ConfigDirectory).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        // Exit 2 is what the systemd unit's RestartPreventExitStatus names: a configuration mistake is not retried.
        run.AssertExitCode(2);
        Assert.Contains(BrokenConfigurations.Expected(mistake), run.Error, StringComparison.Ordinal);
        Assert.Equal(check.Error, run.Error);
    }

    [Fact]
    public async Task Run_BrokenConfiguration_RefusesToStartWithExitTwo()
    {
        using var folder = new ServiceFolder();
        folder.WriteConfigFile(Path.Combine("schemas", "offenders.json"), "{ \"fields\": 3 }");

        var result = await Support.Cli.RunAsync("run", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("offenders.json: $.fields: must be an array", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SiteWithAStoreButNoKey_RefusesToStartWithExitTwoAndCreatesNoKey()
    {
        using var folder = new ServiceFolder();
        Directory.CreateDirectory(folder.Paths.StoreFolder("justice"));
        File.WriteAllText(Path.Combine(folder.Paths.StoreFolder("justice"), "20261101T000000Z-00000000.csv"), "offender_id\n");

        var result = await Support.Cli.RunAsync("run", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains($"there is no master key at {folder.Paths.MasterKeyFile}, but the store holds 1 files: restore the key from its backup", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Paths.MasterKeyFile));
    }

    [Fact]
    public async Task Run_KeyReadableByOthers_RefusesToStartWithExitTwo()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions; on Windows the installer sets the ACL.
        }

        using var folder = new ServiceFolder();
        (await Support.Cli.RunAsync("keys", "init", "--config", folder.ConfigDirectory)).AssertExitCode(0);
        File.SetUnixFileMode(folder.Paths.MasterKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await Support.Cli.RunAsync("run", "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("can be read by other accounts (mode 0644); make it owner-only (chmod 600)", result.Error, StringComparison.Ordinal);
    }
}
