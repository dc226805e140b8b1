using System.Threading.Channels;

namespace LinkService.Intake.Hosting;

/// <summary>
/// Asks intake for a full sweep: a pass over every drop folder, whatever the watchers said (the scan is the truth).
/// The service's scheduler asks every <see cref="IntakeOptions.SweepInterval"/> (a Quartz job); intake hosted without
/// one asks itself (<see cref="PeriodicSweep"/>). Passes still run one at a time, in intake's own loop.
/// </summary>
public sealed class IntakeSweeps
{
    private readonly Channel<TaskCompletionSource> _requests = Channel.CreateUnbounded<TaskCompletionSource>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes once a full pass that began after this call has ended.</summary>
    public Task SweepAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Writer.TryWrite(done);
        return done.Task.WaitAsync(cancellationToken);
    }

    internal ChannelReader<TaskCompletionSource> Requests => _requests.Reader;

    /// <summary>Takes the requests waiting now: the pass about to run answers them all.</summary>
    internal List<TaskCompletionSource> TakeWaiting()
    {
        var waiting = new List<TaskCompletionSource>();
        while (_requests.Reader.TryRead(out var request))
        {
            waiting.Add(request);
        }

        return waiting;
    }
}
