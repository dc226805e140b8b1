using System.Globalization;
using LinkService.Linkage.Data;
using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// An aggregate table's cells while its rows are taken: labels interned per groupBy column, each group (a label id
/// per column) numbered with no string per row, magnitudes numbered by their text (each parsed once), and a
/// <see cref="CellTally"/> per group. Rows come from the file or from the rows as written (<see cref="TableBuilder"/>);
/// either way they are tallied here alike: kept as numbers (cell, person, magnitude), then given to their cells person
/// by person, so that no cell needs an entry per person.
/// </summary>
/// <param name="columns">The groupBy columns.</param>
/// <param name="rows">The rows to come, where known.</param>
internal sealed class GroupTally(int columns, int rows = 0)
{
    private readonly SpanInterner[] _labels = [.. Enumerable.Range(0, columns).Select(_ => new SpanInterner())];
    private readonly TupleNumbers _groups = new();
    private readonly Dictionary<int, int> _cellOfGroup = [];
    private readonly List<(int[] Labels, CellTally Tally)> _cells = [];
    private readonly SpanInterner _valueTexts = new();
    private readonly List<decimal?> _values = [null];
    private readonly List<bool> _notNumber = [false];
    private int[] _cellOf = new int[Math.Max(rows, 16)];
    private int[] _personOf = new int[Math.Max(rows, 16)];
    private int[] _valueOf = new int[Math.Max(rows, 16)];
    private int _rows;
    private int _persons;

    /// <summary>Rows whose magnitude cell held text that is not a number.</summary>
    public long NotNumbers { get; private set; }

    /// <summary>The id of a label of groupBy column <paramref name="column"/>, the same for the same text.</summary>
    public int Label(int column, ReadOnlySpan<char> text) => _labels[column].Intern(text);

    /// <summary>
    /// The id of the magnitude a cell's text holds, the same for the same text (0 is no magnitude): none for a blank
    /// cell, nor for text that is not a number, which <see cref="Add"/> counts.
    /// </summary>
    public int Value(ReadOnlySpan<char> text)
    {
        var id = _valueTexts.Intern(text);
        if (id == _values.Count)
        {
            var parsed = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
            _values.Add(parsed ? number : null);
            _notNumber.Add(!parsed && !text.IsEmpty);
        }

        return id;
    }

    /// <summary>Adds a row of <paramref name="person"/> (a number from 0, the same for the same person), its magnitude <paramref name="value"/> an id from <see cref="Value"/> (0 for none).</summary>
    public void Add(ReadOnlySpan<int> group, int person, int value)
    {
        var number = _groups.Of(group);
        if (!_cellOfGroup.TryGetValue(number, out var cell))
        {
            _cellOfGroup[number] = cell = _cells.Count;
            _cells.Add((group.ToArray(), new CellTally()));
        }

        if (_notNumber[value])
        {
            NotNumbers++;
        }

        if (_rows == _cellOf.Length)
        {
            Array.Resize(ref _cellOf, 2 * _rows);
            Array.Resize(ref _personOf, 2 * _rows);
            Array.Resize(ref _valueOf, 2 * _rows);
        }

        (_cellOf[_rows], _personOf[_rows], _valueOf[_rows]) = (cell, person, value);
        _rows++;
        _persons = Math.Max(_persons, person + 1);
    }

    /// <summary>Each group seen, as its labels, with its tally.</summary>
    public Dictionary<string[], CellTally> Cells()
    {
        // The rows by person (a counting sort, stable: a person's rows keep their order), so each cell meets a person's
        // rows together. Each row's cell and magnitude are moved to its place as it is read, so both passes read in sequence.
        var start = new int[_persons + 1];
        for (var row = 0; row < _rows; row++)
        {
            start[_personOf[row] + 1]++;
        }

        for (var p = 0; p < _persons; p++)
        {
            start[p + 1] += start[p];
        }

        var (cellOf, valueOf, next) = (new int[_rows], new int[_rows], start[..^1]);
        for (var row = 0; row < _rows; row++)
        {
            var at = next[_personOf[row]]++;
            (cellOf[at], valueOf[at]) = (_cellOf[row], _valueOf[row]);
        }

        var tallies = _cells.Select(c => c.Tally).ToArray();
        var values = _values.ToArray();
        for (var person = 0; person < _persons; person++)
        {
            for (var at = start[person]; at < start[person + 1]; at++)
            {
                tallies[cellOf[at]].Add(person, values[valueOf[at]]);
            }
        }

        return _cells.ToDictionary(cell => cell.Labels.Select((id, i) => _labels[i][id].ToString()).ToArray(), cell => cell.Tally, GroupComparer.Instance);
    }
}
