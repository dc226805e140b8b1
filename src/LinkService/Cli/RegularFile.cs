using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LinkService.Cli;

/// <summary>
/// Whether a path a command is given to read is a regular file, asked without opening it: opening a FIFO to read waits
/// for a writer that may never come (and a process waiting there ignores SIGTERM), and a device such as /dev/zero
/// never ends. Links are followed: a link to a regular file is fine.
/// </summary>
internal static partial class RegularFile
{
    // statx's AT_FDCWD, STATX_TYPE, and where stx_mode stands in struct statx (the same on every Linux architecture).
    private const int CurrentDirectory = -100;
    private const uint TypeOnly = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;

    public static bool Is(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path);
        }

        var buffer = new byte[256];
        return Statx(CurrentDirectory, path, 0, TypeOnly, buffer) == 0
            && (BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)) & TypeMask) == RegularType;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
