using LinkService.Linkage.Running;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Persons;

/// <summary>
/// The run's linkage map as numbered records and clusters: the one the request holds in memory, where the linkage ran
/// in this process, else the run folder's <see cref="RunFiles.Links"/>.
/// </summary>
internal static class LinksFile
{
    public static LinkedRecords Read(OutputRequest request, CancellationToken cancellationToken) =>
        request.Map is { } map ? LinkedRecordsBuilder.Of(map, cancellationToken) : Read(request.RunFolder, cancellationToken);

    public static LinkedRecords Read(string runFolder, CancellationToken cancellationToken)
    {
        var records = new LinkedRecordsBuilder();
        using var csv = OwnCsv.Open(Path.Combine(runFolder, RunFiles.Links), 4);
        while (csv.Read(cancellationToken))
        {
            records.Add(csv[0], csv[1], csv[2]);
        }

        return records.Build(cancellationToken);
    }
}
