using System.Globalization;
using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Persons;

internal static partial class CarryForward
{
    /// <summary>
    /// The rule for records held by name: <paramref name="clusters"/> each a cluster's records, the previous run's map
    /// (record to pseudonym) where there is one; every record's person pseudonym comes back by name.
    /// </summary>
    public static PersonAssignment Assign(IReadOnlyList<RecordRef[]> clusters, IReadOnlyDictionary<RecordRef, string>? previous, Pseudonymiser pseudonyms)
    {
        var builder = new LinkedRecordsBuilder();
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var record in clusters[c])
            {
                builder.Add(record.Source, record.Key, c.ToString(CultureInfo.InvariantCulture));
            }
        }

        var records = builder.Build(CancellationToken.None);
        var assigned = Assign(records, previous is null ? null : PreviousPersons.Of(previous, records), pseudonyms, CancellationToken.None);
        var persons = new Dictionary<RecordRef, string>();
        for (var r = 0; r < records.Count; r++)
        {
            persons[new RecordRef(records.Sources[records.SourceOf(r)], records.Key(r).ToString())] = assigned.Of(records.ClusterOf(r));
        }

        return new PersonAssignment(persons, assigned.Carried, assigned.New, assigned.Retired);
    }
}

/// <summary>Every record's person pseudonym, and how many clusters carried one forward, got a new one, and previous pseudonyms no cluster took.</summary>
internal sealed record PersonAssignment(IReadOnlyDictionary<RecordRef, string> Persons, int Carried, int New, int Retired);
