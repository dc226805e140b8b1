using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Disclosure;

/// <summary>One aggregate table from spec to release: find its de-identified file, build, check, and write it unless it fails.</summary>
internal static class TableRelease
{
    /// <summary>The table's findings, and how the package describes it (null when it is not released).</summary>
    public static async Task<(TableOutcome Outcome, OutputTable? Released)> RunAsync(
        AggregateTableSpec spec, OutputsSpec outputs, AnonymisedOutput output, string outputFolder, CancellationToken cancellationToken)
    {
        var fileName = spec.FindFile(outputs.Files)?.OutputFileName;
        if (output.Files.FirstOrDefault(f => f.FileName == fileName) is not { } source)
        {
            return (Failed(spec, $"it is taken from '{spec.From}', which is not among the de-identified files written"), null);
        }

        var build = TableBuilder.Build(spec, Path.Combine(outputFolder, source.FileName), output.Written.GetValueOrDefault(source.FileName), cancellationToken);
        if (build.Problem is { } problem)
        {
            return (Failed(spec, problem), null);
        }

        var outcome = TableCheck.Check(spec, build.Cells);
        var table = new DisclosureFinding(spec.FileName, DisclosureRules.Build, DisclosureVerdict.Pass,
            $"{Counted.Of(build.Cells.Count, "cell")} from {Counted.Of(source.Rows, "row")} of {source.FileName}; {Counted.Of(outcome.Suppressed, "cell")} suppressed");
        outcome = outcome with { Findings = [table, .. outcome.Findings] };
        if (!outcome.Released)
        {
            return (outcome, null);
        }

        await ReleasedTableWriter.WriteAsync(spec, build.Cells, outcome.Values, Path.Combine(outputFolder, spec.FileName), cancellationToken);
        return (outcome, ReleasedTableDescription.Describe(spec, source, build.Cells.Count));
    }

    private static TableOutcome Failed(AggregateTableSpec spec, string problem) =>
        new([new DisclosureFinding(spec.FileName, DisclosureRules.Build, DisclosureVerdict.Fail, $"the table could not be built: {problem}")], [], 0);
}
