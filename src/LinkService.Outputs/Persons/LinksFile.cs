using System.Globalization;
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
            if (!records.TryAdd(csv[0], csv[1], csv[2]))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{RunFiles.Links}: line {csv.Line} lists a record an earlier line lists; record keys must be unique within a source"));
            }
        }

        return records.Build();
    }
}
