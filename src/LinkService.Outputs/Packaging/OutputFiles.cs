namespace LinkService.Outputs.Packaging;

/// <summary>
/// The name of every file an output folder holds: the stages that write them, the pipeline and the tests use these
/// names, so a file is named once.
/// </summary>
public static class OutputFiles
{
    /// <summary>The Frictionless Data Package: every other file's path, bytes, sha256 and Table Schema. Written last.</summary>
    public const string DataPackage = "datapackage.json";

    public const string DictionaryMarkdown = "data-dictionary.md";

    public const string DictionaryCsv = "data-dictionary.csv";

    public const string QualityReportHtml = "linkage-quality.html";

    public const string QualityReportJson = "linkage-quality.json";

    public const string DisclosureReportJson = "disclosure-report.json";

    public const string DisclosureReportText = "disclosure-report.txt";

    /// <summary>The de-identified record file of a configured source output.</summary>
    public static string RecordFile(string source) => source + ".csv";

    /// <summary>A configured aggregate table's file (its name, as <c>AggregateTableSpec</c> documents).</summary>
    public static string AggregateTable(string name) => name + ".csv";
}
