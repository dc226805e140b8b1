using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LinkService.Tests.Install;

/// <summary>
/// install/linux/install.sh run with <c>--root</c> into a temp folder (as a package build would), with a stand-in
/// release: the folders, their modes and recorded owners, the configuration it writes, and the unit checked by
/// systemd's own analyzer. Linux only; needs bash and systemd-analyze (the systemd package).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class InstallScriptTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public InstallScriptTests()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "install/linux is for Linux.");
    }

    private static readonly string[] ServiceTrees = ["etc/linkservice", "var/lib/linkservice", "srv/linkservice"];

    private static readonly string[] GoodRatings = ["SAFE", "OK"];

    private string Root => _temp.Combine("root");

    public static TheoryData<string, string> Layout => new()
    {
        // The service's folders: work its own, the export the analysts' to read, the program and configuration root's.
        { "/opt/linkservice", "0755 root root" },
        { "/etc/linkservice", "0750 root linkservice" },
        { "/var/lib/linkservice", "0755 root root" },
        { "/var/lib/linkservice/work", "0700 linkservice linkservice" },
        { "/var/lib/linkservice/export", "2750 linkservice analysts" },
        // Each configured source's chroot (root's, as sshd demands), inbox and outbox.
        { "/srv/linkservice/drop", "0755 root root" },
        { "/srv/linkservice/drop/justice", "0755 root root" },
        { "/srv/linkservice/drop/justice/inbox", "2770 linkservice linkservice" },
        { "/srv/linkservice/drop/justice/outbox", "2750 linkservice linkservice-departments" },
        { "/srv/linkservice/drop/welfare", "0755 root root" },
        { "/srv/linkservice/drop/welfare/inbox", "2770 linkservice linkservice" },
        { "/srv/linkservice/drop/welfare/outbox", "2750 linkservice linkservice-departments" },
        { "/usr/local/bin/linkservice", "0755 root root" },
        { "/etc/systemd/system/linkservice.service", "0644 root root" },
        { "/etc/ssh/linkservice/authorized_keys", "0755 root root" },
    };

    [Theory]
    [MemberData(nameof(Layout))]
    public async Task Install_IntoRoot_GivesEachFolderItsModeAndRecordsItsOwner(string path, string modeOwnerGroup)
    {
        await InstallAsync();

        var manifest = await ReadManifestAsync();
        Assert.Equal(modeOwnerGroup, manifest.GetValueOrDefault(path));
        Assert.Equal(modeOwnerGroup.Split(' ')[0], Mode(Root + path));
    }

    [Fact]
    public async Task Install_IntoRoot_RecordsEveryFolderItMadeAndGivesItTheRecordedMode()
    {
        await InstallAsync();

        var manifest = await ReadManifestAsync();
        var made = ServiceTrees
            .SelectMany(top => Directory.EnumerateDirectories(Path.Combine(Root, top), "*", SearchOption.AllDirectories).Prepend(Path.Combine(Root, top)))
            .Select(full => "/" + Path.GetRelativePath(Root, full));
        Assert.All(made, folder => Assert.Contains(folder, manifest.Keys));
        Assert.All(manifest, entry => Assert.Equal(entry.Value.Split(' ')[0], Mode(Root + entry.Key)));
    }

    [Fact]
    public async Task Install_IntoRoot_ConfigurationIsClosedToOthersAndNamesTheInstalledFolders()
    {
        await InstallAsync();

        var config = Path.Combine(Root, "etc", "linkservice");
        Assert.All(Directory.EnumerateFiles(config, "*", SearchOption.AllDirectories), file => Assert.Equal("0640", Mode(file)));
        using var settings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(config, "appsettings.json"), TestContext.Current.CancellationToken));
        var folders = settings.RootElement.GetProperty("LinkService").GetProperty("Folders");
        Assert.Equal("/srv/linkservice/drop", folders.GetProperty("Drop").GetString());
        Assert.Equal("/var/lib/linkservice/work", folders.GetProperty("Work").GetString());
        Assert.Equal("/var/lib/linkservice/export", folders.GetProperty("Export").GetString());
    }

    [Fact]
    public async Task Install_Again_KeepsTheCustodiansConfigurationAndReplacesTheProgram()
    {
        await InstallAsync();
        var settings = Path.Combine(Root, "etc", "linkservice", "appsettings.json");
        await File.WriteAllTextAsync(settings, "{ \"edited\": true }", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Root, "opt", "linkservice", "stale.dll"), "old", TestContext.Current.CancellationToken);

        await InstallAsync();

        Assert.Equal("{ \"edited\": true }", await File.ReadAllTextAsync(settings, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Path.Combine(Root, "opt", "linkservice", "stale.dll")));
    }

    [Fact]
    public async Task Install_WithoutAnExecutableRelease_RefusesAndInstallsNothing()
    {
        var release = _temp.Combine("empty-release");
        Directory.CreateDirectory(release);

        var (exitCode, _, error) = await InstallScripts.RunAsync(InstallScripts.Linux("install.sh"), ["--root", Root, release], TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("linkservice is not an executable", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "opt")));
    }

    [Fact]
    public async Task Unit_PassesSystemdAnalyzeVerify_InTheInstalledTree()
    {
        await InstallAsync();
        // verify loads the unit's dependencies (sysinit.target and the rest) from the root: give it the host's.
        await CopyFolderAsync("/usr/lib/systemd/system", Path.Combine(Root, "usr", "lib", "systemd", "system"));

        var (exitCode, output, error) = await InstallScripts.RunAsync("systemd-analyze", ["verify", "--root=" + Root, "linkservice.service"], TestContext.Current.CancellationToken);

        // Unknown or misspelt settings are only warnings to verify: none is allowed.
        Assert.True(exitCode == 0 && error.Length == 0, output + error);
    }

    [Fact]
    public async Task Unit_IsRatedOkOrBetterBySystemdAnalyzeSecurity()
    {
        // 49 on the analyzer's 0-100 scale: the top of "OK" (4.9).
        var (exitCode, output, error) = await InstallScripts.RunAsync(
            "systemd-analyze", ["security", "--offline=yes", "--threshold=49", InstallScripts.Linux("linkservice.service")], TestContext.Current.CancellationToken);

        var overall = OverallExposure().Match(output);
        Assert.True(overall.Success, output + error);
        Assert.Contains(overall.Groups["rating"].Value, GoodRatings);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Unit_MayWriteExactlyTheConfiguredFolders()
    {
        await InstallAsync();

        var unit = await File.ReadAllLinesAsync(Path.Combine(Root, "etc", "systemd", "system", "linkservice.service"), TestContext.Current.CancellationToken);
        string Setting(string key) => Assert.Single(unit, line => line.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];
        Assert.Equal(
            ["/srv/linkservice/drop", "/var/lib/linkservice/export", "/var/lib/linkservice/work"],
            Setting("ReadWritePaths").Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal("/opt/linkservice/linkservice run --config /etc/linkservice", Setting("ExecStart"));
        Assert.Equal("notify", Setting("Type"));
        Assert.Equal("yes", Setting("PrivateNetwork"));
        Assert.Equal("AF_UNIX", Setting("RestrictAddressFamilies"));
        // It would refuse the chmod 2750 that keeps the analysts' group on every export folder.
        Assert.DoesNotContain(unit, line => line.StartsWith("RestrictSUIDSGID=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sysusers_CreatesTheServiceAccountAndTheDepartmentsAndAnalystsGroups()
    {
        await InstallAsync();
        var accounts = _temp.Combine("accounts");
        foreach (var file in new[] { "passwd", "group", "shadow", "gshadow" })
        {
            _temp.Write(Path.Combine("accounts", "etc", file), "");
        }

        var (exitCode, output, error) = await InstallScripts.RunAsync(
            "systemd-sysusers", ["--root=" + accounts, Path.Combine(Root, "usr", "lib", "sysusers.d", "linkservice.conf")], TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output + error);
        var passwd = await File.ReadAllTextAsync(Path.Combine(accounts, "etc", "passwd"), TestContext.Current.CancellationToken);
        var groups = await File.ReadAllTextAsync(Path.Combine(accounts, "etc", "group"), TestContext.Current.CancellationToken);
        Assert.Matches("^linkservice:x:[0-9]+:[0-9]+:[^:]*:/var/lib/linkservice:/usr/sbin/nologin$", passwd.Trim());
        // A member of analysts, so that chmod 2750 on the export folders it makes keeps the setgid bit.
        Assert.Matches("(?m)^analysts:x:[0-9]+:linkservice$", groups);
        Assert.Contains("\nlinkservice-departments:x:", "\n" + groups, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uninstall_WithoutPurge_KeepsConfigurationAndData()
    {
        await InstallAsync();
        var key = _temp.Write("root/var/lib/linkservice/work/keys/master.key", "key");

        await UninstallAsync();

        Assert.False(Directory.Exists(Path.Combine(Root, "opt", "linkservice")));
        Assert.False(File.Exists(Path.Combine(Root, "etc", "systemd", "system", "linkservice.service")));
        Assert.False(File.Exists(Path.Combine(Root, "usr", "local", "bin", "linkservice")));
        Assert.True(File.Exists(key));
        Assert.True(File.Exists(Path.Combine(Root, "etc", "linkservice", "appsettings.json")));
        Assert.True(Directory.Exists(Path.Combine(Root, "srv", "linkservice", "drop", "justice", "inbox")));
    }

    [Fact]
    public async Task Uninstall_WithPurge_RemovesConfigurationAndData()
    {
        await InstallAsync();
        _temp.Write("root/var/lib/linkservice/work/keys/master.key", "key");

        await UninstallAsync("--purge");

        Assert.False(Directory.Exists(Path.Combine(Root, "var", "lib", "linkservice")));
        Assert.False(Directory.Exists(Path.Combine(Root, "etc", "linkservice")));
        Assert.False(Directory.Exists(Path.Combine(Root, "srv", "linkservice")));
    }

    [Theory]
    [InlineData("install.sh")]
    [InlineData("uninstall.sh")]
    [InlineData("add-department.sh")]
    [InlineData("linkservice-wrapper.sh")]
    public async Task Script_PassesShellcheck(string script)
    {
        var (exitCode, output, error) = await InstallScripts.RunAsync("shellcheck", [InstallScripts.Linux(script)], TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output + error);
    }

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex(@"Overall exposure level for linkservice\.service: (?<level>[0-9.]+) (?<rating>[A-Z]+)")]
    private static partial Regex OverallExposure();

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(4, '0');

    private static async Task CopyFolderAsync(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        var (exitCode, _, error) = await InstallScripts.RunAsync("cp", ["-a", from, to], TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, error);
    }

    /// <summary>A stand-in for a self-contained publish: the script only needs an executable <c>linkservice</c>.</summary>
    private async Task InstallAsync()
    {
        var release = _temp.Combine("release");
        var program = _temp.Write("release/linkservice", "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(program, File.GetUnixFileMode(program) | UnixFileMode.UserExecute);
        var (exitCode, output, error) = await InstallScripts.RunAsync(InstallScripts.Linux("install.sh"), ["--root", Root, release], TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, output + error);
    }

    private async Task UninstallAsync(params string[] options)
    {
        var (exitCode, output, error) = await InstallScripts.RunAsync(InstallScripts.Linux("uninstall.sh"), ["--root", Root, .. options], TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, output + error);
    }

    private async Task<Dictionary<string, string>> ReadManifestAsync()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(Root, "opt", "linkservice", "install-manifest"), TestContext.Current.CancellationToken);
        return lines.Select(line => line.Split(' ', 4)).ToDictionary(parts => parts[3], parts => string.Join(' ', parts[..3]), StringComparer.Ordinal);
    }
}
