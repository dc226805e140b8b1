namespace LinkService.Intake.Contract;

/// <summary>The names of a source's published contract in its outbox.</summary>
internal static class ContractNames
{
    public const string Markdown = "CONTRACT.md";
    public const string DataPackage = "datapackage.json";

    /// <summary>
    /// The name datapackage.json gives the extract: the source's pattern with <c>*</c> as <c>extract</c> and <c>?</c> as
    /// <c>0</c>. A Frictionless tool reads the resource at that path, so a department copies its file there to check it.
    /// </summary>
    public static string ExampleFile(string filePattern) =>
        filePattern.Replace("*", "extract", StringComparison.Ordinal).Replace('?', '0');
}
