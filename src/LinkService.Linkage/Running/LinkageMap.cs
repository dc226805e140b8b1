using LinkService.Linkage.Data;

namespace LinkService.Linkage.Running;

/// <summary>
/// A run's private linkage map in memory: every input record (its source and record id) and the entity it was
/// placed in, in the order <see cref="RunFiles.Links"/> lists them. The output stages take it from here when they
/// run in the process that linked, rather than parse the file it was just written to; a resumed run reads the file.
/// Both are made from the same outcome (<see cref="LinksWriter"/>), so they hold the same facts.
/// </summary>
/// <remarks>
/// Holds the table's record ids and the entities, not the table: its standardised columns are the engine's, and
/// garbage once the run is linked.
/// </remarks>
public sealed class LinkageMap
{
    private readonly string[] _sources;
    private readonly int[] _sourceStart;
    private readonly StringArena[] _recordIds;
    private readonly int[] _entity;

    internal LinkageMap(RecordTable table, int[] entity)
    {
        _sources = [.. table.SourceNames];
        _sourceStart = [.. table.SourceStart];
        _recordIds = [.. Enumerable.Range(0, _sources.Length).Select(table.RecordIds)];
        _entity = entity;
    }

    /// <summary>The sources, in the order the map lists their records.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>The records of source <paramref name="source"/> are those from here to the next source's start (the last: <see cref="Count"/>).</summary>
    public int SourceStart(int source) => _sourceStart[source];

    public int Count => _sourceStart[^1];

    /// <summary>The record's id in its source (its key column).</summary>
    public ReadOnlySpan<char> RecordId(int record)
    {
        var source = SourceOf(record);
        return _recordIds[source][record - _sourceStart[source]];
    }

    /// <summary>The number of the entity the record was placed in: the digits of its entity id in links.csv.</summary>
    public int Entity(int record) => _entity[record];

    private int SourceOf(int record)
    {
        var source = 0;
        while (record >= _sourceStart[source + 1])
        {
            source++;
        }

        return source;
    }
}
