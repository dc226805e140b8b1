using LinkService.Configuration.Projects;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Progress;
using Microsoft.Extensions.Logging;

namespace LinkService.Linkage.Running;

/// <summary>
/// Reads the deliveries (one task per delivery, each checking its stored copy's digest as it reads), runs the engine
/// and writes the run's private files. Nothing is standardised or written until every delivery has been read whole.
/// </summary>
internal sealed class LinkageRunner(ILogger<LinkageRunner> logger, TimeProvider timeProvider) : ILinkageRunner
{
    public async Task<LinkageRunResult> RunAsync(ProjectDefinition project, IReadOnlyList<LinkageInput> inputs, string runFolder, CancellationToken cancellationToken, ProgressTracker? progress = null)
    {
        var started = timeProvider.GetTimestamp();
        Log.LinkageStarted(logger, project.Name, inputs.Count);
        var spec = project.Linkage;
        var ordered = inputs.OrderBy(i => project.Sources.ToList().IndexOf(i.Source.Name)).ThenBy(i => i.DeliveryId, StringComparer.Ordinal).ToList();
        progress ??= ProgressTracker.None;
        var reading = progress.Begin("read", "records", null);
        var sources = await Task.WhenAll(ordered.Select(input => Task.Run(() => ReadOne(input, spec, reading, cancellationToken), cancellationToken)));

        var standardising = timeProvider.GetTimestamp();
        var table = RecordTableBuilder.Build(spec, sources, cancellationToken, progress);
        var standardised = (long)timeProvider.GetElapsedTime(standardising).TotalMilliseconds;
        Log.StageCompleted(logger, "standardise", standardised);
        var outcome = await Task.Run(() => LinkageEngine.Run(spec, project.Mode, table, truth: null, cancellationToken, progress), cancellationToken);
        foreach (var timing in outcome.Timings)
        {
            Log.StageCompleted(logger, timing.Stage, (long)timing.Duration.TotalMilliseconds);
        }

        foreach (var rule in outcome.Quality.BlockingRules.Where(r => r.SkippedBlocks > 0))
        {
            Log.BlocksSkipped(logger, rule.Rule, rule.SkippedBlocks, rule.SkippedRecords);
        }

        var writing = timeProvider.GetTimestamp();
        progress.Begin("write");
        var (links, model, review, quality) = await RunWriter.WriteAsync(outcome, spec, runFolder, cancellationToken);
        var written = (long)timeProvider.GetElapsedTime(writing).TotalMilliseconds;
        Log.StageCompleted(logger, "write", written);

        var q = outcome.Quality;
        var elapsed = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        Log.LinkageCompleted(logger, project.Name, q.PairsCompared, q.Links, q.Entities, q.ReviewPairs, elapsed);
        return new LinkageRunResult(q.RecordsPerSource, q.PairsCompared, q.Links, q.Entities, q.ReviewPairs, links, model, review, quality)
        {
            Map = new LinkageMap(outcome.Table, outcome.Entity),
        };
    }

    private SourceRecords ReadOne(LinkageInput input, Configuration.Projects.Linkage.LinkageSpec spec, StageProgress reading, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var records = SourceRecordsReader.Read(input, spec, cancellationToken, reading);
        var elapsed = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        Log.DeliveryRead(logger, records.Count, input.Source.Name, input.DeliveryId, elapsed);
        return records;
    }
}
