using System.Globalization;

namespace LinkService.Linkage.Memory;

/// <summary>One line of <c>/proc/self/maps</c>: an address range, and whether it maps no file (anonymous memory, as the managed heap is).</summary>
internal readonly record struct ProcessMapping(ulong Start, ulong End, bool Anonymous)
{
    public ulong Length => End - Start;

    /// <summary>
    /// Reads "start-end perms offset device inode [path]". Anonymous means inode 0 and no path: "[heap]" and "[stack]"
    /// have inode 0 too, but are the C heap and a stack, not memory the GC reserved. Null for a line of another shape.
    /// </summary>
    public static ProcessMapping? Parse(string line)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5)
        {
            return null;
        }

        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            || end <= start)
        {
            return null;
        }

        var path = fields.Length == 6 ? fields[5].Trim() : string.Empty;
        return new ProcessMapping(start, end, fields[4] == "0" && path.Length == 0);
    }
}
