using System.Runtime.InteropServices;
using LinkService.Linkage.Data;
using LinkService.Linkage.Running;

namespace LinkService.Outputs.Persons;

/// <summary>
/// Collects the rows of a linkage map (source, record key, entity) as they are read, then numbers records and
/// clusters as <see cref="LinkedRecords"/> orders them. Keys are kept as they come and sorted once; only entities
/// are looked up as they come.
/// </summary>
internal sealed class LinkedRecordsBuilder
{
    private readonly List<string> _sources = [];
    private readonly List<StringArena> _keys = [];
    private readonly List<List<int>> _entityOf = [];
    private readonly SpanInterner _entities = new();
    private int _lastSource = -1;
    private int _mostNumbered = -1;

    /// <summary>Entity ids as the engine writes them (E and nine digits) up to this are taken as numbers, not interned.</summary>
    private const int MostNumbered = 1 << 25;

    public void Add(ReadOnlySpan<char> source, ReadOnlySpan<char> key, ReadOnlySpan<char> entity)
    {
        var s = SourceOf(source);
        _keys[s].Add(key);
        _entityOf[s].Add(EntityOf(entity));
    }

    /// <summary>
    /// An entity: the number of an id as the engine spells them (E and nine digits: one spelling a number, so equal
    /// numbers are equal ids), else the complement of its interned id. Millions of ids cost no hashing this way.
    /// </summary>
    private int EntityOf(ReadOnlySpan<char> entity)
    {
        if (entity.Length == 10 && entity[0] == 'E' && !entity[1..].ContainsAnyExceptInRange('0', '9')
            && int.Parse(entity[1..], System.Globalization.CultureInfo.InvariantCulture) is var number and < MostNumbered)
        {
            _mostNumbered = Math.Max(_mostNumbered, number);
            return number;
        }

        return ~_entities.Intern(entity);
    }

    /// <summary>The records, numbered; a record listed twice fails, its person being ambiguous.</summary>
    public LinkedRecords Build()
    {
        var bySource = Enumerable.Range(0, _sources.Count).OrderBy(s => _sources[s], StringComparer.Ordinal).ToArray();
        var count = _entityOf.Sum(e => e.Count);
        var sourceStart = new int[bySource.Length + 1];
        var entityOf = new int[count];
        var recordOfArrival = new int[bySource.Length][];
        var orders = new int[bySource.Length][];
        Parallel.For(0, bySource.Length, s => orders[s] = OrdinalOrder.Of(_keys[bySource[s]].Count, i => _keys[bySource[s]][i]));
        var record = 0;
        var sorted = new StringArena[bySource.Length];
        for (var s = 0; s < bySource.Length; s++)
        {
            // Copied into record order: the person map and the pseudonyms then read them in sequence, not all over memory.
            var keys = _keys[bySource[s]];
            var inOrder = sorted[s] = new StringArena();
            var entities = CollectionsMarshal.AsSpan(_entityOf[bySource[s]]);
            sourceStart[s] = record;
            recordOfArrival[s] = new int[keys.Count];
            var order = orders[s];
            for (var i = 0; i < order.Length; i++)
            {
                var key = keys[order[i]];
                if (i > 0 && key.SequenceEqual(inOrder[i - 1]))
                {
                    throw new InvalidDataException($"The linkage map ({RunFiles.Links}) lists a record of source '{_sources[bySource[s]]}' more than once; record keys must be unique within a source.");
                }

                inOrder.Add(key);
                recordOfArrival[s][order[i]] = record;
                entityOf[record++] = entities[order[i]];
            }
        }

        sourceStart[^1] = record;
        var (clusterOf, clusterStart, members) = Clusters(entityOf);
        return new LinkedRecords(
            [.. bySource.Select(s => _sources[s])], sorted, recordOfArrival, sourceStart, clusterOf, clusterStart, members);
    }

    /// <summary>A cluster per entity, numbered as its first record comes; its records, in record order, in one array.</summary>
    private (int[] ClusterOf, int[] Start, int[] Members) Clusters(int[] entityOf)
    {
        var clusterOfEntity = new int[_entities.Count];
        var clusterOfNumber = new int[_mostNumbered + 1];
        var clusterOf = new int[entityOf.Length];
        var sizes = new List<int>();
        for (var r = 0; r < entityOf.Length; r++)
        {
            var entity = entityOf[r];
            ref var cluster = ref entity >= 0 ? ref clusterOfNumber[entity] : ref clusterOfEntity[~entity];
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
        _keys.Add(new StringArena());
        _entityOf.Add([]);
        return _lastSource;
    }
}
