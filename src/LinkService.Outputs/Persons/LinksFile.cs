using LinkService.Linkage.Running;

namespace LinkService.Outputs.Persons;

/// <summary>The run's linkage map (<see cref="RunFiles.Links"/>) as clusters: each entity's records, smallest first.</summary>
internal static class LinksFile
{
    public static async Task<IReadOnlyList<RecordRef[]>> ReadClustersAsync(string runFolder, CancellationToken cancellationToken)
    {
        var entities = new Dictionary<string, List<RecordRef>>(StringComparer.Ordinal);
        await foreach (var cells in RunCsv.ReadAsync(Path.Combine(runFolder, RunFiles.Links), 4, cancellationToken))
        {
            if (!entities.TryGetValue(cells[2], out var members))
            {
                entities[cells[2]] = members = [];
            }

            members.Add(new RecordRef(cells[0], cells[1]));
        }

        var clusters = entities.Values.Select(m => m.Order().ToArray()).ToList();
        clusters.Sort((a, b) => a[0].CompareTo(b[0]));
        return clusters;
    }
}
