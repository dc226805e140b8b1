using LinkService.Configuration.Projects;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;

namespace LinkService.Outputs.Stages;

/// <summary>
/// What the stages after linkage work from: the project, the completed linkage run and its inputs.
/// </summary>
/// <param name="Project">The project, with its <c>outputs</c> section.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="RunFolder">The run's private folder: the linkage map and figures (<see cref="RunFiles"/>).</param>
/// <param name="Inputs">The accepted deliveries the run linked, read again through the one delivery reader.</param>
/// <param name="ProjectKey">The project's pseudonym key, derived from the master key; never written anywhere.</param>
/// <param name="PreviousRunFolder">The private folder of the project's last published run, whose person pseudonyms carry forward; null for a first run.</param>
public sealed record OutputRequest(
    ProjectDefinition Project,
    string RunId,
    string RunFolder,
    IReadOnlyList<LinkageInput> Inputs,
    ReadOnlyMemory<byte> ProjectKey,
    string? PreviousRunFolder)
{
    /// <summary>Where the stages say how far they have got: a stage each, advanced as records are written.</summary>
    public ProgressTracker Progress { get; init; } = ProgressTracker.None;

    /// <summary>
    /// The run's linkage map in memory, where the stages run in the process that linked it; null to read it from the
    /// run folder (<see cref="RunFiles.Links"/>), as a resumed run does. Either way the same records and entities.
    /// </summary>
    public LinkageMap? Map { get; init; }
}
