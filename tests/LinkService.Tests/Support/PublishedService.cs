using System.Diagnostics;
using System.Runtime.Versioning;

namespace LinkService.Tests.Support;

/// <summary>
/// <c>dotnet publish</c> of src/LinkService (framework-dependent, which keeps it quick) into a folder of its own, once
/// per test class, and the published program run under a given account as the systemd unit and the <c>linkservice</c>
/// wrapper run it: that account's user, group and supplementary groups, umask 0027.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PublishedService : IAsyncLifetime
{
    /// <summary>Root's alone, as every parent of an sshd chroot must be (the temp folder is writable by all).</summary>
    public const string Parent = "/var/lib/linkservice-journey-tests";

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private TempDirectory? _folder;

    /// <summary>The published program (its apphost).</summary>
    public string Program => Path.Combine(_folder?.Path ?? throw new InvalidOperationException("Not published yet."), "linkservice");

    public async ValueTask InitializeAsync()
    {
        SshServer.Require();
        Directory.CreateDirectory(Parent);
        File.SetUnixFileMode(Parent, Modes.Public);
        _folder = new TempDirectory(Parent);
        File.SetUnixFileMode(_folder.Path, Modes.Public);
        var (exitCode, output, error) = await InstallScripts.RunAsync(
            "dotnet",
            ["publish", Path.Combine(RepositoryRoot(), "src", "LinkService"), "-c", Configuration, "-o", _folder.Path, "--nologo"],
            TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, $"dotnet publish failed ({exitCode}):\n{output}\n{error}");
    }

    /// <summary>The published program with <paramref name="command"/>, to start as <paramref name="account"/>.</summary>
    public ProcessStartInfo As(string account, params string[] command)
    {
        var start = new ProcessStartInfo("setpriv") { WorkingDirectory = Parent };
        foreach (var argument in Arguments(account, command))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in RuntimeEnvironment())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs the published program as <paramref name="account"/> to its end, as <c>sudo linkservice ...</c> would.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunAsync(string account, CancellationToken cancellationToken, params string[] command) =>
        InstallScripts.RunAsync("setpriv", Arguments(account, command), cancellationToken, RuntimeEnvironment());

    /// <summary>Any program as <paramref name="account"/> (an analyst trying to read a file).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsAsync(string account, string script, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        InstallScripts.RunAsync("setpriv", [.. Identity(account), "/bin/sh", "-c", script, "sh", .. arguments], cancellationToken);

    public ValueTask DisposeAsync()
    {
        _folder?.Dispose();
        if (Directory.Exists(Parent) && !Directory.EnumerateFileSystemEntries(Parent).Any())
        {
            Directory.Delete(Parent);
        }

        return ValueTask.CompletedTask;
    }

    private IEnumerable<string> Arguments(string account, string[] command) =>
        [.. Identity(account), "/bin/sh", "-c", "umask 0027 && exec \"$0\" \"$@\"", Program, .. command];

    private static string[] Identity(string account) => ["--reuid", account, "--regid", account, "--init-groups", "--"];

    /// <summary>Where this test's own runtime is, so the apphost finds it whoever runs it.</summary>
    private static Dictionary<string, string> RuntimeEnvironment() => new()
    {
        ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..")),
        ["HOME"] = Parent,
    };

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LinkService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"LinkService.sln was not found above {AppContext.BaseDirectory}.");
    }

    private static class Modes
    {
        public const UnixFileMode Public = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    }
}
