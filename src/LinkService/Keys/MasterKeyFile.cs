using System.Security.Cryptography;
using LinkService.Folders;

namespace LinkService.Keys;

/// <summary>
/// The master pseudonymisation key: 32 random bytes in <c>work/keys/master.key</c>, readable by the
/// service account alone. Project keys are derived from it, so it is created once and never replaced.
/// </summary>
internal static class MasterKeyFile
{
    public const string FileName = "master.key";

    public static string PathIn(string keysFolder) => Path.Combine(keysFolder, FileName);

    /// <summary>Creates the key file; false when one exists already (it is never overwritten).</summary>
    public static bool TryCreate(string keysFolder, out string path)
    {
        FolderBootstrapper.CreatePrivate(keysFolder);
        path = PathIn(keysFolder);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            writer.Flush();
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }
}
