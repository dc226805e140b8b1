using LinkService.Configuration.Projects.Linkage;

namespace LinkService.Linkage.Data;

/// <summary>
/// One column of a source as delivered: the canonical field it feeds, for dates its .NET format, and for a field of
/// the custodian's own the standardiser its schema declares.
/// </summary>
public sealed record SourceField(string Canonical, string? DateFormat = null, StandardiseAs Standardiser = StandardiseAs.Auto);

/// <summary>
/// A source's records as read, before standardisation: each raw column interned (each distinct raw
/// value is later standardised once), plus record ids. Filled by a reader; one per source.
/// </summary>
public sealed class SourceRecords
{
    private readonly RawColumn[] _columns;
    private readonly StringArena _recordIds = new();

    public SourceRecords(string name, IReadOnlyList<SourceField> fields)
    {
        Name = name;
        Fields = fields;
        _columns = [.. fields.Select(_ => new RawColumn())];
    }

    public string Name { get; }

    public IReadOnlyList<SourceField> Fields { get; }

    public int Count => _recordIds.Count;

    internal StringArena RecordIds => _recordIds;

    internal RawColumn Column(int field) => _columns[field];

    /// <summary>Adds one record; <paramref name="raw"/> holds one value per field, in <see cref="Fields"/> order (null or empty: missing).</summary>
    public void Add(ReadOnlySpan<char> recordId, ReadOnlySpan<string?> raw)
    {
        _recordIds.Add(recordId);
        for (var f = 0; f < _columns.Length; f++)
        {
            _columns[f].Add(f < raw.Length ? raw[f] : null);
        }
    }

    /// <summary>
    /// Adds <paramref name="rows"/> records from cells laid end to end in <paramref name="text"/>, a row's record id then
    /// one cell per field, cell <c>i</c> ending at <c>ends[i]</c> (and starting where cell <c>i - 1</c> ended). Each column
    /// is interned by one thread: columns are independent, and interning is most of the work of a reading.
    /// </summary>
    internal void Add(char[] text, int[] ends, int rows)
    {
        var width = _columns.Length + 1;
        Parallel.For(0, width, c =>
        {
            for (var i = c; i < rows * width; i += width)
            {
                var cell = text.AsSpan(i == 0 ? 0 : ends[i - 1], ends[i] - (i == 0 ? 0 : ends[i - 1]));
                if (c == 0)
                {
                    _recordIds.Add(cell);
                }
                else
                {
                    _columns[c - 1].Add(cell);
                }
            }
        });
    }

    internal sealed class RawColumn
    {
        private int[] _rows = new int[1024];

        /// <summary>The distinct raw values; id 0 is missing.</summary>
        public SpanInterner Distinct { get; } = new();

        public int Count { get; private set; }

        public ReadOnlySpan<int> Rows => _rows.AsSpan(0, Count);

        public void Add(string? raw) => Add(raw.AsSpan());

        public void Add(ReadOnlySpan<char> raw)
        {
            var id = raw.IsWhiteSpace() ? 0 : Distinct.Intern(raw);

            if (Count == _rows.Length)
            {
                Array.Resize(ref _rows, _rows.Length * 2);
            }

            _rows[Count++] = id;
        }
    }
}
