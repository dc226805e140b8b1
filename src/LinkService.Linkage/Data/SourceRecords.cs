using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Makes room for <paramref name="records"/> records in all, their ids and listed values as long on average as those
    /// added so far: a reading that knows how many rows are coming (roughly) grows no array by copying it, where columns
    /// doubled their way to millions, each step a new large array for the garbage collector.
    /// </summary>
    internal void Reserve(int records)
    {
        _recordIds.Reserve(records);
        foreach (var column in _columns)
        {
            column.Reserve(records);
        }
    }

    /// <summary>The room over <paramref name="count"/> that is kept rather than copied away: an eighth.</summary>
    internal static int Slack(int count) => count + (count / 8) + 1024;

    /// <summary>
    /// Gives back the room <see cref="Reserve"/> made for records that never came. The reading reserves from its first
    /// rows' length: a delivery whose early rows are short and later ones long would otherwise keep columns several
    /// times their rows through standardising.
    /// </summary>
    internal void TrimExcess()
    {
        foreach (var column in _columns)
        {
            column.TrimExcess();
        }

        _recordIds.TrimExcess();
    }

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
        Parallel.For(0, width, Workers.Options(), c => AddColumn(c, text, ends, rows, width));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddColumn(int c, char[] text, int[] ends, int rows, int width)
    {
        for (var i = c; i < rows * width; i += width)
        {
            var start = i == 0 ? 0 : ends[i - 1];
            var cell = text.AsSpan(start, ends[i] - start);
            if (c == 0)
            {
                _recordIds.Add(cell);
            }
            else
            {
                _columns[c - 1].Add(cell);
            }
        }
    }

    /// <summary>
    /// A column's raw values, each row an id of one of them (0: missing). Values are interned, so that each distinct one
    /// is standardised once; but a column whose values hardly repeat (postcodes, NI numbers: 1.8M distinct in 3M rows) is
    /// listed row by row instead, once its first rows show it: interning it took a lookup in a table of millions a row,
    /// most of a reading's time, and spared few standardisings. Either way the values are kept in first-seen order, so
    /// what standardising makes of a column, and the ids it gives out, do not depend on the way it was kept.
    /// </summary>
    internal sealed class RawColumn
    {
        /// <summary>The rows after which a column is listed if nearly all the values in them were distinct.</summary>
        private const int Checkpoint = 1 << 16;

        private int[] _rows = new int[1024];
        private SpanInterner? _distinct = new();
        private StringArena? _listed;
        private int _present;
        private int _expected;

        /// <summary>How many values the column keeps, id 0 (missing) included.</summary>
        public int ValueCount => _distinct?.Count ?? _listed!.Count;

        public int Count { get; private set; }

        public ReadOnlySpan<int> Rows => _rows.AsSpan(0, Count);

        /// <summary>Whether the column is listed row by row rather than interned.</summary>
        public bool IsListed => _listed is not null;

        public ReadOnlySpan<char> Value(int id) => _distinct is { } distinct ? distinct[id] : _listed![id];

        /// <summary>The characters of the values the column keeps, all together.</summary>
        public long Chars => _distinct?.Chars ?? _listed!.Chars;

        public void Add(string? raw) => Add(raw.AsSpan());

        /// <summary>Makes room for <paramref name="rows"/> rows in all (and, once listed, their values).</summary>
        public void Reserve(int rows)
        {
            _expected = Math.Max(_expected, rows);
            if (rows > _rows.Length)
            {
                Array.Resize(ref _rows, rows);
            }

            _listed?.Reserve(rows);
        }

        /// <summary>The rows the column has room for.</summary>
        public int Capacity => _rows.Length;

        public void TrimExcess()
        {
            if (_rows.Length > Slack(Count))
            {
                Array.Resize(ref _rows, Count);
            }

            _listed?.TrimExcess();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ReadOnlySpan<char> raw)
        {
            var id = 0;
            if (!raw.IsWhiteSpace())
            {
                _present++;
                id = _distinct?.Intern(raw) ?? List(raw);
            }

            if (Count == _rows.Length)
            {
                Array.Resize(ref _rows, _rows.Length * 2);
            }

            _rows[Count++] = id;
            if (Count == Checkpoint && _distinct is not null && _distinct.Count - 1 > _present * 0.95)
            {
                ListRowByRow(_distinct);
            }
        }

        private int List(ReadOnlySpan<char> raw)
        {
            _listed!.Add(raw);
            return _listed.Count - 1;
        }

        private void ListRowByRow(SpanInterner distinct)
        {
            _listed = new StringArena();
            _listed.Add([]);
            _distinct = null;
            foreach (ref var id in _rows.AsSpan(0, Count))
            {
                id = id == 0 ? 0 : List(distinct[id]);
            }

            _listed.Reserve(_expected);
        }
    }
}
