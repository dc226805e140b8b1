using LinkService.Configuration.Projects;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;
using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs.Stages;

/// <summary>
/// The rows of a project's de-identified files, read from its deliveries while the run links them: reading them needs
/// nothing of the linkage, and the engine leaves a core idle for part of its time. Handed to the anonymise stage of the
/// same process (<see cref="OutputRequest.Rows"/>), which takes each file's rows once, where it is made from the same
/// deliveries; a resumed run, or a file they do not fit, reads its own.
/// </summary>
public sealed class PreparedRows : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly ProjectDefinition _project;
    private readonly string[][] _deliveries;
    private readonly Task<RecordFileRows>?[] _files;
    private readonly Task[] _all;

    private PreparedRows(ProjectDefinition project, IReadOnlyList<LinkageInput> inputs, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _project = project;
        var reading = ProgressTracker.None.Begin("anonymise", "records", null);
        var specs = project.Outputs?.Files ?? [];
        _deliveries = [.. specs.Select(spec => OutputFile.DeliveriesOf(spec, inputs))];

        // A file that cannot be made fails as its rows are read, and the anonymise stage reports it as its own.
        _files = [.. specs.Select(spec => RecordFileRows.Start(() => OutputFile.Of(spec, project, inputs), reading, _stop.Token))];
        _all = [.. _files.OfType<Task>()];
    }

    /// <summary>Starts reading the rows of every file <paramref name="project"/> outputs from <paramref name="inputs"/>, each on a thread of its own.</summary>
    public static PreparedRows Start(ProjectDefinition project, IReadOnlyList<LinkageInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(inputs);
        return new PreparedRows(project, inputs, cancellationToken);
    }

    /// <summary>
    /// The rows of the project's <paramref name="index"/>th output file, once, where they were read for this project
    /// from the deliveries <paramref name="file"/> is made from; else null.
    /// </summary>
    internal Task<RecordFileRows>? Take(ProjectDefinition project, int index, OutputFile file)
    {
        if (!ReferenceEquals(project, _project) || index >= _files.Length || !file.Deliveries.SequenceEqual(_deliveries[index], StringComparer.Ordinal))
        {
            return null;
        }

        return Interlocked.Exchange(ref _files[index], null);
    }

    /// <summary>Done when every file's rows have been read (or their reading failed).</summary>
    internal Task Read => Task.WhenAll(_all).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Stops any reading still going (the run failed before it needed them) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_all).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
