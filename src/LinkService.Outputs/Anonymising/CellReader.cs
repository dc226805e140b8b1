using System.Runtime.CompilerServices;
using LinkService.Deliveries;
using LinkService.Linkage.Data;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// One chosen column of a delivery's rows: the cell (or the schema's missing value, blank) through the column's plan,
/// the result interned among the column's values. A cell is read as characters and transformed once per distinct
/// cell (a cell met before is known by its bytes, <see cref="RawCellIds"/>); only an age at another column's date,
/// which depends on two cells, is worked out row by row.
/// </summary>
/// <remarks>
/// A column whose cells hardly repeat (a postcode column: 794,000 distinct of 1M justice records, 92 % of its first
/// <see cref="Sample"/> rows) is read cell by cell once those rows show it: numbering such cells would only grow a
/// table of them, a cache miss a row, for few cells met again. A column that merely starts varied (weekly amounts: 53 %
/// of the first rows distinct, 50,000 values in 3M rows) keeps its numbers. Both ways give the same values in the same
/// order.
/// </remarks>
internal sealed class CellReader(ColumnPlan plan, int? column, HashSet<string> missing, (int? Column, HashSet<string> Missing) at, SpanInterner values)
{
    /// <summary>The rows after which a column with more distinct cells than seven in eight of them is read cell by cell.</summary>
    internal const int Sample = 1 << 16;

    private RawCellIds? _seen = new();
    private int[] _valueOfSeen = new int[1024];
    private char[] _chars = new char[256];
    private int _rows;

    /// <summary>The id of the current row's output value among the column's values; 0 for blank.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Read(AcceptedRows delivery)
    {
        if (plan.At is not null)
        {
            return Intern(plan.Apply(Cell(delivery, (column, missing)), Cell(delivery, at)));
        }

        if (column is not { } c || c >= delivery.Count)
        {
            return 0;
        }

        if (_seen is null)
        {
            return ValueOf(delivery, c);
        }

        var seen = _seen.IdOf(delivery.RawCell(c), out var added);
        if (added)
        {
            if (seen == _valueOfSeen.Length)
            {
                Array.Resize(ref _valueOfSeen, 2 * seen);
            }

            _valueOfSeen[seen] = ValueOf(delivery, c);
        }

        var value = _valueOfSeen[seen];
        if (_rows < Sample && ++_rows == Sample && 8 * _seen.Count > 7 * Sample)
        {
            (_seen, _valueOfSeen) = (null, []);
        }

        return value;
    }

    /// <summary>Whether the column is read cell by cell (<see cref="Sample"/>).</summary>
    internal bool CellByCell => _seen is null;

    private int ValueOf(AcceptedRows delivery, int c)
    {
        var text = Copy(delivery, c).ToString();
        return missing.Contains(text) ? 0 : Intern(plan.Apply(text, null));
    }

    private int Intern(string? value) => value is null ? 0 : values.Intern(value);

    private ReadOnlySpan<char> Copy(AcceptedRows delivery, int c)
    {
        var most = delivery.MaxCellChars(c);
        if (_chars.Length < most)
        {
            _chars = new char[Math.Max(most, 2 * _chars.Length)];
        }

        return _chars.AsSpan(0, delivery.CopyCell(c, _chars));
    }

    private static string? Cell(AcceptedRows delivery, (int? Column, HashSet<string> Missing) at) =>
        at.Column is { } c && c < delivery.Count && delivery[c] is var value && !at.Missing.Contains(value) ? value : null;
}
