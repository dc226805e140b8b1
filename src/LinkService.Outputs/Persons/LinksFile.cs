using LinkService.Linkage.Running;
using LinkService.Outputs.Csv;

namespace LinkService.Outputs.Persons;

/// <summary>The run's linkage map (<see cref="RunFiles.Links"/>) as numbered records and clusters.</summary>
internal static class LinksFile
{
    public static LinkedRecords Read(string runFolder, CancellationToken cancellationToken)
    {
        var records = new LinkedRecordsBuilder();
        using var csv = OwnCsv.Open(Path.Combine(runFolder, RunFiles.Links), 4);
        while (csv.Read(cancellationToken))
        {
            records.Add(csv[0], csv[1], csv[2]);
        }

        return records.Build();
    }
}
