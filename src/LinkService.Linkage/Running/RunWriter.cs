using System.Text.Json;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Running;

/// <summary>Writes a run's private files: links.csv, review.csv, model.json and quality.json.</summary>
internal static class RunWriter
{
    // Relaxed escaping keeps '+' and '>=' legible for the custodian; these files are never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new(ConfigJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<(string Links, string Model, string Review, string Quality)> WriteAsync(LinkageOutcome outcome, LinkageSpec spec, string runFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(runFolder);
        var links = Path.Combine(runFolder, RunFiles.Links);
        var model = Path.Combine(runFolder, RunFiles.Model);
        var review = Path.Combine(runFolder, RunFiles.Review);
        var quality = Path.Combine(runFolder, RunFiles.Quality);
        LinksWriter.WriteLinks(outcome, links, cancellationToken);
        await LinksWriter.WriteReviewAsync(outcome, [.. spec.Comparisons.Select(c => c.Field)], [.. spec.Comparisons.Select(ModelDocument.LevelNames)], review, cancellationToken);
        await WriteJsonAsync(model, ModelDocument.From(outcome, spec), cancellationToken);
        await WriteJsonAsync(quality, outcome.Quality, cancellationToken);
        return (links, model, review, quality);
    }

    private static async Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        await using var stream = OwnFile.Create(path);
        await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
    }
}
