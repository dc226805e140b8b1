using System.IO.Abstractions;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Intake.Contract;
using LinkService.Intake.Processing;
using LinkService.Intake.Scanning.Writers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinkService.Intake.Hosting;

/// <summary>
/// Watches every source's drop folder and runs an intake pass on each hint, when a waiting file's quiet
/// period ends, and on every sweep asked of <see cref="IntakeSweeps"/> (by the service's scheduler every sweep interval).
/// Passes run one at a time, here, so a file is never taken twice at once.
/// </summary>
internal sealed partial class IntakeService : BackgroundService
{
    private readonly ConfigCatalog _catalog;
    private readonly ServicePaths _paths;
    private readonly IFileSystem _fileSystem;
    private readonly IntakeCycle _cycle;
    private readonly IWriterSignal _writers;
    private readonly IntakeSweeps _sweeps;
    private readonly IntakeOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<IntakeService> _logger;

    public IntakeService(ConfigCatalog catalog, ServicePaths paths, IFileSystem fileSystem, IntakeCycle cycle, IWriterSignal writers, IntakeSweeps sweeps, IOptions<IntakeOptions> options, TimeProvider timeProvider, ILogger<IntakeService> logger)
    {
        _catalog = catalog;
        _paths = paths;
        _fileSystem = fileSystem;
        _cycle = cycle;
        _writers = writers;
        _sweeps = sweeps;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // From the moment the service starts, not from its first pass: a file whose upload began in between would
        // otherwise count as one that was there before, and wait the fallback period.
        foreach (var source in _catalog.Sources.Keys)
        {
            _writers.Watch(_paths.InboxFolder(source));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        PrepareFolders();
        await new ContractPublisher(_catalog, _paths, _options.FallbackQuietPeriod, _logger).PublishAsync(stoppingToken);
        var hints = Channel.CreateBounded<string>(new BoundedChannelOptions(_options.HintCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        using var watchers = new DropWatchers(_fileSystem, hints.Writer, _logger);
        foreach (var source in _catalog.Sources.Keys)
        {
            watchers.Watch(source, _paths.InboxFolder(source));
        }

        // A close changes no size or time, so the folder watchers say nothing of it: the end of an upload wakes intake here.
        var sourceOf = _catalog.Sources.Keys.ToDictionary(_paths.InboxFolder, StringComparer.Ordinal);
        _writers.OnClosed(folder =>
        {
            if (sourceOf.TryGetValue(folder, out var source))
            {
                hints.Writer.TryWrite(source);
            }
        });

        Log.Started(_logger, _catalog.Sources.Count, _options.SweepInterval);
        if (_writers is NoWriterSignal)
        {
            Log.NoWriterSignal(_logger, _options.FallbackQuietPeriod);
        }

        // The first pass is a full one: whatever arrived while the service was stopped.
        IReadOnlySet<string>? only = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (watchers.RecreateFailed())
            {
                only = null;
            }

            // A full pass answers every sweep asked for before it began.
            var answered = only is null ? _sweeps.TakeWaiting() : [];
            DateTimeOffset? wake = null;
            try
            {
                wake = await _cycle.RunAsync(only, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The ledger or a folder is unavailable for now (a full disk, a share gone): try again at the next sweep.
                Log.PassFailed(_logger, exception);
            }
            finally
            {
                answered.ForEach(request => request.TrySetResult());
            }

            only = await WaitAsync(hints.Reader, wake, stoppingToken);
        }
    }

    /// <summary>
    /// Waits for a hint, a sweep asked for, or until <paramref name="until"/> (a waiting file's quiet period ends); returns
    /// the hinted sources, or null (all) for a sweep or when the time came.
    /// </summary>
    private async Task<IReadOnlySet<string>?> WaitAsync(ChannelReader<string> reader, DateTimeOffset? until, CancellationToken stoppingToken)
    {
        var delay = until is { } time ? time - _timeProvider.GetUtcNow() : Timeout.InfiniteTimeSpan;
        if (until is not null && delay <= TimeSpan.Zero)
        {
            return null;
        }

        using var timeout = until is null ? new CancellationTokenSource() : new CancellationTokenSource(delay, _timeProvider);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        var hint = reader.WaitToReadAsync(waiting.Token).AsTask();
        var sweep = _sweeps.Requests.WaitToReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(hint, sweep);

        // Neither wait is left behind on its channel.
        await waiting.CancelAsync();
        await Task.WhenAll(hint, sweep).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        stoppingToken.ThrowIfCancellationRequested();
        if (sweep.IsCompletedSuccessfully || !hint.IsCompletedSuccessfully)
        {
            return null;
        }

        try
        {
            // Gather the burst a single upload or a batch of files causes, rather than scanning once per event.
            var gather = until is null || _options.HintDelay < delay ? _options.HintDelay : delay;
            await Task.Delay(gather, _timeProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return null;
        }

        var hinted = new HashSet<string>(StringComparer.Ordinal);
        while (reader.TryRead(out var source))
        {
            hinted.Add(source);
        }

        return hinted;
    }

    /// <summary>Creates every folder intake uses and clears staging: a copy left there was interrupted and will be redone.</summary>
    private void PrepareFolders()
    {
        foreach (var source in _catalog.Sources.Keys)
        {
            try
            {
                _fileSystem.Directory.CreateDirectory(_paths.InboxFolder(source));
                _writers.Watch(_paths.InboxFolder(source));
                _fileSystem.Directory.CreateDirectory(_paths.OutboxFolder(source));
                _fileSystem.Directory.CreateDirectory(_paths.StoreFolder(source));
                _fileSystem.Directory.CreateDirectory(_paths.QuarantineFolder(source));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // One department's unusable folder must not stop intake for the others; its passes report it until it is fixed.
                Log.ScanFailed(_logger, exception, source);
            }
        }

        // Only intake's own copies (named by delivery id): other parts may keep scratch files in staging too.
        _fileSystem.Directory.CreateDirectory(_paths.StagingRoot);
        var leftovers = _fileSystem.Directory.GetFiles(_paths.StagingRoot).Where(f => StagingName().IsMatch(_fileSystem.Path.GetFileName(f))).ToList();
        foreach (var file in leftovers)
        {
            _fileSystem.File.Delete(file);
        }

        if (leftovers.Count > 0)
        {
            Log.StagingCleared(_logger, leftovers.Count);
        }
    }

    [GeneratedRegex(@"^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}(\.[A-Za-z0-9.]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex StagingName();
}
