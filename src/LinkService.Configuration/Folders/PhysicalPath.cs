namespace LinkService.Configuration.Folders;

/// <summary>
/// Where a path really leads, following every link along it (<c>realpath -m</c>): a work folder configured as
/// <c>/srv/work</c> but linked into a department's drop folder is that drop folder, whatever its name says.
/// </summary>
public static class PhysicalPath
{
    // As the kernel's limit on links followed in one lookup (Linux ELOOP after 40).
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>
    /// The full path with every link resolved; the part that does not exist yet is kept as written. Throws
    /// <see cref="IOException"/> on a loop of links.
    /// </summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        Push(pending, full[current.Length..]);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"{path}: too many links to follow (a loop?)");
            }

            // The link's target replaces it; a relative target continues from the link's own folder.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            Push(pending, target);
        }

        return current;
    }

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or inside it (both resolved paths).</summary>
    public static bool IsWithin(string inner, string outer) =>
        WithSeparator(inner).StartsWith(WithSeparator(outer), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string WithSeparator(string path) =>
        Path.EndsInDirectorySeparator(path) ? path : path + Path.DirectorySeparatorChar;

    private static void Push(Stack<string> pending, string relative)
    {
        foreach (var part in relative.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            pending.Push(part);
        }
    }
}
