using LinkService.Configuration;
using LinkService.Configuration.Folders;

namespace LinkService.Folders;

/// <summary>Creates the folder tree on first start, so a fresh install needs nothing made by hand.</summary>
internal static class FolderBootstrapper
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void EnsureCreated(ServicePaths paths, ConfigCatalog catalog)
    {
        // The work folder holds identifiable extracts and linkage maps: made by us, it is the service account's
        // alone. One an installer made (say, readable by an operators' group) keeps the mode it was given.
        CreateOwnerOnly(paths.WorkRoot);
        foreach (var folder in new[] { paths.DropRoot, paths.WorkRoot, paths.ExportRoot, paths.StoreRoot, paths.QuarantineRoot, paths.StagingRoot, paths.RunsRoot })
        {
            Directory.CreateDirectory(folder);
        }

        foreach (var source in catalog.Sources.Keys)
        {
            // Made here only where no installer made them (a development folder); see install/linux/add-department.sh.
            Directory.CreateDirectory(paths.DropFolder(source));
            Directory.CreateDirectory(paths.InboxFolder(source));
            Directory.CreateDirectory(paths.OutboxFolder(source));
            Directory.CreateDirectory(paths.StoreFolder(source));
            Directory.CreateDirectory(paths.QuarantineFolder(source));
        }

        CreatePrivate(paths.KeysFolder);
    }

    /// <summary>
    /// A work folder that others may open (made by hand with a default umask, or loosened later) is tightened: the
    /// group an installer chose keeps its access, everyone else loses it. Returns the mode it had, or null if it was
    /// already closed to others.
    /// </summary>
    public static UnixFileMode? CloseToOthers(string workRoot)
    {
        const UnixFileMode Others = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(workRoot);
        if ((mode & Others) == 0)
        {
            return null;
        }

        File.SetUnixFileMode(workRoot, mode & ~Others);
        return mode;
    }

    /// <summary>The keys folder is readable by the service account alone, whoever made it.</summary>
    internal static void CreatePrivate(string folder)
    {
        CreateOwnerOnly(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, OwnerOnly);
        }
    }

    /// <summary>Creates a folder, if missing, that only the service account can open (on Windows it inherits its parent's ACL).</summary>
    internal static void CreateOwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, OwnerOnly);
    }
}
