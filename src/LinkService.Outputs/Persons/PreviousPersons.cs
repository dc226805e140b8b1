using LinkService.Linkage.Data;
using LinkService.Linkage.Running;
using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Persons;

/// <summary>
/// The previous run's person map as this run's records meet it: every pseudonym it gave (interned, ids from 1), and
/// for each of this run's records the id of the one it held (0 for a record that is new).
/// </summary>
internal sealed class PreviousPersons
{
    private PreviousPersons(SpanInterner pseudonyms, int[] ofRecord)
    {
        Pseudonyms = pseudonyms;
        OfRecord = ofRecord;
    }

    public SpanInterner Pseudonyms { get; }

    public int[] OfRecord { get; }

    /// <summary>Reads a person map (<see cref="PersonMap"/>) against <paramref name="records"/>.</summary>
    public static PreviousPersons Read(string path, LinkedRecords records, CancellationToken cancellationToken)
    {
        var previous = new PreviousPersons(new SpanInterner(), new int[records.Count]);
        using var csv = OwnCsv.Open(path, 3);
        var next = 0;
        while (csv.Read(cancellationToken))
        {
            // The value goes into the analysts' files, so an edited or torn map must not pass; nor is the value shown:
            // a damaged map could hold anything, an identifier included.
            if (!Pseudonymiser.TryReadPerson(csv[2], out _))
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: line {csv.Line}, field person_pseudonym, is not a person pseudonym; the previous run's person map is damaged or was altered");
            }

            next = previous.Add(records, csv[0], csv[1], csv[2], next);
        }

        return previous;
    }

    /// <summary>A person map held in memory, against <paramref name="records"/>.</summary>
    public static PreviousPersons Of(IReadOnlyDictionary<RecordRef, string> map, LinkedRecords records)
    {
        var previous = new PreviousPersons(new SpanInterner(), new int[records.Count]);
        foreach (var (record, pseudonym) in map)
        {
            previous.Add(records, record.Source, record.Key, pseudonym, 0);
        }

        return previous;
    }

    /// <summary>Adds a row; returns the record expected next, as a map written in record order lists them.</summary>
    private int Add(LinkedRecords records, ReadOnlySpan<char> source, ReadOnlySpan<char> key, ReadOnlySpan<char> pseudonym, int expected)
    {
        var id = Pseudonyms.Intern(pseudonym);
        if (records.SourceIndex(source) is var s and >= 0 && records.Find(s, key, expected) is var record and >= 0)
        {
            OfRecord[record] = id;
            return record + 1;
        }

        return expected;
    }
}
