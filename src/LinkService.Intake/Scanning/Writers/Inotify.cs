using System.Runtime.InteropServices;

namespace LinkService.Intake.Scanning.Writers;

/// <summary>The few libc calls writer tracking needs on Linux.</summary>
internal static partial class Inotify
{
    public const int NonBlocking = 0x800;
    public const int CloseOnExec = 0x80000;
    public const uint OnlyDirectory = 0x1000000;
    public const uint DontFollow = 0x2000000;
    public const int TryAgain = 11;
    public const int Interrupted = 4;
    public const short PollIn = 1;

    /// <summary>Size of <c>struct inotify_event</c> before its name.</summary>
    public const int HeaderBytes = 16;

    [LibraryImport("libc", EntryPoint = "inotify_init1", SetLastError = true)]
    public static partial int Init(int flags);

    [LibraryImport("libc", EntryPoint = "inotify_add_watch", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int AddWatch(int fd, string path, uint mask);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte[] buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(ref PollFd fds, nuint count, int timeoutMs);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
