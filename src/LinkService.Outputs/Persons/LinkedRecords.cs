namespace LinkService.Outputs.Persons;

/// <summary>
/// A run's records and clusters, numbered: records in the order the person map is written in (source, then record
/// key, both ordinal), clusters in the order of their smallest record, each cluster's records smallest first. The
/// order the linkage map listed each source's records in (their arrival) is kept, with the keys in that order, so a
/// reading of a delivery in the same order finds its records by one comparison each, in sequence; any other is found
/// by a binary search (<see cref="FindArrived"/>). Built by <see cref="LinkedRecordsBuilder"/>.
/// </summary>
internal sealed class LinkedRecords(
    string[] sources, KeyColumn[] keys, Func<int, int, ReadOnlySpan<char>> arrivalKey, int[][] recordOfArrival, int[] sourceStart, int[] clusterOf, int[] clusterStart, int[] members)
{
    /// <summary>The sources, in ordinal order.</summary>
    public IReadOnlyList<string> Sources => sources;

    public int Count => clusterOf.Length;

    public int Clusters => clusterStart.Length - 1;

    /// <summary>The records of source <paramref name="source"/> are those from here to <see cref="SourceEnd"/>.</summary>
    public int SourceStart(int source) => sourceStart[source];

    public int SourceEnd(int source) => sourceStart[source + 1];

    /// <summary>The index of the source named <paramref name="name"/> among <see cref="Sources"/>, or −1.</summary>
    public int SourceIndex(ReadOnlySpan<char> name)
    {
        for (var s = 0; s < sources.Length; s++)
        {
            if (name.SequenceEqual(sources[s]))
            {
                return s;
            }
        }

        return -1;
    }

    public int SourceOf(int record)
    {
        var s = 0;
        while (record >= sourceStart[s + 1])
        {
            s++;
        }

        return s;
    }

    public ReadOnlySpan<char> Key(int record) => KeyOf(SourceOf(record), record);

    /// <summary>The record of source <paramref name="source"/> (an index into <see cref="Sources"/>) with that key, or −1.</summary>
    public int Find(int source, ReadOnlySpan<char> key)
    {
        var (low, high) = (sourceStart[source], sourceStart[source + 1] - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = KeyOf(source, middle).SequenceCompareTo(key);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    /// <summary>The record of source <paramref name="source"/> with that key: <paramref name="expected"/> when it is the one, else found.</summary>
    public int Find(int source, ReadOnlySpan<char> key, int expected) =>
        expected >= sourceStart[source] && expected < sourceStart[source + 1] && KeyOf(source, expected).SequenceEqual(key) ? expected : Find(source, key);

    /// <summary>
    /// The record of source <paramref name="source"/> with that key, where it is most likely the one the linkage map
    /// listed <paramref name="arrival"/>th among the source's records: that one when its key is the one, else found, or −1.
    /// </summary>
    public int FindArrived(int source, ReadOnlySpan<char> key, int arrival) =>
        arrival < recordOfArrival[source].Length && arrivalKey(source, arrival).SequenceEqual(key) ? recordOfArrival[source][arrival] : Find(source, key);

    public int ClusterOf(int record) => clusterOf[record];

    private ReadOnlySpan<char> KeyOf(int source, int record) => keys[source][record - sourceStart[source]];

    /// <summary>The cluster's records, smallest first.</summary>
    public ReadOnlySpan<int> Members(int cluster) => members.AsSpan(clusterStart[cluster], clusterStart[cluster + 1] - clusterStart[cluster]);
}
