using LinkService.Linkage.Running;
using System.Text;

namespace LinkService.Outputs.Persons;

/// <summary>
/// The private person map a run leaves in its run folder: every record's person pseudonym, which the next run
/// carries forward from. Holds record keys, so it never leaves the private work area.
/// </summary>
internal static class PersonMap
{
    public const string FileName = "persons.csv";

    public static string PathIn(string runFolder) => Path.Combine(runFolder, FileName);

    public static async Task<Dictionary<RecordRef, string>> ReadAsync(string runFolder, CancellationToken cancellationToken)
    {
        var map = new Dictionary<RecordRef, string>();
        await foreach (var cells in RunCsv.ReadAsync(PathIn(runFolder), 3, cancellationToken))
        {
            map[new RecordRef(cells[0], cells[1])] = cells[2];
        }

        return map;
    }

    /// <summary>Sorted by record, written beside and then moved over the old one, so a crash leaves the whole map or the old one.</summary>
    public static async Task WriteAsync(string runFolder, IReadOnlyDictionary<RecordRef, string> persons, CancellationToken cancellationToken)
    {
        var path = PathIn(runFolder);
        var partial = path + ".partial";
        await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\n";
            await writer.WriteLineAsync("source,record_key,person_pseudonym".AsMemory(), cancellationToken);
            foreach (var (record, person) in persons.OrderBy(p => p.Key))
            {
                await writer.WriteLineAsync($"{CsvText.Field(record.Source)},{CsvText.Field(record.Key)},{person}".AsMemory(), cancellationToken);
            }

            await writer.FlushAsync(cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
    }
}
