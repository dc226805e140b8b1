using System.Runtime.InteropServices;

namespace LinkService.Publishing;

/// <summary>
/// Flushes a folder's entries to disk (fsync on the folder), so a rename or a new file in it survives a power cut.
/// .NET opens no folder as a file, hence the two libc calls; Windows flushes directory metadata with the volume.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;

    // Linux's O_CLOEXEC, the same on Intel and Arm.
    private const int CloseOnExec = 0x80000;

    /// <summary>Throws <see cref="IOException"/> naming the folder if it cannot be flushed.</summary>
    public static void Flush(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var descriptor = Open(folder, ReadOnly | CloseOnExec, 0);
        if (descriptor < 0)
        {
            throw new IOException($"{folder}: the folder could not be opened to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (FSync(descriptor) < 0)
            {
                throw new IOException($"{folder}: the folder could not be flushed to disk (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
