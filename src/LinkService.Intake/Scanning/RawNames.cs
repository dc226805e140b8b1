using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using LinkService.Intake.Native;

namespace LinkService.Intake.Scanning;

/// <summary>
/// A folder's entries by the bytes of their names, for names .NET cannot address: on Linux a name is any bytes,
/// and one that is not UTF-8 comes back from .NET's listing with replacement characters, naming no file at all.
/// </summary>
[SupportedOSPlatform("linux")]
internal static unsafe class RawNames
{
    private const uint NoReplace = 1;
    private const int TypeMask = 0xF000;
    private const int LinkType = 0xA000;
    private const int FileType = 0x8000;

    /// <summary>Offset of <c>d_name</c> in glibc's 64-bit <c>struct dirent</c>.</summary>
    private const int NameOffset = 19;

    /// <summary>The names in <paramref name="folder"/> that are not valid UTF-8, as bytes.</summary>
    public static IReadOnlyList<byte[]> NonUtf8Names(string folder)
    {
        var names = new List<byte[]>();
        var dir = Libc.OpenDir(PathBytes(folder, []));
        if (dir == 0)
        {
            throw new IOException($"The folder could not be listed (error {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            for (var entry = Libc.ReadDir(dir); entry != 0; entry = Libc.ReadDir(dir))
            {
                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)entry + NameOffset);
                if (!System.Text.Unicode.Utf8.IsValid(name))
                {
                    names.Add(name.ToArray());
                }
            }
        }
        finally
        {
            _ = Libc.CloseDir(dir);
        }

        return names;
    }

    /// <summary>
    /// What the entry <paramref name="name"/> in <paramref name="folder"/> is, without following a link; null if it is gone.
    /// <c>HasOtherNames</c>: it is one of several names of a file (<see cref="LinkCount"/>).
    /// </summary>
    public static (long Length, DateTimeOffset LastWriteUtc, bool IsLink, bool IsFile, bool HasOtherNames)? Look(string folder, byte[] name)
    {
        if (Libc.Statx(Libc.CurrentDirectory, PathBytes(folder, name), Libc.SymbolicLinkNoFollow, Libc.StatxBasicStats, out var stat) != 0)
        {
            return null;
        }

        var mode = stat.Mode & TypeMask;
        var modified = DateTimeOffset.FromUnixTimeSeconds(stat.ModifiedSeconds).AddTicks(stat.ModifiedNanoseconds / 100);
        return ((long)stat.Size, modified, mode == LinkType, mode == FileType, LinkCount.HasOtherNames(stat));
    }

    /// <summary>Renames <paramref name="name"/> in <paramref name="folder"/> to <paramref name="to"/>, never replacing a file there; false if it is gone.</summary>
    public static bool MoveTo(string folder, byte[] name, string to)
    {
        if (Libc.RenameAt2(Libc.CurrentDirectory, PathBytes(folder, name), Libc.CurrentDirectory, PathBytes(to, []), NoReplace) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == 2 ? false : throw new IOException($"The file with a name that is not UTF-8 could not be moved (error {error}).");
    }

    private static byte[] PathBytes(string folder, byte[] name)
    {
        var prefix = Encoding.UTF8.GetBytes(name.Length == 0 ? folder : folder.TrimEnd('/') + "/");
        return [.. prefix, .. name, 0];
    }
}
