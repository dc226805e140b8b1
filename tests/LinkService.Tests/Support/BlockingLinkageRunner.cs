using LinkService.Configuration.Projects;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;

namespace LinkService.Tests.Support;

/// <summary>
/// A linkage that runs until the test finishes it, or until its token is cancelled. It says it is in its compare
/// stage, <see cref="PairsDone"/> of <see cref="Pairs"/> candidate pairs done.
/// </summary>
internal sealed class BlockingLinkageRunner : ILinkageRunner
{
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the run folder once a run is under way.</summary>
    public Task<string> Started => _started.Task;

    public const long Pairs = 1000;

    public const long PairsDone = 250;

    public void Finish() => _finish.TrySetResult();

    public async Task<LinkageRunResult> RunAsync(ProjectDefinition project, IReadOnlyList<LinkageInput> inputs, string runFolder, CancellationToken cancellationToken, ProgressTracker? progress = null)
    {
        progress?.Begin("compare and score", "candidate pairs", Pairs).Advance(PairsDone);
        _started.TrySetResult(runFolder);
        await _finish.Task.WaitAsync(cancellationToken);
        return new LinkageRunResult(new Dictionary<string, int>(), 0, 0, 0, 0, "", "", "", "");
    }
}
