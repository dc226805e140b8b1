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
    /// <remarks>
    /// The pseudonyms are taken as their values and numbered in their order, not interned as they come: the map lists
    /// them in record order, so each one interned was a lookup in a table of millions, a wait on memory each, which
    /// took 1.5–2 s of the 3 s the map took to read at 1M × 3M. A person pseudonym is spelled one way only (a fixed
    /// length, Crockford's alphabet strictly), so the text spelled again from the value is the text read.
    /// </remarks>
    public static PreviousPersons Read(string path, LinkedRecords records, CancellationToken cancellationToken)
    {
        // A map lists each of the run's records once, most often: room for that many rows.
        var values = new List<UInt128>(records.Count);
        var recordOf = new List<int>(records.Count);
        using (var csv = OwnCsv.Open(path, 3))
        {
            var next = 0;
            while (csv.Read(cancellationToken))
            {
                // The value goes into the analysts' files, so an edited or torn map must not pass; nor is the value shown:
                // a damaged map could hold anything, an identifier included.
                if (!Pseudonymiser.TryReadPerson(csv[2], out var value))
                {
                    throw new InvalidDataException($"{Path.GetFileName(path)}: line {csv.Line}, field person_pseudonym, is not a person pseudonym; the previous run's person map is damaged or was altered");
                }

                var record = records.SourceIndex(csv[0]) is var s and >= 0 ? records.Find(s, csv[1], next) : -1;
                next = record >= 0 ? record + 1 : next;
                values.Add(value);
                recordOf.Add(record);
            }
        }

        var rows = new int[values.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        var sorted = Anonymising.RecordFileWriter.SortByValue(rows, i => values[i]);
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            distinct += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
        }

        var previous = new PreviousPersons(new SpanInterner(), new int[records.Count]);
        previous.Pseudonyms.EnsureCapacity(distinct, (long)distinct * Pseudonymiser.Length);
        Span<char> text = stackalloc char[Pseudonymiser.Length];
        for (int i = 0, id = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                Pseudonymiser.WritePerson(sorted[i], text);
                id = previous.Pseudonyms.Intern(text);
            }

            if (recordOf[rows[i]] is var record and >= 0)
            {
                previous.OfRecord[record] = id;
            }
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
