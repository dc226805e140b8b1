using System.Globalization;
using LinkService.Linkage.Data;
using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// An aggregate table's cells while its rows are taken: labels interned per groupBy column, each group (a label id
/// per column) numbered with no string per row, and a <see cref="CellTally"/> per group. Rows come from the file or
/// from the rows as written (<see cref="TableBuilder"/>); either way they are tallied here alike.
/// </summary>
internal sealed class GroupTally(int columns)
{
    private readonly SpanInterner[] _labels = [.. Enumerable.Range(0, columns).Select(_ => new SpanInterner())];
    private readonly TupleNumbers _groups = new();
    private readonly Dictionary<int, (int[] Labels, CellTally Tally)> _cells = [];

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

    public void Add(ReadOnlySpan<int> group, int person, decimal? value, bool notNumber)
    {
        var number = _groups.Of(group);
        if (!_cells.TryGetValue(number, out var cell))
        {
            _cells[number] = cell = (group.ToArray(), new CellTally());
        }

        if (notNumber)
        {
            NotNumbers++;
        }

        cell.Tally.Add(person, value);
    }

    /// <summary>Each group seen, as its labels, with its tally.</summary>
    public Dictionary<string[], CellTally> Cells() => _cells.Values.ToDictionary(
        cell => cell.Labels.Select((id, i) => _labels[i][id].ToString()).ToArray(), cell => cell.Tally, GroupComparer.Instance);
}
