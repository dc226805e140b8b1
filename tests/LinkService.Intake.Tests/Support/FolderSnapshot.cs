using System.Security.Cryptography;

namespace LinkService.Intake.Tests.Support;

/// <summary>
/// What a folder tree holds, taken without following links: each entry's relative path mapped to its SHA-256
/// (a file), "dir", or "link to …". Two snapshots compared show every change, and every link that appeared.
/// </summary>
public sealed class FolderSnapshot
{
    private FolderSnapshot(IReadOnlyDictionary<string, string> entries) => Entries = entries;

    public IReadOnlyDictionary<string, string> Entries { get; }

    public static FolderSnapshot Take(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            Walk(root, root, entries);
        }

        return new FolderSnapshot(entries);
    }

    /// <summary>Entries of <paramref name="before"/> that are gone or different now.</summary>
    public IReadOnlyList<string> ChangedSince(FolderSnapshot before) =>
        [.. before.Entries.Where(e => !Entries.TryGetValue(e.Key, out var now) || now != e.Value).Select(e => $"{e.Key}: {e.Value} -> {Entries.GetValueOrDefault(e.Key, "gone")}")];

    /// <summary>Entries that are new since <paramref name="before"/>.</summary>
    public IReadOnlyList<string> AddedSince(FolderSnapshot before) =>
        [.. Entries.Where(e => !before.Entries.ContainsKey(e.Key)).Select(e => $"{e.Key}: {e.Value}")];

    public IReadOnlyList<string> Links => [.. Entries.Where(e => e.Value.StartsWith("link", StringComparison.Ordinal)).Select(e => $"{e.Key}: {e.Value}")];

    private static void Walk(string root, string folder, IDictionary<string, string> entries)
    {
        foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(root, info.FullName);
            if (info.LinkTarget is { } target)
            {
                entries[relative] = "link to " + target;
            }
            else if (info is DirectoryInfo)
            {
                entries[relative] = "dir";
                Walk(root, info.FullName, entries);
            }
            else
            {
                entries[relative] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(info.FullName)));
            }
        }
    }
}
