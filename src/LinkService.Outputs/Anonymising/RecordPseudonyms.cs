using LinkService.Linkage.Running;
using LinkService.Outputs.Persons;
using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// Each record's pseudonym in a de-identified file: its value, which orders the file's rows (the characters sort as the
/// values do), and its characters. Rows given as text (<see cref="OutputRow"/>) bring their own: values are then their
/// ordinal ranks.
/// </summary>
internal sealed class RecordPseudonyms(UInt128[] values, string[]? texts = null)
{
    /// <summary>The pseudonyms of the records of source <paramref name="source"/> (by record less the source's first), made on every core.</summary>
    public static RecordPseudonyms Of(LinkedRecords records, int source, Pseudonymiser pseudonyms, CancellationToken cancellationToken)
    {
        if (source < 0)
        {
            return new([]);
        }

        var first = records.SourceStart(source);
        var name = records.Sources[source];
        var values = new UInt128[records.SourceEnd(source) - first];
        pseudonyms.Records(values, (int i, out ReadOnlySpan<char> source, out ReadOnlySpan<char> key) =>
        {
            source = name;
            key = records.Key(first + i);
            return true;
        }, cancellationToken);
        return new(values);
    }

    public UInt128 ValueOf(int record) => values[record];

    /// <summary>Starts fetching a record's pseudonym into the cache (<see cref="Linkage.Data.CacheFetch"/>).</summary>
    public void Fetch(int record) => Linkage.Data.CacheFetch.Ahead(values, record);

    /// <summary>Writes the pseudonym whose value is <paramref name="value"/>.</summary>
    public void Write(UInt128 value, CsvLines lines)
    {
        if (texts is not null)
        {
            lines.Append(texts[(int)value]);
            return;
        }

        Pseudonymiser.WriteRecord(value, lines.Room(Pseudonymiser.Length));
        lines.Advance(Pseudonymiser.Length);
    }
}
