using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs.Stages;

/// <summary>The de-identified record files the anonymise stage wrote into the output folder.</summary>
public sealed record AnonymisedOutput(IReadOnlyList<OutputTable> Files)
{
    /// <summary>
    /// The record files as this process wrote them, by file name: the check builds its tables from these rather than
    /// read the files back. A file not here is read from the output folder.
    /// </summary>
    internal IReadOnlyDictionary<string, WrittenRecords> Written { get; init; } = new Dictionary<string, WrittenRecords>();

    internal static AnonymisedOutput Of(IReadOnlyList<WrittenRecords> files) =>
        new([.. files.Select(f => f.Table)]) { Written = files.ToDictionary(f => f.Table.FileName, StringComparer.Ordinal) };
}
