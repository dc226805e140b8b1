using System.Diagnostics;

namespace LinkService.Tests.Support;

/// <summary>Named pipes in the file system (POSIX): a stored copy that a test feeds, holding a reader until it does.</summary>
internal static class NamedPipes
{
    public static async Task MakeAsync(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
