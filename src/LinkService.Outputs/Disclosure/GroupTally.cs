using System.Globalization;
using LinkService.Linkage.Data;
using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// An aggregate table's cells while its rows are taken: labels interned per groupBy column, each group (a label id
/// per column) numbered with no string per row, and a <see cref="CellTally"/> per group. Rows come from the file or
/// from the rows as written (<see cref="TableBuilder"/>); either way they are tallied here alike: kept as numbers
/// (cell, person, value), then given to their cells person by person, so that no cell needs an entry per person.
/// </summary>
/// <param name="columns">The groupBy columns.</param>
/// <param name="rows">The rows to come, where known.</param>
internal sealed class GroupTally(int columns, int rows = 0)
{
    private readonly SpanInterner[] _labels = [.. Enumerable.Range(0, columns).Select(_ => new SpanInterner())];
    private readonly TupleNumbers _groups = new();
    private readonly Dictionary<int, int> _cellOfGroup = [];
    private readonly List<(int[] Labels, CellTally Tally)> _cells = [];
    private readonly List<int> _cellOf = new(rows);
    private readonly List<int> _personOf = new(rows);
    private readonly List<decimal?> _valueOf = new(rows);
    private int _persons;

    /// <summary>Rows whose magnitude cell held text that is not a number.</summary>
    public long NotNumbers { get; private set; }

    /// <summary>The id of a label of groupBy column <paramref name="column"/>, the same for the same text.</summary>
    public int Label(int column, ReadOnlySpan<char> text) => _labels[column].Intern(text);

    /// <summary>
    /// The magnitude a cell's text holds: null for a blank cell, and for text that is not a number, which
    /// <see cref="Add"/> counts when told.
    /// </summary>
    public static decimal? Value(ReadOnlySpan<char> text, out bool notNumber)
    {
        notNumber = false;
        if (text.IsEmpty)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        notNumber = true;
        return null;
    }

    /// <summary>Adds a row of <paramref name="person"/> (a number from 0, the same for the same person).</summary>
    public void Add(ReadOnlySpan<int> group, int person, decimal? value, bool notNumber)
    {
        var number = _groups.Of(group);
        if (!_cellOfGroup.TryGetValue(number, out var cell))
        {
            _cellOfGroup[number] = cell = _cells.Count;
            _cells.Add((group.ToArray(), new CellTally()));
        }

        if (notNumber)
        {
            NotNumbers++;
        }

        _cellOf.Add(cell);
        _personOf.Add(person);
        _valueOf.Add(value);
        _persons = Math.Max(_persons, person + 1);
    }

    /// <summary>Each group seen, as its labels, with its tally.</summary>
    public Dictionary<string[], CellTally> Cells()
    {
        // The rows by person (a counting sort, stable: a person's rows keep their order), so each cell meets a person's rows together.
        var start = new int[_persons + 1];
        foreach (var person in _personOf)
        {
            start[person + 1]++;
        }

        for (var p = 0; p < _persons; p++)
        {
            start[p + 1] += start[p];
        }

        var byPerson = new int[_personOf.Count];
        for (var row = 0; row < _personOf.Count; row++)
        {
            byPerson[start[_personOf[row]]++] = row;
        }

        foreach (var row in byPerson)
        {
            _cells[_cellOf[row]].Tally.Add(_personOf[row], _valueOf[row]);
        }

        return _cells.ToDictionary(cell => cell.Labels.Select((id, i) => _labels[i][id].ToString()).ToArray(), cell => cell.Tally, GroupComparer.Instance);
    }
}
