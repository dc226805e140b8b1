using System.Diagnostics;

namespace LinkService.Intake.Tests.Sftp;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 and a free port, with one department account that may only use SFTP,
/// chrooted to its source's folder and started in its inbox, authenticating with a key generated here. The account
/// and its folders are made by the installer's own <c>install/linux/add-department.sh</c>, with the test's root as
/// the drop root and root (as which the tests run intake) as the service's account. Needs root and /usr/sbin/sshd:
/// <c>.ci/run</c> installs openssh-server.
/// </summary>
public sealed class SshdFixture : IAsyncLifetime
{
    /// <summary>The tests that start an sshd with the department account run one class at a time (they share the account).</summary>
    public const string Collection = "sshd";

    public const string Account = "lsjustice";
    public const string SourceName = "justice";

    // sshd refuses a chroot any of whose parents is writable by others, as /tmp is; /var/lib is root's alone.
    private const string Parent = "/var/lib/linkservice-sftp-tests";

    private SshServer? _server;

    public string Root { get; } = Path.Combine(Parent, Guid.NewGuid().ToString("N"));

    /// <summary>The service's drop root, above every department's chroot.</summary>
    public string DropRoot => Path.Combine(Root, "drop");

    /// <summary>The department's chroot: it sees <c>/inbox</c> and <c>/outbox</c> and nothing else.</summary>
    public string Chroot => Path.Combine(DropRoot, SourceName);

    public string ClientKey => Path.Combine(Root, "ssh", "client_key");

    public int Port => _server?.Port ?? throw new InvalidOperationException("sshd has not started.");

    public string ServerLog => _server?.Log ?? "";

    public async ValueTask InitializeAsync()
    {
        SshServer.Require();
        var ssh = Path.Combine(Root, "ssh");
        Directory.CreateDirectory(ssh);
        await RunAsync("chmod", "755", Parent, Root);
        await AddDepartmentAsync();
        await SshServer.NewKeyAsync(ClientKey, TestContext.Current.CancellationToken);
        File.Copy(ClientKey + ".pub", Path.Combine(ssh, "authorized_keys"));
        _server = await SshServer.StartAsync(ssh, Access(ssh), TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        if (Directory.Exists(Parent) && !Directory.EnumerateFileSystemEntries(Parent).Any())
        {
            Directory.Delete(Parent);
        }

        return ValueTask.CompletedTask;
    }

    private string Access(string ssh) => $"""
        AuthorizedKeysFile {ssh}/authorized_keys
        AllowUsers {Account}
        Match User {Account}
            ChrootDirectory {Chroot}
            ForceCommand internal-sftp -u 0007 -d /inbox
            AllowTcpForwarding no
            AllowAgentForwarding no
            X11Forwarding no
            PermitTunnel no
        """;

    /// <summary>An SFTP session as the department's account (not yet connected).</summary>
    public Renci.SshNet.SftpClient NewDepartmentClient()
    {
        var key = new Renci.SshNet.PrivateKeyAuthenticationMethod(Account, new Renci.SshNet.PrivateKeyFile(ClientKey));
        return new Renci.SshNet.SftpClient(new Renci.SshNet.ConnectionInfo("127.0.0.1", Port, Account, key));
    }

    /// <summary>
    /// Runs <paramref name="commands"/> (one a line) as the department through OpenSSH's own sftp client, for requests
    /// SSH.NET does not offer: <c>ln</c>, a hard link, is <c>hardlink@openssh.com</c>. Throws if a command fails.
    /// </summary>
    public async Task SftpBatchAsync(string commands)
    {
        var batch = Path.Combine(Root, "ssh", $"batch-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(batch, commands);
        await RunAsync(
            "sftp",
            "-b", batch, "-i", ClientKey, "-P", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            $"{Account}@127.0.0.1");
    }

    /// <summary>Makes the department's account the owner of <paramref name="path"/>, as root: a file it may link (fs.protected_hardlinks).</summary>
    public static Task GiveToDepartmentAsync(string path) => RunAsync("chown", Account, path);

    /// <summary>Empties the department's inbox and outbox, as root, keeping the folders themselves.</summary>
    public void ClearDepartmentFolders()
    {
        foreach (var folder in new[] { "inbox", "outbox" })
        {
            foreach (var entry in new DirectoryInfo(Path.Combine(Chroot, folder)).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory && directory.LinkTarget is null)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
    }

    private Task<string> AddDepartmentAsync()
    {
        var script = new ProcessStartInfo(InstallScripts.Linux("add-department.sh")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        script.Environment["DROP_ROOT"] = DropRoot;
        script.Environment["SERVICE_USER"] = "root";
        script.Environment["SERVICE_GROUP"] = "root";
        script.Environment["ACCOUNT"] = Account;
        script.Environment["CONFIG_DIR"] = Path.Combine(Root, "config");
        return RunAsync(script, SourceName);
    }

    private static Task<string> RunAsync(string file, params string[] arguments) =>
        RunAsync(new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false }, arguments);

    private static async Task<string> RunAsync(ProcessStartInfo start, params string[] arguments)
    {
        var file = start.FileName;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
