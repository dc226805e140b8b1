using System.Text.Json;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using Microsoft.Extensions.Logging;

namespace LinkService.Linkage.Running;

/// <summary>Reads the deliveries (one task per delivery), runs the engine and writes the run's private files.</summary>
internal sealed class LinkageRunner(ILogger<LinkageRunner> logger, TimeProvider timeProvider) : ILinkageRunner
{
    private static readonly JsonSerializerOptions Json = new(ConfigJson.Options) { WriteIndented = true };

    public async Task<LinkageRunResult> RunAsync(ProjectDefinition project, IReadOnlyList<LinkageInput> inputs, string runFolder, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        Log.LinkageStarted(logger, project.Name, inputs.Count);
        var spec = project.Linkage;
        var ordered = inputs.OrderBy(i => project.Sources.ToList().IndexOf(i.Source.Name)).ThenBy(i => i.DeliveryId, StringComparer.Ordinal).ToList();
        var sources = await Task.WhenAll(ordered.Select(input => Task.Run(() => ReadOne(input, spec, cancellationToken), cancellationToken)));

        var table = RecordTableBuilder.Build(spec, sources);
        var outcome = await Task.Run(() => LinkageEngine.Run(spec, project.Mode, table, truth: null, cancellationToken), cancellationToken);
        foreach (var timing in outcome.Timings)
        {
            Log.StageCompleted(logger, timing.Stage, (long)timing.Duration.TotalMilliseconds);
        }

        foreach (var rule in outcome.Quality.BlockingRules.Where(r => r.SkippedBlocks > 0))
        {
            Log.BlocksSkipped(logger, rule.Rule, rule.SkippedBlocks, rule.SkippedRecords);
        }

        Directory.CreateDirectory(runFolder);
        var links = Path.Combine(runFolder, RunFiles.Links);
        var model = Path.Combine(runFolder, RunFiles.Model);
        var review = Path.Combine(runFolder, RunFiles.Review);
        var quality = Path.Combine(runFolder, RunFiles.Quality);
        await LinksWriter.WriteLinksAsync(outcome, links, cancellationToken);
        await LinksWriter.WriteReviewAsync(outcome, [.. spec.Comparisons.Select(c => c.Field)], [.. spec.Comparisons.Select(ModelDocument.LevelNames)], review, cancellationToken);
        await WriteJsonAsync(model, ModelDocument.From(outcome, spec), cancellationToken);
        await WriteJsonAsync(quality, outcome.Quality, cancellationToken);

        var q = outcome.Quality;
        var elapsed = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        Log.LinkageCompleted(logger, project.Name, q.PairsCompared, q.Links, q.Entities, q.ReviewPairs, elapsed);
        return new LinkageRunResult(q.RecordsPerSource, q.PairsCompared, q.Links, q.Entities, q.ReviewPairs, links, model, review, quality);
    }

    private SourceRecords ReadOne(LinkageInput input, Configuration.Projects.Linkage.LinkageSpec spec, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var records = DeliveryReader.Read(input, spec, cancellationToken);
        var elapsed = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        Log.DeliveryRead(logger, records.Count, input.Source.Name, input.DeliveryId, elapsed);
        return records;
    }

    private static async Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
    }
}
