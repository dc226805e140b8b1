using System.IO.Abstractions;
using System.Text.Json;
using LinkService.Intake.Storage;

namespace LinkService.Intake.Waiting;

/// <summary>
/// The files each source's last scan left waiting, published to the work area after every pass so that
/// <c>linkservice status</c>, another process, can say what waits and for how long.
/// </summary>
internal sealed class WaitingFiles(IFileSystem fileSystem, string reportPath, TimeProvider timeProvider)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SortedDictionary<string, IReadOnlyList<WaitingFile>> _bySource = new(StringComparer.Ordinal);
    private string? _published;

    public void Set(string source, IReadOnlyList<WaitingFile> files) => _bySource[source] = files;

    /// <summary>Writes the report if it changed since the last write.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        var files = _bySource.Values.SelectMany(f => f).ToList();
        var content = JsonSerializer.Serialize(files, Json);
        if (content == _published)
        {
            return;
        }

        var report = new WaitingReport(timeProvider.GetUtcNow(), files);
        await AtomicFile.WriteAllTextAsync(fileSystem, reportPath, JsonSerializer.Serialize(report, Json), cancellationToken);
        _published = content;
    }
}
