using LinkService.Linkage.Data;
using LinkService.Outputs.Persons;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// The rows of one de-identified file as numbers: each row's person (a cluster of <see cref="Persons"/>), its record
/// (a number into the file's <see cref="RecordPseudonyms"/>) and its cells (ids into each column's <see cref="Values"/>,
/// 0 for blank). A row costs a few numbers, not objects, and they lie together: the file is written in another
/// order than the rows are read in, and a row is then one place in memory, not one per column.
/// </summary>
internal sealed class RecordColumns
{
    private readonly int _width;
    private int[] _numbers;

    public RecordColumns(int columns, int capacity)
    {
        _width = columns + 2;
        _numbers = new int[Math.Max(capacity, 16) * _width];
        Values = [.. Enumerable.Range(0, columns).Select(_ => new SpanInterner())];
    }

    /// <summary>The persons' pseudonyms, set once the rows are found among the run's records.</summary>
    public PersonPseudonyms Persons { get; set; } = PersonPseudonyms.OfTexts(new SpanInterner());

    /// <summary>Each column's values, id 0 being blank.</summary>
    public IReadOnlyList<SpanInterner> Values { get; }

    public int Count { get; private set; }

    /// <summary>Adds a row with blank cells; returns its number.</summary>
    public int Add(int person, int record)
    {
        if ((Count + 1) * _width > _numbers.Length)
        {
            Array.Resize(ref _numbers, 2 * _numbers.Length);
        }

        _numbers[Count * _width] = person;
        _numbers[(Count * _width) + 1] = record;
        return Count++;
    }

    /// <summary>Sets a row's person and record, once they are known.</summary>
    public void SetKeys(int row, int person, int record)
    {
        _numbers[row * _width] = person;
        _numbers[(row * _width) + 1] = record;
    }

    /// <summary>Starts fetching a row into the cache (<see cref="CacheFetch"/>): rows are written in another order than read, each one a place of its own.</summary>
    public void Fetch(int row) => CacheFetch.Ahead(_numbers, row * _width);

    public int Person(int row) => _numbers[row * _width];

    public int Record(int row) => _numbers[(row * _width) + 1];

    /// <summary>The value id of a cell, which k-anonymity may blank.</summary>
    public ref int Cell(int row, int column) => ref _numbers[(row * _width) + 2 + column];
}
