namespace LinkService.Validation.Uniqueness;

/// <summary>
/// The folders key hashes spill to, one per detector, named here alone so that those a killed check left
/// behind can be found and removed at the next start.
/// </summary>
internal static class SpillFolders
{
    private const string Prefix = "linkservice-keys-";

    public static string Create(string root) => Directory.CreateDirectory(Path.Combine(root, Prefix + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Removes every spill folder under <paramref name="root"/>; returns how many there were.</summary>
    public static int RemoveAll(string root)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var folders = Directory.GetDirectories(root, Prefix + "*");
        foreach (var folder in folders)
        {
            Directory.Delete(folder, recursive: true);
        }

        return folders.Length;
    }
}
