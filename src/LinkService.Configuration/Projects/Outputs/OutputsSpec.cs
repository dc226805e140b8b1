using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>
/// A project's <c>outputs</c>: the de-identified files and aggregate tables an analyst receives, and who approves
/// them. Absent: the project links, and nothing leaves the private work area.
/// </summary>
public sealed class OutputsSpec : IValidatableConfig
{
    /// <summary>Whether an output that passes every check is published at once, or always held for the custodian.</summary>
    public ApprovalMode Approval { get; init; } = ApprovalMode.Custodian;

    /// <summary>One de-identified record file per entry (usually one per source).</summary>
    public IReadOnlyList<OutputFileSpec> Files { get; init; } = [];

    /// <summary>Aggregate tables built from the de-identified files and checked before release.</summary>
    public IReadOnlyList<AggregateTableSpec> Tables { get; init; } = [];

    public void Validate(ConfigErrors errors, string path)
    {
        for (var i = 0; i < Files.Count; i++)
        {
            Files[i].Validate(errors, $"{path}.files[{i}]");
            if (Files.Take(i).Any(f => string.Equals(f.OutputFileName, Files[i].OutputFileName, StringComparison.Ordinal)))
            {
                errors.Add($"{path}.files[{i}]", $"writes '{Files[i].OutputFileName}', as an earlier file does (give one a fileName)");
            }
        }

        for (var i = 0; i < Tables.Count; i++)
        {
            Tables[i].Validate(errors, $"{path}.tables[{i}]");
            Tables[i].ValidateWithin(this, errors, $"{path}.tables[{i}]");
        }
    }
}
