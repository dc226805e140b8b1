namespace LinkService.Outputs.Packaging;

/// <summary>What each of the output's fixed (non-table) files is, in the words the package and the dictionary use.</summary>
internal static class DescribedFiles
{
    public static IReadOnlyDictionary<string, (string Title, string Description)> All { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [OutputFiles.DataPackage] = ("Data package", "Frictionless Data Package: every file's path, size, sha256 and Table Schema. Check the hashes to know the output is whole."),
        [OutputFiles.DictionaryMarkdown] = ("Data dictionary", "Every file of the output, every column, its type, its meaning and how it was derived."),
        [OutputFiles.QualityReportHtml] = ("Linkage quality report", "How well the run linked: match-weight distribution, each comparison level's m, u and weight, match rates per source, blocking figures, estimated false-link and missed-link rates. Opens in any browser, offline."),
        [OutputFiles.QualityReportJson] = ("Linkage quality figures", "The figures of the linkage quality report, as JSON."),
        [OutputFiles.DisclosureReportJson] = ("Disclosure report", "The disclosure checks applied to every file and table, with their verdicts and reasons, as JSON."),
        [OutputFiles.DisclosureReportText] = ("Disclosure report", "The disclosure checks applied to every file and table, with their verdicts and reasons."),
    };
}
