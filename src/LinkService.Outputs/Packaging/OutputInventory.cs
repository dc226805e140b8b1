using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Packaging;

/// <summary>
/// Every file the output folder holds (and the dictionary about to be written), each with its description: a table
/// the stages returned, or one of the fixed files. A file nobody described stops packaging, so nothing reaches an
/// analyst that the package does not account for.
/// </summary>
internal static class OutputInventory
{
    public static IReadOnlyList<PackagedFile> Describe(string outputFolder, IReadOnlyList<OutputTable> tables)
    {
        var byName = new Dictionary<string, OutputTable>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (!byName.TryAdd(table.FileName, table))
            {
                throw new InvalidOperationException($"Two tables of the output are named '{table.FileName}'.");
            }
        }

        var paths = Directory.EnumerateFiles(outputFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outputFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => p != OutputFiles.DataPackage)
            .Union([OutputFiles.DictionaryMarkdown, OutputFiles.DictionaryCsv], StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return [.. paths.Select(path => Describe(path, byName))];
    }

    private static PackagedFile Describe(string path, Dictionary<string, OutputTable> tables)
    {
        if (tables.TryGetValue(path, out var table))
        {
            return new PackagedFile(path, table.Title, table.Description, MediaTypes.Of(path), table);
        }

        if (DescribedFiles.All.TryGetValue(path, out var described))
        {
            return new PackagedFile(path, described.Title, described.Description, MediaTypes.Of(path), null);
        }

        throw new InvalidOperationException($"The output folder holds '{path}', which no stage described; it cannot be packaged.");
    }
}
