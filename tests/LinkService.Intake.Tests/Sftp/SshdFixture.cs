using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LinkService.Intake.Tests.Sftp;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 and a free port, with one department account that may only use SFTP,
/// chrooted to the drop root and started in its source's drop folder, authenticating with a key generated
/// here. Needs root and /usr/sbin/sshd: <c>.ci/run</c> installs openssh-server.
/// </summary>
public sealed class SshdFixture : IAsyncLifetime
{
    public const string Account = "lsjustice";
    public const string SourceName = "justice";
    private const string Sshd = "/usr/sbin/sshd";

    // sshd refuses a chroot any of whose parents is writable by others, as /tmp is; /var/lib is root's alone.
    private const string Parent = "/var/lib/linkservice-sftp-tests";

    private readonly StringBuilder _serverLog = new();
    private Process? _server;

    public string Root { get; } = Path.Combine(Parent, Guid.NewGuid().ToString("N"));

    /// <summary>The chroot, which is the service's drop root: departments see <c>/&lt;source&gt;/</c> and nothing else.</summary>
    public string DropRoot => Path.Combine(Root, "drop");

    public string ClientKey => Path.Combine(Root, "ssh", "client_key");

    public int Port { get; private set; }

    public string ServerLog
    {
        get
        {
            lock (_serverLog)
            {
                return _serverLog.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!Environment.IsPrivilegedProcess || !File.Exists(Sshd) || !File.Exists("/usr/bin/ssh-keygen"))
        {
            throw new InvalidOperationException(
                "The SFTP tests start a real OpenSSH server and need root and /usr/sbin/sshd. Run them through .ci/run, "
                + "which installs openssh-server (apt-get install -y openssh-server openssh-client), as root.");
        }

        var ssh = Path.Combine(Root, "ssh");
        Directory.CreateDirectory(ssh);
        Directory.CreateDirectory(Path.Combine(DropRoot, SourceName));
        Directory.CreateDirectory("/run/sshd");
        await RunAsync("chmod", "755", Parent, Root, DropRoot);
        await EnsureAccountAsync();
        await RunAsync("chown", $"{Account}:{Account}", Path.Combine(DropRoot, SourceName));
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(ssh, "host_key"));
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ClientKey);
        File.Copy(ClientKey + ".pub", Path.Combine(ssh, "authorized_keys"));

        Port = FreePort();
        var config = Path.Combine(ssh, "sshd_config");
        await File.WriteAllTextAsync(config, Config(ssh), TestContext.Current.CancellationToken);
        await RunAsync(Sshd, "-t", "-f", config);
        StartServer(config);
        await WaitForPortAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }

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

    private string Config(string ssh) => $"""
        ListenAddress 127.0.0.1
        Port {Port}
        HostKey {ssh}/host_key
        PidFile {ssh}/sshd.pid
        AuthorizedKeysFile {ssh}/authorized_keys
        # The keys live in a test folder sshd's ownership checks were not written for.
        StrictModes no
        UsePAM no
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        AllowUsers {Account}
        Subsystem sftp internal-sftp
        Match User {Account}
            ChrootDirectory {DropRoot}
            ForceCommand internal-sftp -u 0007 -d /{SourceName}
            AllowTcpForwarding no
            AllowAgentForwarding no
            X11Forwarding no
            PermitTunnel no
        """;

    private static async Task EnsureAccountAsync()
    {
        if ((await RunAsync("getent", allowFailure: true, "passwd", Account)).Length == 0)
        {
            await RunAsync("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", Account);
        }

        // Without PAM, sshd turns away a locked account ('!' password) even for key authentication; '*' is no password, not locked.
        await RunAsync("usermod", "-p", "*", Account);
    }

    private void StartServer(string config)
    {
        var start = new ProcessStartInfo(Sshd) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("sshd did not start.");
        _server.ErrorDataReceived += (_, e) =>
        {
            lock (_serverLog)
            {
                _serverLog.AppendLine(e.Data);
            }
        };
        _server.BeginErrorReadLine();
        _server.BeginOutputReadLine();
    }

    private async Task WaitForPortAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, deadline.Token);
                return;
            }
            catch (SocketException) when (!deadline.IsCancellationRequested && _server is { HasExited: false })
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                throw new InvalidOperationException($"sshd did not accept connections on port {Port}: {ServerLog}", exception);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static Task<string> RunAsync(string file, params string[] arguments) => RunAsync(file, allowFailure: false, arguments);

    private static async Task<string> RunAsync(string file, bool allowFailure, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
