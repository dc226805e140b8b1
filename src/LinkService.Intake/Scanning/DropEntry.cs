namespace LinkService.Intake.Scanning;

/// <summary>
/// One file or link in a drop folder, as seen without following links. <see cref="Name"/> is escaped
/// (<see cref="DropNames"/>) and relative to the drop folder: <c>sub/name.csv</c> for a file in a sub-folder.
/// <see cref="Path"/> addresses the file, except when its name is not UTF-8 (then only its bytes do).
/// <see cref="IsLink"/>: a symbolic link. <see cref="HasOtherNames"/>: a file with more than one name (a hard link),
/// whose <see cref="Length"/>, like a symbolic link's, is not reported: it may be another file's.
/// </summary>
internal sealed record DropEntry(string Path, string Name, long Length, DateTimeOffset LastWriteUtc, bool IsLink, bool HasOtherNames)
{
    /// <summary>Whether the entry is in a sub-folder rather than at the top, where deliveries go.</summary>
    public bool InSubFolder => Name.Contains('/', StringComparison.Ordinal);

    /// <summary>
    /// A folder nested deeper than the scan looks (<see cref="DropFolderScanner"/>): listed so that it is shown as
    /// waiting, never taken; what is in it is not looked at.
    /// </summary>
    public bool IsFolder { get; init; }

    /// <summary>The last part of the name, which temporary-name patterns and companions are about.</summary>
    public string LeafName => Name[(Name.LastIndexOf('/') + 1)..];
}
