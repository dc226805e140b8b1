using LinkService.Outputs.Packaging.QualityReport;
using LinkService.Outputs.Stages;
using Microsoft.Extensions.Logging;

namespace LinkService.Outputs.Packaging;

/// <summary>
/// Finishes an output folder: the linkage quality report, then the data dictionary of every file, then
/// datapackage.json over everything, last, so its sizes and hashes cover every other file. Each file is rewritten
/// whole, so a resumed run packages the folder again. Deterministic for a given clock reading.
/// </summary>
internal sealed class OutputPackager(ILogger<OutputPackager> logger, TimeProvider timeProvider) : IOutputPackager
{
    public async Task PackageAsync(OutputRequest request, AnonymisedOutput output, DisclosureReport report, string outputFolder, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        request.Progress.Begin("package");
        var heading = PackageHeading.From(request, timeProvider.GetUtcNow());
        await QualityReportWriter.WriteAsync(request, heading, outputFolder, cancellationToken);

        IReadOnlyList<OutputTable> tables = [.. output.Files, .. report.Tables];
        var dictionary = DictionaryTable.For(tables.Sum(t => (long)t.Columns.Count) + DictionaryTable.Columns.Count);
        var files = OutputInventory.Describe(outputFolder, [.. tables, dictionary]);
        await DictionaryWriter.WriteAsync(outputFolder, heading, files, cancellationToken);
        await DataPackageWriter.WriteAsync(outputFolder, heading, files, output.Written.ToDictionary(w => w.Key, w => w.Value.File, StringComparer.Ordinal), cancellationToken);

        var elapsed = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        Log.Packaged(logger, request.Project.Name, request.RunId, files.Count + 1, elapsed);
    }
}
