using LinkService.Outputs.Disclosure;

namespace LinkService.Outputs.Packaging;

/// <summary>
/// The name of every file an output folder holds, in one list the pipeline and the tests use. Each name is owned
/// where the file is written: the record files and aggregate tables by their configuration
/// (<c>OutputFileSpec.OutputFileName</c>, <c>AggregateTableSpec.FileName</c>), the disclosure report by
/// <see cref="DisclosureFiles"/>, the rest here.
/// </summary>
public static class OutputFiles
{
    /// <summary>The Frictionless Data Package: every other file's path, bytes, sha256 and Table Schema. Written last.</summary>
    public const string DataPackage = "datapackage.json";

    public const string DictionaryMarkdown = "data-dictionary.md";

    public const string DictionaryCsv = "data-dictionary.csv";

    public const string QualityReportHtml = "linkage-quality.html";

    public const string QualityReportJson = "linkage-quality.json";

    public const string DisclosureReportJson = DisclosureFiles.ReportJson;

    public const string DisclosureReportText = DisclosureFiles.ReportText;
}
