using System.Diagnostics;

namespace LinkService.Tests.Support;

/// <summary>
/// Named pipes in the file system, to hold a real process at a chosen read or write: opening one blocks until the
/// other end opens it, so a test knows the process is there, certainly, and can kill it there.
/// </summary>
internal static class Fifo
{
    public static async Task MakeAsync(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>Opens the pipe's writing end, which returns once a reader has opened it: the reader is blocked reading it now.</summary>
    public static Task<FileStream> WaitForReaderAsync(string path, TimeSpan timeout) =>
        Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Write)).WaitAsync(timeout);
}
