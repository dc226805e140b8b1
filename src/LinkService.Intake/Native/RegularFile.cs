namespace LinkService.Intake.Native;

/// <summary>
/// Whether a path the service is given to read is a regular file, asked without opening it: opening a FIFO to read
/// waits for a writer that may never come (and a process waiting there ignores SIGTERM), and a device such as
/// /dev/zero never ends. Links are followed: a link to a regular file is fine.
/// </summary>
public static class RegularFile
{
    // The file type bits of stx_mode.
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;

    public static bool Is(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path);
        }

        return Libc.Statx(Libc.CurrentDirectory, path, 0, Libc.StatxTypeModeUid, out var stat) == 0 && (stat.Mode & TypeMask) == RegularType;
    }
}
