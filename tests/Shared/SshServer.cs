using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LinkService.Testing;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 and a free port, with a host key of its own in <c>folder</c>, serving SFTP by
/// <c>internal-sftp</c> to keys only. The caller adds who may log in and how (AllowUsers, AuthorizedKeysFile, Match
/// blocks with ChrootDirectory). Needs root and /usr/sbin/sshd: <c>.ci/run</c> installs openssh-server.
/// </summary>
public sealed class SshServer : IDisposable
{
    private const string Sshd = "/usr/sbin/sshd";

    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private SshServer(Process process, int port)
    {
        _process = process;
        Port = port;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_log)
            {
                _log.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int Port { get; }

    /// <summary>What sshd said (it logs to standard error with -e): why a login or a chroot was refused.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Throws, saying how to run them, unless the process is root and sshd is installed.</summary>
    public static void Require()
    {
        if (!Environment.IsPrivilegedProcess || !File.Exists(Sshd) || !File.Exists("/usr/bin/ssh-keygen"))
        {
            throw new InvalidOperationException(
                "The SFTP tests start a real OpenSSH server and need root and /usr/sbin/sshd. Run them through .ci/run, "
                + "which installs openssh-server (apt-get install -y openssh-server openssh-client), as root.");
        }
    }

    /// <summary>A new ed25519 key pair without a passphrase: <paramref name="path"/> and <paramref name="path"/>.pub.</summary>
    public static async Task NewKeyAsync(string path, CancellationToken cancellationToken)
    {
        var (exitCode, _, error) = await InstallScripts.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path], cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"ssh-keygen failed ({exitCode}): {error}");
        }
    }

    /// <summary>Checks the configuration with <c>sshd -t</c>, starts sshd and waits until it accepts connections.</summary>
    /// <param name="folder">Holds the host key, the configuration and the pid file.</param>
    /// <param name="access">The configuration's last lines: who may log in, with which keys, chrooted where.</param>
    public static async Task<SshServer> StartAsync(string folder, string access, CancellationToken cancellationToken)
    {
        Require();
        Directory.CreateDirectory("/run/sshd");
        await NewKeyAsync(Path.Combine(folder, "host_key"), cancellationToken);
        var port = LoopbackPorts.Free();
        var config = Path.Combine(folder, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            ListenAddress 127.0.0.1
            Port {port}
            HostKey {folder}/host_key
            PidFile {folder}/sshd.pid
            # The keys live in a test folder sshd's ownership checks were not written for.
            StrictModes no
            UsePAM no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            Subsystem sftp internal-sftp

            """ + access, cancellationToken);
        var (exitCode, _, error) = await InstallScripts.RunAsync(Sshd, ["-t", "-f", config], cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"sshd -t refused the test's configuration: {error}");
        }

        var start = new ProcessStartInfo(Sshd) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        var server = new SshServer(Process.Start(start) ?? throw new InvalidOperationException("sshd did not start."), port);
        await server.WaitForPortAsync();
        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
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
            catch (SocketException) when (!deadline.IsCancellationRequested && !_process.HasExited)
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                throw new InvalidOperationException($"sshd did not accept connections on port {Port}: {Log}", exception);
            }
        }
    }
}
