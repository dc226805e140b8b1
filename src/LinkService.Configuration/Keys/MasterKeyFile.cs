using System.Security.Cryptography;

namespace LinkService.Configuration.Keys;

/// <summary>
/// The master key: 32 random bytes, base64, in <c>work/keys/master.key</c>, readable by the service account
/// alone. Every other key is derived from it (<see cref="KeyDerivation"/>), so it is created once and never replaced.
/// </summary>
public static class MasterKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the key file in an existing folder; false when one exists already (it is never overwritten).</summary>
    public static bool TryCreate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyDerivation.KeyLength)));
            writer.Flush();
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>The key's bytes; throws <see cref="MasterKeyUnavailableException"/> saying why it cannot be used.</summary>
    public static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new MasterKeyUnavailableException($"there is no master key at {path}");
        }

        if (ReadableByOthers(path) is { } mode)
        {
            throw new MasterKeyUnavailableException($"the master key at {path} can be read by other accounts (mode {mode}); make it owner-only (chmod 600)");
        }

        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length == KeyDerivation.KeyLength
                ? key
                : throw new MasterKeyUnavailableException($"the master key at {path} is not {KeyDerivation.KeyLength} bytes");
        }
        catch (FormatException)
        {
            throw new MasterKeyUnavailableException($"the master key at {path} is not base64");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MasterKeyUnavailableException($"the master key at {path} cannot be read by this account ({ex.GetType().Name})");
        }
    }

    /// <summary>The file's mode in octal when group or others have any access to it; null when it is owner-only.</summary>
    private static string? ReadableByOthers(string path)
    {
        // Windows: the keys folder inherits the work folder's ACL; checking an ACL for the service account alone is left to the installer.
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) == 0 ? null : Convert.ToString((int)mode, 8).PadLeft(4, '0');
    }
}
