using LinkService.Configuration.Projects;
using LinkService.Linkage.Progress;

namespace LinkService.Linkage.Running;

/// <summary>
/// Runs a project's linkage on its inputs and writes links.csv, model.json, review.csv and quality.json into the run folder,
/// advancing <c>progress</c> (when given) stage by stage.
/// </summary>
public interface ILinkageRunner
{
    Task<LinkageRunResult> RunAsync(ProjectDefinition project, IReadOnlyList<LinkageInput> inputs, string runFolder, CancellationToken cancellationToken, ProgressTracker? progress = null);
}
