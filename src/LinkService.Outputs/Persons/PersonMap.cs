using LinkService.Linkage.Running;
using LinkService.Outputs.Csv;

namespace LinkService.Outputs.Persons;

/// <summary>
/// The private person map a run leaves in its run folder: every record's person pseudonym, which the next run
/// carries forward from. Holds record keys, so it never leaves the private work area.
/// </summary>
internal static class PersonMap
{
    public const string FileName = "persons.csv";

    public static string PathIn(string runFolder) => Path.Combine(runFolder, FileName);

    public static PreviousPersons Read(string runFolder, LinkedRecords records, CancellationToken cancellationToken) =>
        PreviousPersons.Read(PathIn(runFolder), records, cancellationToken);

    /// <summary>Sorted by record, written beside and then moved over the old one, so a crash leaves the whole map or the old one.</summary>
    public static void Write(string runFolder, LinkedRecords records, PersonPseudonyms persons, CancellationToken cancellationToken)
    {
        var path = PathIn(runFolder);
        var partial = path + ".partial";
        using (var lines = new CsvLines(new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)))
        {
            lines.Append("source,record_key,person_pseudonym\n");
            for (var s = 0; s < records.Sources.Count; s++)
            {
                var source = CsvText.Field(records.Sources[s]);
                for (var r = records.SourceStart(s); r < records.SourceEnd(s); r++)
                {
                    if ((r & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    lines.Append(source);
                    lines.Append(',');
                    lines.AppendField(records.Key(r));
                    lines.Append(',');
                    persons.Write(records.ClusterOf(r), lines);
                    lines.Append('\n');
                }
            }
        }

        File.Move(partial, path, overwrite: true);
    }
}
