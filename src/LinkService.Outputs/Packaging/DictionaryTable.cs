using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Packaging;

/// <summary>The machine-readable data dictionary, described like every other table of the output.</summary>
internal static class DictionaryTable
{
    public static IReadOnlyList<OutputColumn> Columns { get; } =
    [
        new("file", "string", "The file's path inside the output folder."),
        new("column", "string", "The column's name in the file's header."),
        new("type", "string", "Its Table Schema type (string, integer, number, date, year, ...)."),
        new("description", "string", "What the column holds."),
        new("transform", "string", "How it was derived from the delivered data; empty where the description says it."),
    ];

    public static OutputTable For(long rows) => new(
        OutputFiles.DictionaryCsv,
        "Data dictionary (CSV)",
        "One row per column of every table in the output: its file, name, type, meaning and transform.",
        Columns,
        rows,
        KAnonymity: null);
}
