using System.Collections.Concurrent;
using System.IO.Abstractions;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Hosting;

/// <summary>
/// One watcher per drop folder, each turning any change into a hint (the source's name) on a bounded
/// channel. Hints may be lost; the sweep is what guarantees every file is found.
/// </summary>
internal sealed class DropWatchers : IDisposable
{
    private readonly IFileSystem _fileSystem;
    private readonly ChannelWriter<string> _hints;
    private readonly ILogger _logger;
    private readonly Dictionary<string, (string Folder, IFileSystemWatcher? Watcher)> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failed = new();

    public DropWatchers(IFileSystem fileSystem, ChannelWriter<string> hints, ILogger logger)
    {
        _fileSystem = fileSystem;
        _hints = hints;
        _logger = logger;
    }

    public void Watch(string source, string folder)
    {
        if (_watchers.TryGetValue(source, out var old))
        {
            old.Watcher?.Dispose();
        }

        _watchers[source] = (folder, Create(source, folder));
    }

    /// <summary>Recreates the watchers that reported an error; true if there were any, so that the caller rescans.</summary>
    public bool RecreateFailed()
    {
        var any = false;
        while (_failed.TryDequeue(out var source))
        {
            Watch(source, _watchers[source].Folder);
            any = true;
        }

        return any;
    }

    public void Dispose()
    {
        foreach (var (_, watcher) in _watchers.Values)
        {
            watcher?.Dispose();
        }
    }

    private IFileSystemWatcher? Create(string source, string folder)
    {
        try
        {
            var watcher = _fileSystem.FileSystemWatcher.New(folder);
            watcher.IncludeSubdirectories = false;
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.LastWrite;
            watcher.InternalBufferSize = 64 * 1024;
            watcher.Created += (_, _) => _hints.TryWrite(source);
            watcher.Changed += (_, _) => _hints.TryWrite(source);
            watcher.Renamed += (_, _) => _hints.TryWrite(source);
            watcher.Error += (_, e) =>
            {
                Log.WatcherFailed(_logger, e.GetException(), source);
                _failed.Enqueue(source);
                _hints.TryWrite(source);
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Some shares cannot be watched at all, nor a folder the service may not read; the sweep alone still finds every file.
            Log.WatcherFailed(_logger, exception, source);
            return null;
        }
    }
}
