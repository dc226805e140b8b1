using System.Reflection;

namespace LinkService.Synth.Names;

/// <summary>Reads the embedded name lists: one entry a line, blank lines and <c>#</c> comments skipped.</summary>
internal static class ResourceText
{
    public static IReadOnlyList<string> Lines(string fileName)
    {
        var assembly = typeof(ResourceText).Assembly;
        using var stream = assembly.GetManifestResourceStream("Synth." + fileName)
            ?? throw new InvalidOperationException($"The embedded resource '{fileName}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
