using System.Runtime.InteropServices;
using LinkService.Linkage.Data;

namespace LinkService.Outputs.Persons;

/// <summary>
/// Collects the rows of a linkage map (source, record key, entity) as they are read, then numbers records and
/// clusters as <see cref="LinkedRecords"/> orders them.
/// </summary>
internal sealed class LinkedRecordsBuilder
{
    private readonly List<string> _sources = [];
    private readonly List<SpanInterner> _keys = [];
    private readonly List<List<int>> _entityOfKey = [];
    private readonly SpanInterner _entities = new();
    private int _lastSource = -1;

    /// <summary>Adds a record of an entity; false, adding nothing, when the record is there already (its person would be ambiguous).</summary>
    public bool TryAdd(ReadOnlySpan<char> source, ReadOnlySpan<char> key, ReadOnlySpan<char> entity)
    {
        var s = SourceOf(source);
        var keys = _keys[s];
        var before = keys.Count;
        if (keys.Intern(key) != before)
        {
            return false;
        }

        _entityOfKey[s].Add(_entities.Intern(entity));
        return true;
    }

    public LinkedRecords Build()
    {
        var bySource = Enumerable.Range(0, _sources.Count).OrderBy(s => _sources[s], StringComparer.Ordinal).ToArray();
        var count = _entityOfKey.Sum(e => e.Count);
        var sourceStart = new int[bySource.Length + 1];
        var keyOf = new int[count];
        var entityOf = new int[count];
        var recordOfKey = new int[bySource.Length][];
        var record = 0;
        for (var s = 0; s < bySource.Length; s++)
        {
            var from = bySource[s];
            sourceStart[s] = record;
            recordOfKey[s] = new int[_keys[from].Count];
            var entities = CollectionsMarshal.AsSpan(_entityOfKey[from]);
            foreach (var id in OrdinalOrder.Of(_keys[from]))
            {
                recordOfKey[s][id] = record;
                keyOf[record] = id;
                entityOf[record++] = entities[id - 1];
            }
        }

        sourceStart[^1] = record;
        var (clusterOf, clusterStart, members) = Clusters(entityOf);
        return new LinkedRecords([.. bySource.Select(s => _sources[s])], [.. bySource.Select(s => _keys[s])], recordOfKey, sourceStart, keyOf, clusterOf, clusterStart, members);
    }

    /// <summary>A cluster per entity, numbered as its first record comes; its records, in record order, in one array.</summary>
    private (int[] ClusterOf, int[] Start, int[] Members) Clusters(int[] entityOf)
    {
        var clusterOfEntity = new int[_entities.Count];
        var clusterOf = new int[entityOf.Length];
        var sizes = new List<int>();
        for (var r = 0; r < entityOf.Length; r++)
        {
            ref var cluster = ref clusterOfEntity[entityOf[r]];
            if (cluster == 0)
            {
                sizes.Add(0);
                cluster = sizes.Count;
            }

            clusterOf[r] = cluster - 1;
            sizes[cluster - 1]++;
        }

        var start = new int[sizes.Count + 1];
        for (var c = 0; c < sizes.Count; c++)
        {
            start[c + 1] = start[c] + sizes[c];
        }

        var members = new int[entityOf.Length];
        var next = start[..^1];
        for (var r = 0; r < entityOf.Length; r++)
        {
            members[next[clusterOf[r]]++] = r;
        }

        return (clusterOf, start, members);
    }

    private int SourceOf(ReadOnlySpan<char> source)
    {
        if (_lastSource >= 0 && source.SequenceEqual(_sources[_lastSource]))
        {
            return _lastSource;
        }

        for (_lastSource = 0; _lastSource < _sources.Count; _lastSource++)
        {
            if (source.SequenceEqual(_sources[_lastSource]))
            {
                return _lastSource;
            }
        }

        _sources.Add(source.ToString());
        _keys.Add(new SpanInterner());
        _entityOfKey.Add([]);
        return _lastSource;
    }
}
