using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LinkService.Intake.Native;

/// <summary>
/// Whether a file has more than one name. A drop file that has (a hard link: <c>ln</c>, or OpenSSH's
/// <c>hardlink@openssh.com</c>) may be a file from elsewhere on the file system that the department can read but did
/// not upload, so intake refuses it as it refuses a symbolic link. .NET does not tell a link count: on Linux it is
/// <c>statx</c>'s <c>stx_nlink</c>, on Windows <c>GetFileInformationByHandle</c>'s <c>nNumberOfLinks</c>; elsewhere
/// the service does not run and the count is not asked.
/// </summary>
internal static partial class LinkCount
{
    // The file type bits of stx_mode.
    private const int TypeMask = 0xF000;
    private const int FolderType = 0x4000;

    /// <summary>Whether the file open as <paramref name="handle"/> has other names: asked of the file read, whatever its name is now.</summary>
    public static bool HasOtherNames(SafeFileHandle handle)
    {
        if (OperatingSystem.IsLinux())
        {
            return Libc.Statx(handle, "", Libc.EmptyPath, Libc.StatxBasicStats, out var stat) == 0 ? HasOtherNames(stat) : throw Unreadable();
        }

        if (OperatingSystem.IsWindows())
        {
            return GetFileInformationByHandle(handle, out var information) ? information.NumberOfLinks > 1 : throw Unreadable();
        }

        return false;
    }

    /// <summary>Whether the file named <paramref name="path"/> has other names, a symbolic link there not followed; false if nothing is there.</summary>
    public static bool HasOtherNames(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            if (Libc.Statx(Libc.CurrentDirectory, path, Libc.SymbolicLinkNoFollow, Libc.StatxBasicStats, out var stat) == 0)
            {
                return HasOtherNames(stat);
            }

            return Marshal.GetLastPInvokeError() is Libc.NoSuchEntry or Libc.NotADirectory ? false : throw Unreadable();
        }

        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                return HasOtherNames(handle);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Gone, or held by its uploader alone: not known here. The opener asks the handle it reads.
                return false;
            }
        }

        return false;
    }

    /// <summary>A folder's count is of its sub-folders' links back to it (at least two), not of other names: never one.</summary>
    public static bool HasOtherNames(in Libc.StatxBuffer stat) => stat.LinkCount > 1 && (stat.Mode & TypeMask) != FolderType;

    private static IOException Unreadable() => new($"The link count of a drop file could not be read (error {Marshal.GetLastPInvokeError()}).");

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetFileInformationByHandle(SafeFileHandle file, out FileInformation information);

    /// <summary>Windows' <c>BY_HANDLE_FILE_INFORMATION</c>: 13 <c>DWORD</c>s, the eighth the number of links.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 52)]
    private struct FileInformation
    {
        [FieldOffset(40)]
        public uint NumberOfLinks;
    }
}
