using Renci.SshNet;

namespace LinkService.Tests.Support;

/// <summary>
/// A site laid out as install/linux/install.sh and add-department.sh lay one out, under a test folder: the service's
/// own account (in the analysts' group, as sysusers.conf puts it), a chrooted SFTP account per department made by
/// add-department.sh, an analyst in the analysts' group, the configuration root's and readable by the service only,
/// work the service's alone, the export setgid to the analysts' group, and a real sshd on 127.0.0.1 serving the
/// departments as the installer's sshd snippet does. Needs root (.ci/run runs the tests so).
/// </summary>
internal sealed class JourneySite : IDisposable
{
    public const string ServiceAccount = "ljservice";
    public const string AnalystAccount = "ljanalyst";

    /// <summary>The group sysusers.conf creates and install.sh gives the export folder.</summary>
    private const string AnalystsGroup = "analysts";

    private static readonly Dictionary<string, string> DepartmentAccounts = new(StringComparer.Ordinal)
    {
        ["justice"] = "ljjustice",
        ["welfare"] = "ljwelfare",
    };

    private SshServer? _sftp;

    private JourneySite(ServiceFolder folder) => Folder = folder;

    public ServiceFolder Folder { get; }

    public string Work => Folder.Combine("var", "work");

    public string Export => Folder.Combine("var", "export");

    private string Ssh => Folder.Combine("ssh");

    private string Drop => Folder.Combine("var", "drop");

    public static async Task<JourneySite> CreateAsync(string parent, CancellationToken cancellationToken)
    {
        var site = new JourneySite(new ServiceFolder(parent));
        try
        {
            await site.LayOutAsync(cancellationToken);
            return site;
        }
        catch
        {
            site.Dispose();
            throw;
        }
    }

    /// <summary>A connected SFTP session as the department of <paramref name="source"/>, which starts in its inbox.</summary>
    public SftpClient Connect(string source)
    {
        var account = DepartmentAccounts[source];
        var key = new PrivateKeyAuthenticationMethod(account, new PrivateKeyFile(Path.Combine(Ssh, source + "_key")));
        var client = new SftpClient(new ConnectionInfo("127.0.0.1", _sftp!.Port, account, key));
        client.Connect();
        return client;
    }

    public string SftpLog => _sftp?.Log ?? "";

    public void Dispose()
    {
        _sftp?.Dispose();
        foreach (var account in DepartmentAccounts.Values.Append(AnalystAccount).Append(ServiceAccount))
        {
            InstallScripts.RunAsync("sh", ["-c", $"! id {account} >/dev/null 2>&1 || userdel {account}"], CancellationToken.None).GetAwaiter().GetResult();
        }

        Folder.Dispose();
    }

    private async Task LayOutAsync(CancellationToken cancellationToken)
    {
        await AsRootAsync($"""
            getent group {AnalystsGroup} >/dev/null || groupadd --system {AnalystsGroup}
            id {ServiceAccount} >/dev/null 2>&1 || useradd --system --user-group --home-dir / --no-create-home --shell /usr/sbin/nologin {ServiceAccount}
            usermod -a -G {AnalystsGroup} {ServiceAccount}
            id {AnalystAccount} >/dev/null 2>&1 || useradd --user-group --no-create-home --shell /bin/sh {AnalystAccount}
            usermod -a -G {AnalystsGroup} {AnalystAccount}
            chmod 0755 {Folder.Root}
            chown -R root:{ServiceAccount} {Folder.ConfigDirectory}
            chmod -R u=rwX,g=rX,o= {Folder.ConfigDirectory}
            install -d -m 0755 -o root -g root {Folder.Combine("var")} {Drop} {Ssh}
            install -d -m 0700 -o {ServiceAccount} -g {ServiceAccount} {Work}
            install -d -m 2750 -o {ServiceAccount} -g {AnalystsGroup} {Export}
            """, cancellationToken);
        foreach (var (source, account) in DepartmentAccounts)
        {
            var key = Path.Combine(Ssh, source + "_key");
            await SshServer.NewKeyAsync(key, cancellationToken);
            var (exitCode, output, error) = await InstallScripts.RunAsync(
                InstallScripts.Linux("add-department.sh"),
                [source, key + ".pub"],
                cancellationToken,
                new Dictionary<string, string>
                {
                    ["DROP_ROOT"] = Drop,
                    ["KEYS_DIR"] = Path.Combine(Ssh, "keys"),
                    ["CONFIG_DIR"] = Folder.ConfigDirectory,
                    ["SERVICE_USER"] = ServiceAccount,
                    ["SERVICE_GROUP"] = ServiceAccount,
                    ["ACCOUNT"] = account,
                });
            Assert.True(exitCode == 0, $"add-department.sh {source} failed ({exitCode}): {output}{error}");
        }

        _sftp = await SshServer.StartAsync(Ssh, SftpAccess(), cancellationToken);
    }

    /// <summary>The installer's sshd snippet, per account (its accounts are named after their sources; these are not).</summary>
    private string SftpAccess() =>
        $"AuthorizedKeysFile {Ssh}/keys/%u\nAllowUsers {string.Join(' ', DepartmentAccounts.Values)}\n"
        + string.Concat(DepartmentAccounts.Select(d => $"""
            Match User {d.Value}
                ChrootDirectory {Path.Combine(Drop, d.Key)}
                ForceCommand internal-sftp -u 0007 -d /inbox
                AllowTcpForwarding no
                AllowAgentForwarding no
                X11Forwarding no
                PermitTunnel no

            """));

    private static async Task AsRootAsync(string script, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await InstallScripts.RunAsync("sh", ["-e", "-c", script], cancellationToken);
        Assert.True(exitCode == 0, $"setting up the site failed ({exitCode}): {output}{error}");
    }
}
