using System.Text.Json;
using LinkService.Configuration.Loading;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Running;

namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>
/// Reads a run's figures from its private folder: quality.json and model.json, nothing else. links.csv and
/// review.csv hold record ids and are never opened here.
/// </summary>
internal static class RunFigures
{
    // model.json carries more than the report shows (training figures); the rest is skipped, not refused.
    private static readonly JsonSerializerOptions ModelOptions = new(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = false };

    public static async Task<(LinkageQuality Quality, RunModel Model)> ReadAsync(string runFolder, CancellationToken cancellationToken)
    {
        var quality = await ReadAsync<LinkageQuality>(Path.Combine(runFolder, RunFiles.Quality), ConfigJson.Options, cancellationToken);
        var model = await ReadAsync<RunModel>(Path.Combine(runFolder, RunFiles.Model), ModelOptions, cancellationToken);
        return (quality, model);
    }

    private static async Task<T> ReadAsync<T>(string path, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, options, cancellationToken)
            ?? throw new InvalidDataException($"'{path}' holds no figures.");
    }
}
