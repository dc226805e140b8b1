using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LinkService.Intake.Native;

/// <summary>
/// The few Linux calls .NET does not offer, declared once for intake: opening and creating relative to an open
/// directory, never through a link (the outbox); names as raw bytes (a name that is not UTF-8 is no .NET string);
/// a file's link count (<see cref="LinkCount"/>); and the descriptor calls inotify needs. Flag values are Linux's;
/// <c>O_DIRECTORY</c> and <c>O_NOFOLLOW</c> differ between Intel and Arm.
/// </summary>
internal static partial class Libc
{
    public const int NoSuchEntry = 2;
    public const int AlreadyExists = 17;
    public const int NotADirectory = 20;
    public const int TooManyLinks = 40;

    /// <summary><c>AT_FDCWD</c>: a path relative to the working directory, for the <c>*at</c> calls.</summary>
    public const int CurrentDirectory = -100;
    public const int SymbolicLinkNoFollow = 0x100;

    public const int ReadOnly = 0;
    public const int WriteOnly = 1;
    public const int Create = 0x40;
    public const int Exclusive = 0x80;
    public const int CloseOnExec = 0x80000;
    public const int EmptyPath = 0x1000;
    public const uint StatxTypeModeUid = 0x1 | 0x2 | 0x8;
    public const uint StatxBasicStats = 0x7ff;

    public static int Directory => IsArm ? 0x4000 : 0x10000;

    public static int NoFollow => IsArm ? 0x8000 : 0x20000;

    /// <summary>The architectures whose flag values are known here; elsewhere the portable way is used.</summary>
    public static bool Supported => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86 or Architecture.Arm64 or Architecture.Arm;

    private static bool IsArm => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int OpenAt(int directory, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MakeDirectoryAt(int directory, string path, uint mode);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnlinkAt(int directory, string path, int flags);

    [LibraryImport("libc", EntryPoint = "renameat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int RenameAt(int fromDirectory, string from, int toDirectory, string to);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(SafeFileHandle descriptor, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    public static partial int Statx(int directory, byte[] path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true)]
    public static partial nint OpenDir(byte[] path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    public static partial nint ReadDir(nint directory);

    [LibraryImport("libc", EntryPoint = "closedir", SetLastError = true)]
    public static partial int CloseDir(nint directory);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    public static partial int RenameAt2(int fromDirectory, byte[] from, int toDirectory, byte[] to, uint flags);

    /// <summary>
    /// Linux's <c>struct statx</c> (<c>linux/stat.h</c>), the fields intake reads; its layout is the same on every
    /// architecture.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct StatxBuffer
    {
        [FieldOffset(16)]
        public uint LinkCount;

        [FieldOffset(20)]
        public uint Uid;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(112)]
        public long ModifiedSeconds;

        [FieldOffset(120)]
        public uint ModifiedNanoseconds;
    }
}
