using System.Runtime.Versioning;
using System.Text.Json;

namespace LinkService.Tests.Install;

/// <summary>
/// install/linux/add-department.sh run for real (it creates a system account, so it needs root, as the SFTP tests do),
/// with its folders pointed into a temp folder, and the sshd snippet checked by sshd itself.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class AddDepartmentScriptTests : IDisposable
{
    private const string Sshd = "/usr/sbin/sshd";
    private readonly TempDirectory _temp = new();
    private readonly string _account = "lsdept" + Guid.NewGuid().ToString("N")[..8];

    public AddDepartmentScriptTests()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "install/linux is for Linux.");
        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("add-department.sh creates an account: run these tests as root (.ci/run does).");
        }
    }

    private string Drop => _temp.Combine("drop");

    private string Keys => _temp.Combine("keys");

    private string Config => _temp.Combine("config");

    [Fact]
    public async Task AddDepartment_MakesTheChrootInboxOutboxAndKeyWithTheirOwners()
    {
        var key = await NewPublicKeyAsync();

        await AddDepartmentAsync(key);

        Assert.Equal("0755 root root", await StatAsync(Path.Combine(Drop, "audit")));
        Assert.Equal($"2770 {_account} root", await StatAsync(Path.Combine(Drop, "audit", "inbox")));
        Assert.Equal("2750 root linkservice-departments", await StatAsync(Path.Combine(Drop, "audit", "outbox")));
        Assert.Equal("0644 root root", await StatAsync(Path.Combine(Keys, _account)));
        Assert.Equal(await File.ReadAllTextAsync(key, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(Path.Combine(Keys, _account), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AddDepartment_MakesAnSftpOnlyAccountInTheSnippetsGroup()
    {
        await AddDepartmentAsync(key: null);

        var (_, passwd, _) = await InstallScripts.RunAsync("getent", ["passwd", _account], TestContext.Current.CancellationToken);
        var (_, groups, _) = await InstallScripts.RunAsync("id", ["-Gn", _account], TestContext.Current.CancellationToken);
        Assert.EndsWith(":/usr/sbin/nologin", passwd.Trim(), StringComparison.Ordinal);
        Assert.Contains("linkservice-departments", groups.Split(' ', StringSplitOptions.TrimEntries));
        var snippet = await File.ReadAllTextAsync(InstallScripts.Linux("sshd_config.d/linkservice.conf"), TestContext.Current.CancellationToken);
        Assert.Contains("Match Group linkservice-departments", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDepartment_WritesASourceStubTheServiceDoesNotLoadUntilRenamed()
    {
        Directory.CreateDirectory(Path.Combine(Config, "sources"));

        await AddDepartmentAsync(key: null);

        Assert.False(File.Exists(Path.Combine(Config, "sources", "audit.json")));
        using var stub = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Config, "sources", "audit.json.new"), TestContext.Current.CancellationToken));
        Assert.Equal("audit_*.csv", stub.RootElement.GetProperty("filePattern").GetString());
    }

    [Fact]
    public async Task AddDepartment_WithSomethingNotAKey_RefusesAndCreatesNothing()
    {
        var notAKey = _temp.Write("key.pub", "not a key");

        var (exitCode, _, error) = await RunAsync("audit", notAKey);

        Assert.Equal(2, exitCode);
        Assert.Contains("not an OpenSSH public key", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Drop));
    }

    [Fact]
    public async Task SshdSnippet_IsAcceptedBySshd()
    {
        Assert.True(File.Exists(Sshd), "sshd is missing: .ci/run installs openssh-server.");
        Directory.CreateDirectory("/run/sshd");
        var hostKey = _temp.Combine("host_key");
        await InstallScripts.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey], TestContext.Current.CancellationToken);
        var config = _temp.Write("sshd_config", $"HostKey {hostKey}\nUsePAM no\nSubsystem sftp internal-sftp\nInclude {InstallScripts.Linux("sshd_config.d/linkservice.conf")}\n");

        var (exitCode, output, error) = await InstallScripts.RunAsync(Sshd, ["-t", "-f", config], TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output + error);
    }

    public void Dispose()
    {
        if (File.Exists("/usr/sbin/userdel"))
        {
            InstallScripts.RunAsync("userdel", [_account], CancellationToken.None).GetAwaiter().GetResult();
        }

        _temp.Dispose();
    }

    private async Task<string> NewPublicKeyAsync()
    {
        var key = _temp.Combine("department_key");
        var (exitCode, _, error) = await InstallScripts.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key], TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, error);
        return key + ".pub";
    }

    private async Task AddDepartmentAsync(string? key)
    {
        var (exitCode, output, error) = await RunAsync(key is null ? ["audit"] : ["audit", key]);
        Assert.True(exitCode == 0, output + error);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        InstallScripts.RunAsync(
            InstallScripts.Linux("add-department.sh"),
            arguments,
            TestContext.Current.CancellationToken,
            new Dictionary<string, string>
            {
                ["ACCOUNT"] = _account, ["DROP_ROOT"] = Drop, ["KEYS_DIR"] = Keys, ["CONFIG_DIR"] = Config,
                ["SERVICE_USER"] = "root", ["SERVICE_GROUP"] = "root",
            });

    private static async Task<string> StatAsync(string path)
    {
        var (_, output, _) = await InstallScripts.RunAsync("stat", ["-c", "%04a %U %G", path], TestContext.Current.CancellationToken);
        return output.Trim();
    }
}
