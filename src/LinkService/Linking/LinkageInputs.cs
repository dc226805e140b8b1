using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Projects;
using LinkService.Deliveries.SetAside;
using LinkService.Deliveries.Store;
using LinkService.Ledger;
using LinkService.Linkage.Running;

namespace LinkService.Linking;

/// <summary>The inputs of a run: the latest accepted delivery of each of a project's sources.</summary>
internal sealed record LinkageInputs(IReadOnlyList<LinkageInput> Inputs, string? Missing)
{
    public static async Task<LinkageInputs> LatestAcceptedAsync(ProjectDefinition project, ConfigCatalog catalog, ServicePaths paths, ILedger ledger, CancellationToken cancellationToken)
    {
        var inputs = new List<LinkageInput>();
        foreach (var sourceName in project.Sources)
        {
            var accepted = await ledger.GetAcceptedDeliveriesAsync(sourceName, 1, cancellationToken);
            var latest = accepted.Count > 0 ? accepted[0] : null;
            if (latest?.StoredPath is null)
            {
                return new LinkageInputs([], $"source '{sourceName}' has no accepted delivery yet");
            }

            var setAside = await SetAsideRows.ReadAsync(StoreFiles.SetAside(paths, sourceName, latest.Id), cancellationToken);
            inputs.Add(new LinkageInput(catalog.Sources[sourceName], latest.Id, latest.StoredPath, setAside));
        }

        return new LinkageInputs(inputs, null);
    }
}
