using LinkService.Linkage.Data;

namespace LinkService.Outputs.Persons;

/// <summary>
/// A run's records and clusters, numbered: records in the order the person map is written in (source, then record
/// key, both ordinal), clusters in the order of their smallest record, each cluster's records smallest first. A record
/// is found by its source and key without a string of its own (<see cref="Find"/>); built by <see cref="LinkedRecordsBuilder"/>.
/// </summary>
internal sealed class LinkedRecords
{
    private readonly SpanInterner[] _keys;
    private readonly int[][] _recordOfKey;
    private readonly int[] _sourceStart;
    private readonly int[] _keyOf;
    private readonly int[] _clusterOf;
    private readonly int[] _clusterStart;
    private readonly int[] _members;

    public LinkedRecords(string[] sources, SpanInterner[] keys, int[][] recordOfKey, int[] sourceStart, int[] keyOf, int[] clusterOf, int[] clusterStart, int[] members)
    {
        Sources = sources;
        _keys = keys;
        _recordOfKey = recordOfKey;
        _sourceStart = sourceStart;
        _keyOf = keyOf;
        _clusterOf = clusterOf;
        _clusterStart = clusterStart;
        _members = members;
    }

    /// <summary>The sources, in ordinal order.</summary>
    public IReadOnlyList<string> Sources { get; }

    public int Count => _keyOf.Length;

    public int Clusters => _clusterStart.Length - 1;

    /// <summary>The records of source <paramref name="source"/> are those from here to <see cref="SourceEnd"/>.</summary>
    public int SourceStart(int source) => _sourceStart[source];

    public int SourceEnd(int source) => _sourceStart[source + 1];

    /// <summary>The index of the source named <paramref name="name"/> among <see cref="Sources"/>, or −1.</summary>
    public int SourceIndex(ReadOnlySpan<char> name)
    {
        for (var s = 0; s < Sources.Count; s++)
        {
            if (name.SequenceEqual(Sources[s]))
            {
                return s;
            }
        }

        return -1;
    }

    public int SourceOf(int record)
    {
        var s = 0;
        while (record >= _sourceStart[s + 1])
        {
            s++;
        }

        return s;
    }

    public ReadOnlySpan<char> Key(int record) => _keys[SourceOf(record)][_keyOf[record]];

    /// <summary>The record of source <paramref name="source"/> (an index into <see cref="Sources"/>) with that key, or −1.</summary>
    public int Find(int source, ReadOnlySpan<char> key) => _keys[source].Lookup(key) is var id and > 0 ? _recordOfKey[source][id] : -1;

    public int ClusterOf(int record) => _clusterOf[record];

    /// <summary>The cluster's records, smallest first.</summary>
    public ReadOnlySpan<int> Members(int cluster) => _members.AsSpan(_clusterStart[cluster], _clusterStart[cluster + 1] - _clusterStart[cluster]);
}
