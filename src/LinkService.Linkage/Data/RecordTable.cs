namespace LinkService.Linkage.Data;

/// <summary>
/// Every record of a run in compact columns, sources one after another: records
/// <c>SourceStart[s]</c> to <c>SourceStart[s+1]-1</c> belong to source <c>s</c>.
/// </summary>
internal sealed class RecordTable
{
    private readonly IReadOnlyList<StringArena> _recordIds;

    public RecordTable(IReadOnlyList<string> sourceNames, int[] sourceStart, IReadOnlyList<StringArena> recordIds, IReadOnlyDictionary<string, Column> columns)
    {
        SourceNames = sourceNames;
        SourceStart = sourceStart;
        _recordIds = recordIds;
        Columns = columns;
        Count = sourceStart[^1];
        Source = new byte[Count];
        for (var s = 0; s < sourceNames.Count; s++)
        {
            Source.AsSpan(sourceStart[s], sourceStart[s + 1] - sourceStart[s]).Fill((byte)s);
        }
    }

    public IReadOnlyList<string> SourceNames { get; }

    public int[] SourceStart { get; }

    public byte[] Source { get; }

    public IReadOnlyDictionary<string, Column> Columns { get; }

    public int Count { get; }

    public int SourceSize(int s) => SourceStart[s + 1] - SourceStart[s];

    /// <summary>The record's id in its source (its key column).</summary>
    public ReadOnlySpan<char> RecordId(int record)
    {
        var s = Source[record];
        return _recordIds[s][record - SourceStart[s]];
    }

    /// <summary>Source <paramref name="source"/>'s record ids, in record order.</summary>
    public StringArena RecordIds(int source) => _recordIds[source];

    public Column ColumnOrThrow(string field) =>
        Columns.TryGetValue(field, out var column) ? column : throw new InvalidOperationException($"No records carry the canonical field '{field}'.");
}
