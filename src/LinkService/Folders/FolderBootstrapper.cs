using LinkService.Configuration;
using LinkService.Configuration.Folders;

namespace LinkService.Folders;

/// <summary>Creates the folder tree on first start, so a fresh install needs nothing made by hand.</summary>
internal static class FolderBootstrapper
{
    public static void EnsureCreated(ServicePaths paths, ConfigCatalog catalog)
    {
        foreach (var folder in new[] { paths.DropRoot, paths.WorkRoot, paths.ExportRoot, paths.StoreRoot, paths.QuarantineRoot, paths.StagingRoot, paths.RunsRoot })
        {
            Directory.CreateDirectory(folder);
        }

        foreach (var source in catalog.Sources.Keys)
        {
            Directory.CreateDirectory(paths.DropFolder(source));
            Directory.CreateDirectory(paths.ReceiptsFolder(source));
            Directory.CreateDirectory(paths.StoreFolder(source));
            Directory.CreateDirectory(paths.QuarantineFolder(source));
        }

        CreatePrivate(paths.KeysFolder);
    }

    /// <summary>The keys folder is readable by the service account alone.</summary>
    internal static void CreatePrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
