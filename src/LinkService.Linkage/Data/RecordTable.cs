namespace LinkService.Linkage.Data;

/// <summary>
/// Every record of a run in compact columns, sources one after another: records
/// <c>SourceStart[s]</c> to <c>SourceStart[s+1]-1</c> belong to source <c>s</c>.
/// </summary>
internal sealed class RecordTable
{
    public RecordTable(IReadOnlyList<string> sourceNames, int[] sourceStart, string[] recordIds, IReadOnlyDictionary<string, Column> columns)
    {
        SourceNames = sourceNames;
        SourceStart = sourceStart;
        RecordIds = recordIds;
        Columns = columns;
        Source = new byte[recordIds.Length];
        for (var s = 0; s < sourceNames.Count; s++)
        {
            Source.AsSpan(sourceStart[s], sourceStart[s + 1] - sourceStart[s]).Fill((byte)s);
        }
    }

    public IReadOnlyList<string> SourceNames { get; }

    public int[] SourceStart { get; }

    public byte[] Source { get; }

    public string[] RecordIds { get; }

    public IReadOnlyDictionary<string, Column> Columns { get; }

    public int Count => RecordIds.Length;

    public int SourceSize(int s) => SourceStart[s + 1] - SourceStart[s];

    public Column ColumnOrThrow(string field) =>
        Columns.TryGetValue(field, out var column) ? column : throw new InvalidOperationException($"No records carry the canonical field '{field}'.");
}
