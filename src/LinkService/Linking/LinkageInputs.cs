using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Projects;
using LinkService.Deliveries.SetAside;
using LinkService.Deliveries.Store;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Linkage.Running;

namespace LinkService.Linking;

/// <summary>The inputs of a run: the latest accepted delivery of each of a project's sources, and those deliveries as the ledger records them.</summary>
internal sealed record LinkageInputs(IReadOnlyList<LinkageInput> Inputs, IReadOnlyList<Delivery> Deliveries, string? Missing)
{
    public static async Task<LinkageInputs> LatestAcceptedAsync(ProjectDefinition project, ConfigCatalog catalog, ServicePaths paths, ILedger ledger, CancellationToken cancellationToken)
    {
        var inputs = new List<LinkageInput>();
        var deliveries = new List<Delivery>();
        foreach (var sourceName in project.Sources)
        {
            var accepted = await ledger.GetAcceptedDeliveriesAsync(sourceName, 1, cancellationToken);
            var latest = accepted.Count > 0 ? accepted[0] : null;
            if (latest is null)
            {
                return new LinkageInputs([], [], $"source '{sourceName}' has no accepted delivery yet");
            }

            var setAside = await SetAsideRows.ReadAsync(StoreFiles.SetAside(paths, sourceName, latest.Id), cancellationToken);
            var file = StoreFiles.Delivery(paths, latest.Source, latest.Id, latest.OriginalName);

            // The reading checks the copy against the digest as it goes: the file is read once, not hashed and then read.
            inputs.Add(new LinkageInput(catalog.Sources[sourceName], latest.Id, file, setAside) { Digest = new StoredDigest(latest.Bytes, latest.Sha256) });
            deliveries.Add(latest);
        }

        return new LinkageInputs(inputs, deliveries, null);
    }
}
