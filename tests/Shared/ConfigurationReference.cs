using System.Text.RegularExpressions;

namespace LinkService.Testing;

/// <summary>
/// docs/configuration.md read as the tests that keep it true need it: the keys or values listed in the table under a
/// marker such as <c>&lt;!-- enum: KeyTransform --&gt;</c> (each body row's first cell, in back-quotes).
/// </summary>
internal static partial class ConfigurationReference
{
    public static string File => Path.Combine(AppContext.BaseDirectory, "docs", "configuration.md");

    /// <summary>The first cells of the rows under <c>&lt;!-- kind: name --&gt;</c>, up to the next marker; null when there is no such marker.</summary>
    public static IReadOnlySet<string>? Entries(string kind, string name)
    {
        var text = System.IO.File.ReadAllText(File);
        var marker = $"<!-- {kind}: {name} -->";
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = text.IndexOf("<!--", start, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];
        return FirstCell().Matches(section).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    // A header row (the line above "| --- |") names the column, not an entry.
    [GeneratedRegex(@"^\| `([^`]+)` \|(?![^\n]*\n\| ---)", RegexOptions.Multiline)]
    private static partial Regex FirstCell();
}
