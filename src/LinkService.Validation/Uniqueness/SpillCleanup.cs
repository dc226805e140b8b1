using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinkService.Validation.Uniqueness;

/// <summary>
/// At the service's start, before intake checks anything: spill folders in the service's own temp folder
/// (staging) were left by a check that a kill or crash interrupted, and hold hashes of identifiers. Nothing
/// else writes there with their names, and no check is running yet. Without a configured temp folder the
/// machine's shared one is used, where other processes' checks may be running: it is left alone.
/// </summary>
internal sealed class SpillCleanup : IHostedService
{
    private readonly ValidationOptions _options;
    private readonly ILogger<SpillCleanup> _logger;

    public SpillCleanup(IOptions<ValidationOptions> options, ILogger<SpillCleanup> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.TempDirectory is { } root && SpillFolders.RemoveAll(root) is > 0 and var removed)
        {
            Log.SpillFoldersRemoved(_logger, removed);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
