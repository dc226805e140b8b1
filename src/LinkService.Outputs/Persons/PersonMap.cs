using System.Runtime.CompilerServices;
using LinkService.Linkage.Running;

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
        var sources = records.Sources.Select(CsvText.Field).ToArray();
        CsvChunks.Write(partial, "source,record_key,person_pseudonym\n", records.Count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r, lines) =>
        {
            lines.Append(sources[records.SourceOf(r)]);
            lines.Append(',');
            lines.AppendField(records.Key(r));
            lines.Append(',');
            persons.Write(records.ClusterOf(r), lines);
            lines.Append('\n');
        }, cancellationToken);

        File.Move(partial, path, overwrite: true);
    }
}
