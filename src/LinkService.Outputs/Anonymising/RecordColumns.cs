using LinkService.Linkage.Data;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// The rows of one de-identified file, column by column: each row's person (an id into <see cref="Persons"/>), its
/// record (a number into the file's <see cref="RecordPseudonyms"/>) and its cells (ids into each column's
/// <see cref="Values"/>, 0 for blank). A row costs a few numbers, not objects; a value is held once.
/// </summary>
internal sealed class RecordColumns
{
    private readonly int[][] _cells;
    private int[] _person;
    private int[] _record;

    public RecordColumns(SpanInterner persons, int columns, int capacity)
    {
        Persons = persons;
        capacity = Math.Max(capacity, 16);
        _person = new int[capacity];
        _record = new int[capacity];
        _cells = [.. Enumerable.Range(0, columns).Select(_ => new int[capacity])];
        Values = [.. Enumerable.Range(0, columns).Select(_ => new SpanInterner())];
    }

    public SpanInterner Persons { get; }

    /// <summary>Each column's values, id 0 being blank.</summary>
    public IReadOnlyList<SpanInterner> Values { get; }

    public int Count { get; private set; }

    /// <summary>Adds a row with blank cells; returns its number.</summary>
    public int Add(int person, int record)
    {
        if (Count == _person.Length)
        {
            Array.Resize(ref _person, 2 * Count);
            Array.Resize(ref _record, 2 * Count);
            for (var c = 0; c < _cells.Length; c++)
            {
                Array.Resize(ref _cells[c], 2 * Count);
            }
        }

        _person[Count] = person;
        _record[Count] = record;
        return Count++;
    }

    public int Person(int row) => _person[row];

    public int Record(int row) => _record[row];

    /// <summary>The value id of a cell, which k-anonymity may blank.</summary>
    public ref int Cell(int row, int column) => ref _cells[column][row];
}
