namespace LinkService.Publishing;

/// <summary>
/// What analysts may do with a published output: read it, through the export folder's group; only the service writes.
/// Files are 0640 and folders 0750 whatever the service's umask. The group is the export folder's: the installer makes
/// the export folder setgid (<c>chmod 2750</c>, group of the analysts), so every folder and file made below it takes
/// that group, and the folders keep the setgid bit so theirs do too. On Windows, the export folder's ACL is inherited.
/// </summary>
internal static class ExportPermissions
{
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates a folder analysts may list (if missing) and sets its mode, keeping the setgid bit it inherited.</summary>
    public static void CreateFolder(string folder) => Create(folder, Folder);

    /// <summary>The staging root: the service's alone, so a half-copied output is in nobody else's view.</summary>
    public static void CreatePrivateFolder(string folder) => Create(folder, OwnerOnly);

    public static void SetFile(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(file, File);
        }
    }

    private static void Create(string folder, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, mode);

        // chmod with no setgid bit would clear it, and with it the group the folder passes on.
        var inherited = System.IO.File.GetUnixFileMode(folder) & UnixFileMode.SetGroup;
        System.IO.File.SetUnixFileMode(folder, mode | inherited);
    }
}
