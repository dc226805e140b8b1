using LinkService.Linkage.Data;
using LinkService.Linkage.Running;

namespace LinkService.Outputs.Persons;

/// <summary>
/// Numbers the records and clusters of a linkage map as <see cref="LinkedRecords"/> orders them: the map in memory
/// (<see cref="Of"/>), or its file's rows (source, record key, entity) collected as they are read (<see cref="Add"/>,
/// then <see cref="Build"/>). Keys are kept as they come and sorted once; only entities the engine did not spell are
/// looked up as they come.
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

    /// <summary>One source's records as the map lists them: their keys and entities by arrival (an entity's number, or the complement of an interned id).</summary>
    private sealed record Listed(string Name, KeyColumn Keys, int[] Entity)
    {
        public int Count => Keys.Count;
    }

    public void Add(ReadOnlySpan<char> source, ReadOnlySpan<char> key, ReadOnlySpan<char> entity)
    {
        var s = SourceOf(source);
        _keys[s].Add(key);
        _entityOf[s].Add(EntityOf(entity));
    }

    /// <summary>The rows added, numbered; a record listed twice fails, its person being ambiguous.</summary>
    public LinkedRecords Build(CancellationToken cancellationToken)
    {
        var listed = _sources.Select((name, s) => new Listed(name, KeyColumn.Of(_keys[s].Count, i => _keys[s][i]), [.. _entityOf[s]])).ToArray();
        return Build(listed, _entities.Count, _mostNumbered, cancellationToken);
    }

    /// <summary>The linkage map a run holds in memory, numbered as its file would be.</summary>
    public static LinkedRecords Of(LinkageMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        var mostNumbered = -1;
        var listed = new List<Listed>();
        foreach (var name in map.Sources.Distinct(StringComparer.Ordinal))
        {
            // A source's records, wherever the map lists them (in one run each, unless a source came in two deliveries).
            var records = Enumerable.Range(0, map.Sources.Count).Where(s => map.Sources[s] == name)
                .SelectMany(s => Enumerable.Range(map.SourceStart(s), (s + 1 < map.Sources.Count ? map.SourceStart(s + 1) : map.Count) - map.SourceStart(s)))
                .ToArray();
            var entities = new int[records.Length];
            for (var i = 0; i < records.Length; i++)
            {
                entities[i] = map.Entity(records[i]);
                mostNumbered = Math.Max(mostNumbered, entities[i]);
            }

            listed.Add(new Listed(name, KeyColumn.Of(records.Length, i => map.RecordId(records[i])), entities));
        }

        return Build([.. listed], 0, mostNumbered, cancellationToken);
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

    private static LinkedRecords Build(Listed[] listed, int interned, int mostNumbered, CancellationToken cancellationToken)
    {
        var bySource = listed.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
        var count = bySource.Sum(s => s.Count);
        var sourceStart = new int[bySource.Length + 1];
        var entityOf = new int[count];
        var recordOfArrival = new int[bySource.Length][];
        var sorted = new KeyColumn[bySource.Length];
        var orders = new int[bySource.Length][];
        // Put into record order: the person map and the pseudonyms then read them in sequence, not all over memory.
        Parallel.For(0, bySource.Length, new ParallelOptions { CancellationToken = cancellationToken }, s => (orders[s], sorted[s]) = OrdinalOrder.Sort(bySource[s].Keys, cancellationToken));
        var record = 0;
        for (var s = 0; s < bySource.Length; s++)
        {
            var (source, order, keys) = (bySource[s], orders[s], sorted[s]);
            sourceStart[s] = record;
            recordOfArrival[s] = new int[source.Count];
            for (var i = 0; i < order.Length; i++)
            {
                if (i > 0 && keys[i].SequenceEqual(keys[i - 1]))
                {
                    throw new InvalidDataException($"The linkage map ({RunFiles.Links}) lists a record of source '{source.Name}' more than once; record keys must be unique within a source.");
                }

                recordOfArrival[s][order[i]] = record;
                entityOf[record++] = source.Entity[order[i]];
            }
        }

        sourceStart[^1] = record;
        var (clusterOf, clusterStart, members) = Clusters(entityOf, interned, mostNumbered);
        return new LinkedRecords(
            [.. bySource.Select(s => s.Name)], sorted, (s, arrival) => bySource[s].Keys[arrival], recordOfArrival, sourceStart, clusterOf, clusterStart, members);
    }

    /// <summary>A cluster per entity, numbered as its first record comes; its records, in record order, in one array.</summary>
    private static (int[] ClusterOf, int[] Start, int[] Members) Clusters(int[] entityOf, int interned, int mostNumbered)
    {
        var clusterOfEntity = new int[interned];
        var clusterOfNumber = new int[mostNumbered + 1];
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
