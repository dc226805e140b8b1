using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Projects;
using LinkService.Deliveries.SetAside;
using LinkService.Deliveries.Store;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Linkage.Running;

namespace LinkService.Linking;

/// <summary>The inputs of a run: the latest accepted delivery of each of a project's sources, and those deliveries as the ledger records them.</summary>
internal sealed record LinkageInputs(IReadOnlyList<LinkageInput> Inputs, IReadOnlyList<Delivery> Deliveries, string? Missing)
{
    public static async Task<LinkageInputs> LatestAcceptedAsync(ProjectDefinition project, ConfigCatalog catalog, ServicePaths paths, ILedger ledger, CancellationToken cancellationToken)
    {
        var deliveries = new List<Delivery>();
        foreach (var sourceName in project.Sources)
        {
            var accepted = await ledger.GetAcceptedDeliveriesAsync(sourceName, 1, cancellationToken);
            if (accepted.Count == 0)
            {
                return new LinkageInputs([], [], $"source '{sourceName}' has no accepted delivery yet");
            }

            deliveries.Add(accepted[0]);
        }

        return await OfAsync(deliveries, catalog, paths, cancellationToken);
    }

    /// <summary>The deliveries a recorded run linked, in its project's order of sources: what its later stages read again.</summary>
    public static async Task<LinkageInputs> OfRunAsync(LinkageRun run, ProjectDefinition project, ConfigCatalog catalog, ServicePaths paths, ILedger ledger, CancellationToken cancellationToken)
    {
        var deliveries = new List<Delivery>();
        foreach (var id in run.DeliveryIds)
        {
            deliveries.Add(await ledger.GetDeliveryAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Run {run.Id} names delivery {id}, which the ledger does not have."));
        }

        var order = project.Sources.ToList();
        return await OfAsync([.. deliveries.OrderBy(d => order.IndexOf(d.Source))], catalog, paths, cancellationToken);
    }

    private static async Task<LinkageInputs> OfAsync(IReadOnlyList<Delivery> deliveries, ConfigCatalog catalog, ServicePaths paths, CancellationToken cancellationToken)
    {
        var inputs = new List<LinkageInput>();
        foreach (var delivery in deliveries)
        {
            var setAside = await SetAsideRows.ReadAsync(StoreFiles.SetAside(paths, delivery.Source, delivery.Id), cancellationToken);
            var file = StoreFiles.Delivery(paths, delivery.Source, delivery.Id, delivery.OriginalName);

            // The reading checks the copy against the digest as it goes: the file is read once, not hashed and then read.
            inputs.Add(new LinkageInput(catalog.Sources[delivery.Source], delivery.Id, file, setAside) { Digest = new StoredDigest(delivery.Bytes, delivery.Sha256) });
        }

        return new LinkageInputs(inputs, deliveries, null);
    }
}
